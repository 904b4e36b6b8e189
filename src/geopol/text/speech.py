"""Speech acts typed by what is said: CAMEO's statements, demands, threats, intents, rejections,
accusations, criticism and praise are all "X said ...", and the reported clause decides between them.

Contract: requires a parsed sentence, the frame of its speech verb (with its
reported clause, :mod:`geopol.text.frames`), the sentence's frames by head and
the lexicon; :func:`content_code` returns (code, targets). Also the CAMEO
codes of a refusal and of a threat by what is refused or threatened.
"""

from __future__ import annotations

from .frames import Frame
from .lexicon import frame_code
from .moods import performed, refusal
from .parties import by_party as _unique
from .parties import party
from .parties import root as _root
from .verbclasses import SUPPORT

__all__ = ["content_code", "eased", "intent", "refused", "threat", "NEGATIVE", "POSITIVE", "HOPING", "REFUSAL_OF"]

_DEONTIC = frozenset({"must", "should", "ought"})
_NEED = frozenset({"need", "have", "has"})
NEGATIVE = frozenset("""unacceptable violation violations violated violate illegal illegitimate aggression aggressive
    brazen provocation provocative provocations wrong reckless dangerous destabilizing destabilising outrageous
    unjust unjustified irresponsible interference hostile atrocity atrocities abuse abuses crime crimes contempt
    condemn condemns deplorable unwarranted unprovoked threat threats terror terrorism unfounded lies baseless
    incommunicado""".split())
POSITIVE = frozenset("""welcome welcomes positive constructive important historic significant success successful
    progress commend commends appreciate grateful good helpful productive fruitful""".split())
_HOSTILE_ACTION = frozenset({"action", "measure", "measures", "step", "steps", "response", "respond", "retaliate",
                             "retaliation", "consequence", "consequences", "force"})


# CAMEO's rejections by what is refused: to cooperate materially (121), to give aid (122), to yield (124),
# to meet or negotiate (125), to accept mediation (126)
REFUSAL_OF = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


# CAMEO's threats by what is threatened: sanctions or an embargo (1312), to reduce or break relations (1313),
# other non-force (131), unconventional violence (1383), force (138), a blockade (1381), an occupation (1382),
# a conventional attack (1384)
_THREAT_OF = {"163": "1312", "161": "1313", "16": "131", "18": "1383", "19": "1384", "20": "138",
              "191": "1381", "192": "1382"}


def threat(code: str | None) -> str:
    """The threat of an act: "would impose sanctions" 1312, "would tighten the blockade" 1381.

    >>> threat("163"), threat("191"), threat("190"), threat("040")
    ('1312', '1381', '1384', '130')
    """
    code = code or ""
    return _THREAT_OF.get(code[:3]) or _THREAT_OF.get(code[:2]) or "130"


# CAMEO's intents by what is intended: to meet (036), to cooperate diplomatically (032) or materially (031:
# economically 0311, militarily 0312, judicially 0313, on intelligence 0314), to give aid (033: economic 0331,
# military 0332, humanitarian 0333, protection 0334), to yield (035: easing administrative sanctions 0351 or
# dissent 0352, releasing 0353, easing economic sanctions 0354, allowing international involvement 0355,
# de-escalating 0356); an intended act of pressure or force is a threat
INTENT_OF = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": "030",
             "14": "130", "15": "130", "16": "130", "17": "130", "18": "138", "19": "138", "20": "138"}
_INTENT_SUB = {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332",
               "073": "0333", "074": "0334", "081": "0351", "082": "0352", "084": "0353", "085": "0354",
               "086": "0355", "087": "0356"}


def intent(code: str | None) -> str:
    """The intent to do an act: "agreed to hold joint exercises" 0312, "pledged aid" 033, "vowed to blockade"
    1381.

    >>> intent("062"), intent("0841"), intent("040"), intent("191"), intent(None)
    ('0312', '0353', '036', '1381', '030')
    """
    code = code or ""
    found = _INTENT_SUB.get(code[:3]) or INTENT_OF.get(code[:2], "030")
    return threat(code) if found.startswith("13") else found


# CAMEO's easing by what is eased: economic sanctions, an embargo or tariffs (085), a blockade (0872),
# administrative sanctions (081: a curfew 0813, a state of emergency 0814), attacks (a truce, 0871)
_EASED = {"163": "085", "191": "0872", "1723": "0813", "1724": "0814", "172": "081", "18": "0871", "19": "0871",
          "20": "0871"}


def eased(code: str | None) -> str | None:
    """The easing of an act a verb ends or lowers: "lifted tariffs" 085, "lifted the curfew" 0813; None when
    CAMEO names no easing of it.

    >>> eased("163"), eased("1724"), eased("190"), eased("040")
    ('085', '0814', '0871', None)
    """
    code = code or ""
    return _EASED.get(code[:4]) or _EASED.get(code[:3]) or _EASED.get(code[:2])


def refused(code: str | None) -> str:
    """The rejection of an act: "refused to negotiate" 125, "will not return the islands" 124.

    >>> refused("046"), refused("0841"), refused("0451"), refused(None)
    ('125', '124', '126', '120')
    """
    if code and code.startswith("045"):
        return "126"
    return REFUSAL_OF.get(_root(code), "120")


def content_code(doc, frame: Frame, by_head: dict, lex) -> tuple[str | None, list]:
    """What a speech act is, by what it says: (code, targets)."""
    content = doc[frame.content]
    done = next((c for c in content.children if c.dep_ == "xcomp" and performed(c)), None)
    if done is not None and by_head.get(done.i - doc[0].i) is not None:
        return None, []  # "said: 'I would like to express my condolences'": the act performed is the event
    lows = {t.lower_ for t in content.subtree}
    own = {party(m) for m in frame.sources}
    inner = by_head.get(frame.content)
    subj_actors = list(frame.content_subjects)
    foreign_subj = [m for m in subj_actors if party(m) not in own]
    named = [m for m in frame.content_actors if party(m) not in own and not _violated(doc, m)]
    about = list(frame.addressee) or foreign_subj
    judged = about or _unique(named)  # what a criticism or praise may be aimed at
    if content.lemma_.lower() in HOPING and own & {party(m) for m in subj_actors} and \
            any(c.dep_ == "ccomp" for c in content.children):
        # "said he hoped the release would build trust between Russia and Ukraine": a hopeful comment
        return "013", foreign_subj or _hoped_for(content, frame, own)
    deontic = any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in content.children) or (
        content.lemma_ in _NEED and any(c.dep_ == "xcomp" for c in content.children))
    # "will", or "would" in reported speech ("said it would allow")
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo", "would") for c in content.children) or \
        content.lemma_ in ("intend", "plan", "prepare")
    own_subject = any(party(m) in own for m in subj_actors)
    inner_code = frame_code(inner, lex) if inner is not None else None
    if inner_code is None and inner is not None and inner.pos == "verb" and inner.lemma in SUPPORT and \
            (noun := lex.predicate(inner.primary, "noun")) is not None and noun.code:
        inner_code = noun.code  # "said it would tighten the blockade": the act its object names
    if deontic and (foreign_subj or not subj_actors) and about:
        return "100", about
    if own_subject and refusal(content):
        # "said it would not accept more refugees": a rejection (12) of what the clause would have done
        return refused(inner_code), (list(inner.targets) if inner is not None else []) or about or _unique(named)
    if future and own_subject:
        if _root(inner_code) >= "13" or lows & _HOSTILE_ACTION:
            return threat(inner_code), about or (list(inner.targets) if inner is not None else []) or _unique(named)
        return "030", (list(inner.targets) if inner is not None else []) or about or _unique(named)
    if foreign_subj and _root(inner_code) >= "13" and (inner is None or inner.modality != "negated"):
        return "112", foreign_subj
    accused = _agents_of_harm(doc, content, own, frame, lex)
    if accused and not deontic:
        return "112", accused  # "said it was protecting them from persecution by the authorities in Kiev"
    if foreign_subj and _blamed(content, lex) and (inner is None or inner.modality != "negated"):
        return "112", foreign_subj  # "said the US was responsible for the attack", "was behind the bombing"
    if lows & NEGATIVE and judged:
        return "111", judged
    if lows & POSITIVE and judged:
        return "051", judged
    if inner is not None and own_subject and inner.modality == "negated":
        return "016", list(inner.targets) or about
    if own_subject and inner_code is not None and len({party(m) for m in inner.sources}) > 1:
        return None, []  # "confirmed that Jordan and Britain have agreed to ...": the joint act told is the event
    return ("010", about) if about else (None, [])


_HARM = frozenset({"death", "killing", "violence", "unrest", "explosion", "blast", "massacre", "downing", "crash",
                   "crisis", "bloodshed", "casualty", "sabotage", "hack", "hacking", "leak", "poisoning"})


_BREACH = frozenset({"violation", "breach", "contravention", "defiance", "flouting"})


def _violated(doc, m) -> bool:
    """Whether a mention is the one whose rules are broken ("a violation of UN Security Council
    resolutions"), not the one judged for breaking them."""
    base = doc[0].idx
    tok = next((t for t in doc if t.idx - base >= m.start), None)
    for _ in range(4):
        if tok is None or tok.dep_ == "ROOT":
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _BREACH:
            return True
        tok = tok.head
    return False


def _agents_of_harm(doc, content, own, frame, lex) -> list:
    """The actors a reported clause names as the doers of a hostile act: "persecution by X", "attacks
    by X" (an accusation of X)."""
    base = doc[0].idx
    out = []
    for t in content.subtree:
        noun = lex.predicate(t.lower_, "noun") or lex.predicate(t.lemma_.lower(), "noun") \
            if t.pos_ == "NOUN" else None
        if noun is None or not noun.code or _root(noun.code) < "13":
            continue
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == "by":
                spans = [(g.left_edge.idx - base, g.right_edge.idx - base + len(g.right_edge.text))
                         for g in p.children if g.dep_ == "pobj"]
                out += [m for m in frame.content_actors if party(m) not in own
                        and any(a <= m.start < b for a, b in spans)]
    return _unique(out)


# Verbs of hoping: a clause hoped for is an optimistic comment (CAMEO 013) on the actors it names.
HOPING = frozenset({"hope", "wish"})


def _hoped_for(content, frame, own) -> list:
    """The actors a hoped-for clause names, its subject's first."""
    clause = next(c for c in content.children if c.dep_ == "ccomp")
    base = content.doc[0].idx
    return _unique(m for m in frame.content_actors if party(m) not in own and any(
        t.idx - base <= m.start < t.idx - base + len(t.text) for t in clause.subtree))


def _blamed(clause, lex) -> bool:
    """Whether a clause holds its subject to account for harm: "was responsible for the attack", "was
    behind the bombing", "is to blame for the deaths"."""
    if clause.lemma_ != "be":
        return False
    objs = []
    for c in clause.children:
        if c.dep_ == "acomp" and c.lower_ in ("responsible", "accountable", "culpable"):
            objs += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
                     if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "behind":
            objs += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("acomp", "xcomp") and c.lower_ == "blame":
            objs += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
                     if g.dep_ == "pobj"]
    for o in objs:
        noun = lex.predicate(o.lemma_.lower(), "noun") or lex.predicate(o.lower_, "noun")
        if o.lemma_.lower() in _HARM or (noun is not None and _root(noun.code) >= "13"):
            return True
    return False
