"""Coreference inside a document: pronouns and definite descriptions to the actors they stand for.

Contract: requires the parsed sentences of one document in order and their
actor mentions; assigns extra :class:`~geopol.text.mentions.FoundMention`
records (origin ``coreference``) on the words that refer back. A
rule-based resolver over the spaCy parse (no maintained English resolver
installs offline with its model; see docs/text.md):

- **first person** ("I", "we", "our", "my"): inside quotation marks, the
  speaker of the quote (the subject of the sentence's reporting verb, else
  the last speaker quoted); outside them, the document's author (the person
  a "Statement by ..." or "Media release, ..." line names); "we"/"our" are
  the speaker's country; "our two countries" the speaker's and the other
  state last named;
- **he, she, his, her**: the last person (else one official: "the foreign
  minister") named before in this sentence; for
  a subject "he" with none, the person (or one official: "the foreign
  minister") the previous sentence had for subject, as the centering
  account of pronouns has it (Grosz, Joshi and Weinstein 1995); else the
  last person named in the previous two sentences;
- **it, its** (as a subject or a possessor, not "it is ... that"): the actor
  subject of this sentence before the pronoun, else the last state or IGO
  named in it before, else the actor subject of the previous sentence;
- **they, their, them**: the last plural actor (two coordinated states, or
  a plural sector: "officials", "troops") of this or the previous sentence,
  else what the last "they" of the three sentences before stood for;
- **the two countries, both sides, the two governments, the parties**: the
  last two states named in the last three sentences;
- **the North, the South**: the state named earlier whose name begins so
  ("North Korea", "South Sudan"); never when none was named;
- **a bare sector noun** ("the ambassador", "the government", "the
  ministry"): the person named earlier with that title, else the state last
  named in this or the previous sentence with the noun's role, else the
  author's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .. import codes
from .mentions import FoundMention
from .moods import REPORTING

__all__ = ["DocumentContext", "resolve_sentence", "author_of"]

_FIRST_SG = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PL = frozenset({"we", "us", "our", "ours", "ourselves"})
_HE = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_IT = frozenset({"it", "its", "itself"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_PAIR_NOUNS = frozenset({"countries", "nations", "sides", "governments", "states", "neighbours", "neighbors",
                         "leaders", "parties", "capitals", "powers", "koreas", "rivals", "allies", "adversaries",
                         "presidents", "ministers", "premiers", "delegations", "counterparts"})
# Pair nouns that name people: "the two leaders" are the last two persons of two states as well
_PERSON_PAIRS = frozenset({"leaders", "presidents", "ministers", "premiers", "delegations", "counterparts"})
_QUOTES = frozenset('"“”')
_PEOPLE = frozenset({"people", "refugee", "civilian", "citizen", "prisoner", "detainee", "migrant", "resident",
                     "villager", "hostage", "national"})
_BYLINE_START = ("media release", "press release", "news release", "statement by", "statement from",
                 "joint statement", "remarks by", "readout of", "message from", "speech by", "statement of")
_STATE_KINDS = frozenset({"name", "abbrev", "official", "capital", "demonym", "igo", "place"})


@dataclass
class DocumentContext:
    """What a document has said so far, sentence by sentence."""

    author: FoundMention | None = None
    history: list = field(default_factory=list)     # [(sentence number, [mentions])], most recent last
    venues: set = field(default_factory=set)        # ids of the history's mentions that name a venue
    speaker: FoundMention | None = None             # the last speaker quoted
    in_quote: bool = False                          # the previous sentence ended inside a quotation
    subject: FoundMention | None = None             # the previous sentence's main subject, when an actor
    someone: FoundMention | None = None             # ... when one person or official ("the minister")
    they: tuple = ()                                # (sentence number, what "they" stood for last)
    paragraph: int = -1
    sentence: int = 0
    quoted_start: bool = False                      # the sentence read last began inside a quotation
    last_time: object = None                        # the time of the last event dated by the text
    acts: list = field(default_factory=list)        # the sources of the events read so far

    def recent(self, n: int):
        return [m for _, ms in self.history[-n:] for m in ms]


def author_of(text: str, mentions) -> FoundMention | None:
    """The author a byline line names ("Statement by U.S. President Joe Biden ...")."""
    low = text.strip().lower()
    if not low.startswith(_BYLINE_START):
        return None
    persons = [m for m in mentions if m.kind == "person" and m.country]
    if persons:
        return persons[0]
    return next((m for m in mentions if m.country), None)


def _as(m: FoundMention, tok, base, *, country_only=False, role=None) -> FoundMention:
    s = tok.idx - base
    if country_only:
        return FoundMention(s, s + len(tok.text), tok.text, m.country, m.country, "name", None, None,
                            tok.dep_ == "poss", "coreference")
    if role is not None:
        first = tok
        while first.i >= 2 and first.doc[first.i - 1].text == "-" and not first.doc[first.i - 1].whitespace_ \
                and not first.doc[first.i - 2].whitespace_:
            first = first.doc[first.i - 2]  # "Secretary-General": the whole hyphenated title
        s0 = first.idx - base
        text = tok.doc.text[first.idx:tok.idx + len(tok.text)]
        return FoundMention(s0, s + len(tok.text), text, m.country + role if m.country else m.actor, m.country,
                            "sector", role, None, False, "coreference")
    return replace(m, start=s, end=s + len(tok.text), text=tok.text, possessive=tok.dep_ == "poss",
                   origin="coreference")


def _states(ms, igos: bool = True, venues=frozenset(), persons: bool = False):
    out, seen = [], set()
    kinds = _STATE_KINDS | {"sector"} | ({"person"} if persons else set())
    for m in reversed(ms):
        if m.country and m.kind in kinds and m.country not in seen and id(m) not in venues and \
                (igos or m.country in codes.countries()):
            seen.add(m.country)
            out.append(m)
    return out  # most recent first


def _quoted(toks, base, ctx) -> list[bool]:
    """For each token: inside quotation marks?"""
    inside = ctx.in_quote
    out = []
    for t in toks:
        if t.text in _QUOTES or t.text in ("``", "''"):
            inside = not inside
            out.append(False)
            continue
        out.append(inside)
    return out


def resolve_sentence(doc, mentions, ctx: DocumentContext, *, paragraph: int, roles: dict[str, str],
                     shared: dict | None = None) -> list:
    """Coreference mentions for one parsed sentence; updates ``ctx`` (call sentences in order).

    ``shared`` maps the plural of a name several states share to them ("koreas" → North and South Korea):
    "the two Koreas" are both."""
    base = doc[0].idx if len(doc) else 0
    if paragraph != ctx.paragraph:
        ctx.in_quote = False
        ctx.paragraph = paragraph
    toks = list(doc)  # iterating a Doc builds its tokens each time: once per sentence
    actors = [m for m in mentions if m.country]
    quoted = _quoted(toks, base, ctx)
    ctx.quoted_start = ctx.in_quote or (len(doc) > 0 and doc[0].text in _QUOTES)
    spans = [(m.start, m.end) for m in mentions]
    covered = {t.i for t in toks if any(a <= t.idx - base < b for a, b in spans)}
    first = toks[0].i if toks else 0
    # the speaker of this sentence: the subject of a reporting verb outside the quotation marks
    speaker = None
    for t in toks:
        if t.lemma_.lower() in REPORTING and t.pos_ == "VERB" and not quoted[t.i - first]:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                speaker = next((m for m in actors if m.start <= subj.idx - base < m.end), None) or \
                    next((m for m in actors if subj.left_edge.idx - base <= m.start and m.end <= subj.idx - base
                          and m.kind != "person"), None)  # "a Chinese foreign ministry spokesman said"
                if speaker is None and subj.lower_ in _HE:
                    speaker = next((m for m in reversed(ctx.recent(3)) if m.kind == "person"), None)
                if speaker is not None:
                    break
    out: list[FoundMention] = []
    before: list[FoundMention] = []
    prev = ctx.recent(1)
    subject_offsets = [t.idx - base for t in toks if t.dep_ in ("nsubj", "nsubjpass")]
    subjects = [m for o in subject_offsets for m in actors if m.start <= o < m.end]
    for t in toks:
        k = t.i - first
        before = [m for m in actors + out if m.end <= t.idx - base]
        if t.i in covered:
            continue
        low = t.lower_
        if t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$"):
            found = _pronoun(t, low, quoted[k], speaker, ctx, before, prev, subject_offsets, base)
            out.extend(found)
            continue
        if shared and low in shared and any(c.lower_ in ("two", "both", "the") for c in t.children):
            s0 = t.idx - base
            out.extend(FoundMention(s0, s0 + len(t.text), t.text, code, code, "name", None, None, False,
                                    "coreference") for code in shared[low])
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in _PEOPLE and \
                any(c.dep_ == "det" and c.lower_ in ("these", "those", "the") for c in t.children) and \
                not any(c.dep_ in ("amod", "compound", "poss") and c.i in covered for c in t.children):
            # "these people", "the refugees": the people of a state the text named last
            people = next((m for m in reversed(ctx.recent(3) + before) if m.kind == "sector"
                           and (m.role or "")[:3] in ("CVL", "REF")), None)
            if people is not None:
                out.append(_as(people, t, base))
            continue
        if t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            out.extend(_definite(t, low, ctx, before, prev, base, roles, covered, doc, subjects))
        elif low in _PAIR_NOUNS and any(c.lower_ == "both" for c in t.children):
            pair = _states(ctx.recent(3) + before, igos=False, venues=ctx.venues, persons=low in _PERSON_PAIRS)[:2]
            if len(pair) == 2:
                out.extend(_as(m, t, base, country_only=True) for m in pair)
    # what the next sentence will see
    if speaker is not None:
        ctx.speaker = speaker
    quote_marks = sum(1 for t in toks if t.text in _QUOTES or t.text in ("``", "''"))
    ctx.in_quote = (ctx.in_quote + quote_marks) % 2 == 1
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    main = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if main is not None and root.lemma_.lower() in REPORTING:
        # "X did Y, officials said": the subject of the reported clause is what the sentence is about
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        main = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), main) if inner is not None else main
    ctx.subject = next((m for m in actors + out if main is not None and m.kind != "person"
                        and m.start <= main.idx - base < m.end), None)
    ctx.someone = next((m for m in actors + out if main is not None and m.start <= main.idx - base < m.end
                        and _one_person(m)), None)
    # a venue ("met in Geneva") took no part: "the two sides" in the next sentence are not it
    ctx.venues |= {id(m) for m in actors if m.kind in ("capital", "place") and _is_venue(doc, m, base)}
    ctx.history.append((ctx.sentence, actors + out))
    ctx.history = ctx.history[-6:]
    ctx.venues &= {id(m) for _, ms in ctx.history for m in ms}  # ids of mentions still held (never reused)
    ctx.sentence += 1
    return out


def _pronoun(t, low, inside, speaker, ctx, before, prev, subject_offsets, base) -> list:
    if low in _FIRST_SG | _FIRST_PL:
        who = (speaker or ctx.speaker) if inside else (ctx.author if ctx.author is not None else None)
        if inside and who is None:
            who = ctx.author
        if who is None:
            return []
        if low in _FIRST_SG:
            return [_as(who, t, base)]
        # "our two countries": the speaker's and the other state last named
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.lower_ in ("two", "both") and t.i + 2 < len(t.doc) and \
                t.doc[t.i + 2].lower_ in _PAIR_NOUNS:
            other = next((m for m in _states(ctx.recent(3) + before) if m.country != who.country), None)
            return [_as(who, t, base, country_only=True)] + ([_as(other, t, base, country_only=True)] if other else [])
        return [_as(who, t, base, country_only=True)]
    if low in _HE:
        person = next((m for m in reversed(before) if m.kind == "person"), None) or \
            next((m for m in reversed(before) if _one_person(m)), None)  # "the foreign minister said he"
        if person is None and t.dep_ in ("nsubj", "nsubjpass"):
            person = ctx.someone  # a subject "he" goes on with the person the last sentence was about
        person = person or next((m for m in reversed(ctx.recent(2)) if m.kind == "person"), None)
        return [_as(person, t, base)] if person is not None else []
    if low in _IT:
        if t.dep_ in ("dobj", "pobj") and low == "it":
            # "Israel said a mortar bomb was fired at it", "China said the drills threatened it": the object
            # of a reported clause is the state that reports it
            return [_as(m, t, base) for m in [_reporter(t, before, base)] if m is not None]
        if t.dep_ not in ("nsubj", "nsubjpass", "poss") or _expletive(t):
            return []
        if t.dep_ == "poss":
            # "heightening its role": the subject of the possessor's own clause comes first
            own = _clause_subject_actor(t, before, base)
            if own is not None:
                return [_as(own, t, base)]
        plural = {x.idx - base for x in t.doc if x.dep_ in ("nsubj", "nsubjpass") and x.tag_ in ("NNS", "NNPS")}
        subj = next((m for m in before if m.kind != "person" and any(
            m.start <= o < m.end and o not in plural for o in subject_offsets)), None)
        # else the previous sentence's subject, when that subject is an actor ("The agreement ... It": no)
        cand = subj or ctx.subject
        return [_as(cand, t, base)] if cand is not None else []
    if low in _THEY:
        found = _they(t, before, prev, ctx)
        if found:
            ctx.they = (ctx.sentence, found)
        elif ctx.they and ctx.sentence - ctx.they[0] <= 3 and t.dep_ in ("nsubj", "poss"):
            # "They have announced a roadmap. [...] Today, they are releasing prisoners": the same "they"
            found = ctx.they[1]
        return [_as(m, t, base, country_only=m.kind not in ("sector",)) for m in found] if found else []
    return []


def _reporter(t, before, base):
    """The state subject of the verb whose reported clause holds ``t`` ("Israel said ... at it": Israel)."""
    cur = t
    for _ in range(8):
        if cur.head is cur:
            return None
        if cur.dep_ == "ccomp" and cur.head.lemma_ in _SAYING:
            subj = next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
            return subj is not None and next((m for m in before if m.kind in _STATE_KINDS and
                                              m.start <= subj.idx - base < m.end), None) or None
        cur = cur.head
    return None


_SAYING = frozenset({"say", "claim", "state", "report", "announce", "allege", "insist", "complain", "warn", "tell",
                     "accuse", "charge", "protest"})


def _they(t, before, prev, ctx) -> list:
    """What "they" stands for from this and the previous sentence: a plural sector, two states, a
    government the previous sentence was about."""
    pool = before or prev
    plural = [m for m in reversed(pool) if m.kind == "sector" and m.text.endswith("s")]
    if plural:
        return [plural[0]]
    states = _states(pool)
    if len(states) >= 2 and t.dep_ in ("nsubj", "poss"):
        return states[:2]
    if t.dep_ in ("nsubj", "poss") and ctx.subject is not None and ctx.subject.kind == "sector" and \
            (ctx.subject.role or "").startswith("GOV"):
        return [ctx.subject]  # "the Venezuelan regime ... They have announced"
    return []


_BODIES = frozenset({"government", "ministry", "administration", "cabinet", "regime", "state", "office",
                     "department", "embassy", "council", "parliament", "presidency", "authorities"})


# Names for a government that only others use: a statement's "the regime" or "the junta" is not its author's
_NOT_OWN = frozenset({"junta", "regime", "dictatorship", "dictator", "tyrant", "autocrat"})


def _is_venue(doc, m, base) -> bool:
    toks = [t for t in doc if m.start <= t.idx - base < m.end]
    head = next((t for t in toks if t.head not in toks or t.head is t), None)  # "Addis Ababa": "Ababa"
    return head is not None and head.dep_ == "pobj" and head.head.lower_ in ("in", "at")


def _one_person(m) -> bool:
    """A mention that can be "he" or "she": a person, or one official ("the foreign minister")."""
    if m.kind == "person":
        return True
    last = m.text.split()[-1].lower() if m.text.split() else ""
    if last in _ONE_OFFICE:
        return True  # "UN Secretary-General ... He calls on": an office held by one person
    return m.kind == "sector" and (m.role or "")[:3] == "GOV" and last not in _BODIES and not last.endswith("s")


# Offices one person holds, whatever the mention's kind ("the UN Secretary-General" is the UN's)
_ONE_OFFICE = frozenset({"secretary-general", "general", "president", "chancellor", "premier", "king", "queen",
                         "emperor", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman"})


def _clause_subject_actor(t, before, base):
    cur, via_for = t.head, False
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and via_for:
            # "X condemned Y for its sanctions", "thanked Y for its support": the reason is the object's
            obj = next((c for c in cur.children if c.dep_ == "dobj"), None)
            found = obj is not None and next((m for m in before if m.kind != "person" and
                                              m.start <= obj.idx - base < m.end), None)
            if found:
                return found
        if cur.pos_ in ("VERB", "AUX"):
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                if subj.tag_ in ("NNS", "NNPS"):
                    return None  # "Azerbaijani troops had killed three of its soldiers": "its" is not the troops
                return next((m for m in before if m.kind != "person" and m.start <= subj.idx - base < m.end), None)
            if cur.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or cur.head is cur:
                return None
        if cur.head is cur:
            return None
        via_for = via_for or (cur.dep_ == "prep" and cur.lower_ == "for")
        cur = cur.head
    return None


def _expletive(t) -> bool:
    head = t.head
    return t.dep_ == "expl" or (head.lemma_ == "be" and any(c.dep_ in ("ccomp", "xcomp", "acomp") for c in head.children)
                                and t.lower_ == "it" and any(c.dep_ == "ccomp" for c in head.children))


def _definite(t, low, ctx, before, prev, base, roles, covered, doc, subjects) -> list:
    """ "the two countries", "the North", "the ambassador", "the government"."""
    if low in _PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in t.children):
        pair = _states(ctx.recent(3) + before, igos=False, venues=ctx.venues,  # not the UN nor a venue
                       persons=low in _PERSON_PAIRS)[:2]
        return [_as(m, t, base, country_only=True) for m in pair] if len(pair) == 2 else []
    if t.text in ("North", "South") and t.pos_ == "PROPN" and not any(c.dep_ in ("compound", "amod") for c in t.children) \
            and t.dep_ not in ("compound", "amod"):
        want = t.text + " "
        named = [m for m in ctx.recent(6) + before if m.kind in _STATE_KINDS and m.text.startswith(want)]
        return [_as(named[-1], t, base, country_only=True)] if named else []
    # a bare sector noun: "the ambassador", "the Government", "the ministry"
    if any(c.dep_ in ("amod", "compound", "poss") and c.i in covered for c in t.children):
        return []
    phrase = low
    compound = [c for c in t.children if c.dep_ == "compound"]
    if compound:
        phrase = " ".join(c.lower_ for c in compound) + " " + low
    whole = t.doc
    if t.i >= 2 and whole[t.i - 1].text == "-" and not whole[t.i - 1].whitespace_ and not whole[t.i - 2].whitespace_:
        # "the Secretary-General": the hyphenated title, not its last part ("General" is no army officer here)
        role = roles.get(f"{whole[t.i - 2].lower_}-{low}")
    else:
        role = roles.get(phrase) or roles.get(low) or roles.get(t.lemma_.lower())
    if role is None or role not in ("GOV", "MIL", "COP", "JUD", "SPY", "LEG") and not role.startswith("GOV"):
        return []
    if any(c.dep_ == "prep" and c.lower_ in ("of", "in", "from") for c in t.children):
        return []  # "the Government of Germany": the mention finder or the parse names it
    # the person introduced with that title
    title = next((m for m in reversed(ctx.recent(6) + before) if m.kind == "person" and low in m.text.lower()), None)
    if title is not None:
        return [_as(title, t, base)]
    own = ctx.author if low not in _NOT_OWN else None  # no government calls itself a junta or a regime
    if own is not None and t.text[:1].isupper() and t.pos_ != "PROPN" or \
            own is not None and t.text in ("Government", "Ministry", "Department"):
        cand = ctx.author  # "the Government has decided", in a minister's own release
    else:
        # the state the sentence is about (its first actor subject), else the one last named
        subjects = [m for m in subjects if m.kind in _STATE_KINDS | {"sector"}]
        cand = (subjects[0] if subjects else None) or \
            next((m for m in reversed(before) if m.kind in _STATE_KINDS | {"sector"}), None) or \
            next((m for m in reversed(prev) if m.kind in _STATE_KINDS | {"sector"}), None)
    if cand is None and own is not None:
        cand = own
    if cand is None or not cand.country:
        return []
    return [_as(cand, t, base, role=role)]
