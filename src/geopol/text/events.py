"""Events from frames: each predicate's frame coded in CAMEO, one event per source and target.

Contract: requires a parsed sentence and its actor mentions (coreference
included); returns :class:`CodedEvent` records. The frame
(:mod:`geopol.text.frames`) gives who acts on whom and in which mood; the
lexicon (:mod:`geopol.text.lexicon`) gives the code of the verb, adjective
or event noun with its objects. On top of it:

- **speech acts** are typed by what is said (:mod:`geopol.text.speech`;
  CAMEO's 01, 02, 03, 10-13 are statements of different kinds): a demand when the reported clause asks
  another actor to act ("must", "should", "need to"), a threat when the
  speaker's own side will do something hostile, an intent when it will do
  something else ("will", "ready to"), an accusation when it says another
  actor did something hostile, a criticism when it judges ("unacceptable",
  "violation"), praise when it commends; otherwise a statement to the actor
  it is about or told to; a statement names a target or is no event;
- **coordination**: one event per source and target; sources that act
  together with no other target ("X and Y agreed", "the two sides met")
  give one event per pair;
- **control verbs** carry the code of what they govern: "agreed to
  convene" is an intent to meet (036), "refused to apologise" a rejection
  (12), and the governed clause is not an event of its own;
- a material action with no target keeps its source alone (CAMEO codes
  arrests, releases, tests with an empty target);
- fighting between states is 19 (conventional force), not 18: a state's
  armed forces do not commit unconventional violence against another state.

Modality comes from the frame; only asserted (and reported, future) events
are facts downstream.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .frames import Frame, frames, statement_frame
from .objects import GENERIC_ACTS, aimed_at, ended, object_act, pobjs, posted, quantity_of, reacted_to, struck
from .lexicon import frame_code_how, lexicon
from .moods import REPORTING, aim_of, consequence, lemma_of, modality, performed, refusal
from .parties import NONSTATE_ROLES, STATE_ROLES, party
from .parties import armed_state as _armed_state
from .parties import by_party as _unique
from .parties import root as _root
from .parties import state_level as _state_level
from .parties import two_sides as _two_sides
from .speech import HOPING, INTENT_OF, NEGATIVE, POSITIVE, REFUSAL_OF, content_code, eased, intent, refused
from .verbclasses import ENDING, LIGHT, MOVING, RECEIVING, SUPPORT, VOICING

__all__ = ["CodedEvent", "code_events", "code_statement", "own_words", "party", "STATE_ROLES", "NONSTATE_ROLES"]

# What a sentence of a statement says without a reporting verb, when it says it plainly enough to be an
# act of its own: a demand, a threat, an accusation, a criticism, praise.
_STATEMENT_ACTS = ("100", "130", "112", "111", "051")

_SYMMETRIC = ("04", "03", "05", "06", "08")
_MATERIAL_ALONE = ("07", "08", "14", "15", "16", "17", "18", "19", "20")
# Verbs whose coordinated subjects act on each other: "India and Pakistan exchanged fire", "clashed".
_RECIPROCAL = frozenset({"exchange", "trade", "swap", "clash", "skirmish"})
_INTENT_VERBS = {"agree": "03", "pledge": "03", "promise": "03", "vow": "03", "intend": "03",
                 "plan": "03", "offer": "03", "undertake": "03", "commit": "03"}
_REFUSE = frozenset({"refuse", "decline", "reject"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "should", "'ll", "wo"})
# Verbs whose "of/for" clause is what they allege, not a fact told ("accused India of violating ..."); praise
# "for" what was done presupposes it, so praise verbs are not here.
_ACCUSING = frozenset({"accuse", "blame", "charge", "fault", "suspect", "indict"})
# CAMEO's intents by what is intended: to meet (036), to support (032), to cooperate materially (031), to
# give aid (033), to yield (035), to settle (037)
# Verbs of attempting: what one tries to say is said ("sought to reassure Japan"); what one tries to do is
# not yet done ("tried to seize the port").
_ATTEMPT = frozenset({"seek", "try", "attempt", "strive", "endeavour", "endeavor"})
_VERBAL = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})


def _attempted(tok):
    """The attempt verb a predicate is the goal of ("seek to gauge ... and press Moscow": seek), or None."""
    cur = tok
    while cur.dep_ == "conj":
        cur = cur.head
    if cur.dep_ == "xcomp" and lemma_of(cur.head) in _ATTEMPT:
        return cur.head
    return None


# Verbs that name a thing as something ("called the meeting a positive step"): a judgement
_NAMING = frozenset({"call", "describe", "term", "label", "brand", "characterize", "characterise", "dub"})


@dataclass(frozen=True)
class CodedEvent:
    source: object      # the FoundMention of the source
    target: object      # the FoundMention of the target, or None (an event with no target)
    cameo: str
    verb: str
    modality: str
    quantity: tuple[float, str] | None
    clause: str = ""    # the predicate's own words, where its time expression is looked for first
    head: int = -1      # the predicate's token index in the sentence
    context: str = ""   # the words of the clause it hangs in (looked at next: "a role in the Korean War by sending")


def _actors_at_token(sent, i: int, mentions) -> list:
    base = sent[0].idx
    t = sent[i]
    return [m for m in mentions if m.start <= t.idx - base < m.end]


def _others_at(sent, toks, mentions, sources, persons: bool = False) -> list:
    """The actors at these tokens that are not of the sources' side (nor persons, unless ``persons``)."""
    own = {party(m) for m in sources}
    return [m for g in toks for m in _actors_at_token(sent, g.i - sent[0].i, mentions)
            if party(m) not in own and (persons or m.kind != "person")]


def _givers(sent, tok, mentions) -> list:
    """The actors of a verb's own "from" phrase: who gave ("received weapons from China")."""
    base = sent[0].i
    return [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj" for m in _actors_at_token(sent, g.i - base, mentions)]


# Clauses inside a predicate's words that have times of their own: "met after fighting erupted in 2014",
# "welcomed the decision to hold elections in September", "agreed to hold talks in April"
_OWN_TIME = frozenset({"relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "parataxis"})


def own_words(top, keep) -> str:
    """The words of ``top``'s subtree without the clauses inside it that ``keep`` is not in (a date inside
    one anchors that clause's own verb: "the plane, which landed on Sunday" dates the landing)."""
    drop = {x.i for t in top.subtree if t.dep_ in _OWN_TIME and t is not top
            and not (t.left_edge.i <= keep.i <= t.right_edge.i) for x in t.subtree}
    return " ".join(t.text for t in sorted(top.subtree, key=lambda t: t.i) if t.i not in drop)


def _context(tok) -> str:
    """The words of the clause a predicate hangs in: its nearest governing verb's subtree."""
    cur = tok
    for _ in range(4):
        if cur.head is cur:
            return ""
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("ccomp",):
            return own_words(cur, tok)
    return ""


_EVERYONE = frozenset({"side", "sides", "party", "parties", "country", "countries", "nation", "nations", "state",
                       "states", "community", "concerned", "government", "governments", "leader", "leaders"})


def _to_everyone(sent, f: Frame) -> bool:
    """The appeal is made to a collective no one names: "all sides", "all parties", "the international
    community"."""
    tok = sent[f.head]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")] + \
        [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "to") for g in c.children
         if g.dep_ == "pobj"]
    for o in objs:
        if o.lower_ in _EVERYONE and any(c.lower_ in ("all", "both", "every", "international") for c in o.children):
            return True
    return False


def _reacts_to_act(sent, f: Frame, lex) -> str:
    """The event noun a predicate is aimed at when it names an act the text told before ("condemned the
    launch", "expressed regret over the test"): a definite event noun with no actor of its own; or ''."""
    heads = [sent[f.head]] + [sent[i] for i in f.args]
    nouns = [sent[i] for i in f.args] + [g for h in heads for c in h.children if c.dep_ == "prep"
                                         for g in c.children if g.dep_ == "pobj"]
    for t in nouns:
        if lex.predicate(t.lemma_.lower(), "noun") and any(c.lower_ in ("the", "this", "that") for c in t.children):
            return t.lemma_.lower()
    return ""


# People a demonym can qualify who are no state's forces: "French hostages", "Saudi fishermen".
_CIVILIANS = frozenset("""hostage captive prisoner detainee journalist reporter citizen national tourist civilian
    refugee migrant fisherman fishermen worker student aid businessman businesswoman traveller traveler
    passenger sailor crew resident villager pilgrim missionary""".split())


def _civilian(sent, m) -> bool:
    """Whether a mention is a demonym on people who are not its state's forces ("French hostages")."""
    base = sent[0].idx
    tok = next((t for t in sent if t.idx - base >= m.start), None)
    return tok is not None and m.kind == "demonym" and tok.dep_ in ("amod", "compound", "nmod") and \
        tok.head.lemma_.lower() in _CIVILIANS


# Verbs of meeting take the party met as their object: "meets its commitments" meets no one.
_MEETING = frozenset({"meet", "visit", "host", "receive", "face", "encounter", "confront", "see", "join"})
_RELATIONAL = ("03", "04", "05", "10", "11", "12", "13", "16")
_DENYING = frozenset({"deny", "refute", "dispute"})  # verbs saying a reported act did not happen


def code_events(sent, mentions, *, uncoded: list | None = None, counterpart=None,
                found: list | None = None) -> list[CodedEvent]:
    """Events in one parsed sentence (a spaCy Span or Doc with character offsets matching ``mentions``).

    ``uncoded``, when given, receives (modality, source, target, clause) for each verb the lexicon leaves
    uncoded although it has an actor for source and another for target (what a classifier may type).
    ``counterpart(source)``, when given, names the other party of a two-sided act ("He broke off
    relations") whose sentence names none: the state the discourse was last about. ``found``, when given
    (a list), receives the sentence's frames.
    """
    lex = lexicon()
    read = frames(sent, mentions, lexicon=lex, party=party)
    if found is not None:
        found.extend(read)
    by_head = {f.head: f for f in read}
    text = sent.text
    out: list[CodedEvent] = []
    governed: set[int] = set()
    for f in read:
        tok = sent[f.head]
        # a control verb's clause is part of its event ("agreed to convene", "refused to apologise")
        for c in tok.children:
            if c.dep_ == "xcomp" and (f.lemma in _INTENT_VERBS or f.lemma in _REFUSE):
                governed.add(c.i - sent[0].i)
            if c.dep_ == "prep" and c.lower_ in ("of", "for") and f.lemma in _ACCUSING:
                # "accused India of violating the ceasefire": the violation is what is alleged
                governed.update(g.i - sent[0].i for g in c.children if g.dep_ == "pcomp")
    for f in read:
        if f.head in governed:
            continue
        tok = sent[f.head]
        code, how = frame_code_how(f, lex)
        targets = list(f.targets)
        if f.pos == "noun" and ended(tok):
            continue  # "lifted its arms embargo on China": the embargo is ended, not imposed
        if f.drawn:
            # "drew criticism from X": the reaction its object names, X's on the subject's actor
            code, how = lex.predicate_code(f.primary, "noun", subj="", objs=set(), preps=set(), prts=set()), "hand"
            if _root(code) not in _VERBAL and _root(code) != "14":
                continue
        if f.pos == "verb" and f.lemma == "return" and how == "hand" and not f.args and not f.passive:
            # "returned to Moscow": with nothing handed back, a return is a journey (CAMEO's 042), not 084
            code, how = lex.code_how("travel", "", subj=f.subj, objs=set(), preps=set(f.preps), prts=set(f.prts))
        if how == "pattern" and f.lemma in RECEIVING and _root(code) == "07":
            how = "reverse"  # "received weapons from China" (the dictionary's [072]): aid received is given
        if how == "reverse":
            # "received a loan from the IMF", "faced criticism from Washington": the other party acted
            # the giver is named by the verb's "from" phrase or its object's ("criticism from Washington": agents)
            own = {party(x) for x in f.sources}
            doers = [m for m in _givers(sent, tok, mentions) + list(f.agents) + targets if party(m) not in own]
            if not doers or f.passive:
                continue
            f, targets, how = replace(f, sources=tuple(_unique(doers)[:1]), agents=()), list(f.sources), "pattern"
        if f.pos == "verb" and f.content is not None and f.lemma in _DENYING and not code:
            # "The Kremlin denied that Russian troops had crossed into Georgia": a denial (CAMEO 016) to those
            # the denied act concerns; the act itself stays negated
            own = {party(x) for x in f.sources}
            code, targets = "016", [m for m in f.content_actors if party(m) not in own]
        elif f.pos == "verb" and f.content is not None and f.lemma in HOPING and not code:
            # "Japan hopes China will release the fishermen": a hopeful comment on those it is about
            own = {party(x) for x in f.sources}
            code = "013"
            targets = [m for m in f.content_subjects if party(m) not in own] or \
                [m for m in f.content_actors if party(m) not in own]
        elif f.pos == "verb" and f.content is not None and (f.lemma in REPORTING or _root(code) == "01"):
            if all(m.kind == "group" and not m.country for m in f.sources):
                continue  # what a newspaper or an NGO says is the news, not an event between states
            typed, about = content_code(sent, f, by_head, lex)
            if typed is not None:
                code, targets = typed, about
            elif _root(code) == "01" or code is None:
                continue
        if not targets and _root(code) in ("18", "19", "20") and f.pos == "verb":
            # "struck targets in Gaza", "shelled positions inside Syria": force used in a state is used on it, and
            # a town there is where the force went, not a venue ("fired at houses in Hebron", "villages near Homs")
            targets = _others_at(sent, struck(sent, tok, f), mentions, f.sources)
        if _root(code) == "04" and f.pos == "verb" and f.nested and f.lemma not in SUPPORT:
            # "discussed the security situation in South Sudan": a state inside the topic is not met (but "held
            # hours of talks with the Chinese minister": the talks' partner)
            targets = []
        if (not targets or f.nested) and f.agents and _root(code) in ("10", "11", "12", "05", "13"):
            targets = list(f.agents)  # "condemns attacks by a Burmese Government-sponsored group": the doer
        elif targets and f.pos == "verb" and f.args and not f.passive and _root(code) in ("11", "12", "05"):
            # "criticised Washington's arms sales to Taipei": a judged act's owner is judged, whatever the
            # parser hangs the "to" phrase on
            own = {party(m) for m in f.sources}
            owners = [m for c in sent[f.args[0]].children if c.dep_ == "poss"
                      for m in _actors_at_token(sent, c.i - sent[0].i, mentions) if party(m) not in own]
            if owners:
                targets = owners
        if f.pos == "verb" and how != "pattern" and f.lemma in ENDING and \
                (ease := eased(object_act(sent, f, lex, modifier=False))) is not None:
            code, how = ease, "object"  # "lifted tariffs on Chinese steel", "lowered their tariffs": 085
            if code == "0871" and not targets:  # "halted its offensive in Syria": the state the force was in
                places = struck(sent, tok, f) + (pobjs(sent[f.args[0]], ("in", "inside", "against")) if f.args else [])
                targets = _others_at(sent, places, mentions, f.sources)
        own_act = object_act(sent, f, lex, modifier=False) if f.pos == "verb" and f.lemma in SUPPORT else None
        modifier_act = object_act(sent, f, lex) if f.pos == "verb" and f.lemma in SUPPORT and not own_act else None
        if f.pos == "verb" and own_act and (f.lemma in LIGHT or code is None):
            # "ordered a diplomatic freeze", "announced sanctions"; "held military drills", "waged war": a support
            # verb no pattern codes does its object's act
            code, how = own_act, "object"
        elif modifier_act and (code is None or how != "pattern" or f.primary in GENERIC_ACTS):
            # "signed a $1 billion aid package", "approved a sanctions package"; "launched a mediation effort"
            # is mediating, whatever a pattern on the bare "effort" says
            code, how = modifier_act, "object"
        elif f.pos == "verb" and f.lemma in VOICING and (code is None or _root(code) == "01") and f.primary and \
                (voiced := lex.predicate_code(f.primary, "noun", subj="", objs=set(), preps=set(), prts=set())) \
                and _root(voiced) != "01":
            code, how = voiced, "object"  # "repeated the demand for", "voiced its opposition to": the act voiced
        if not targets and _root(code) == "15" and f.pos == "verb":
            targets = _others_at(sent, posted(sent, tok, f), mentions, f.sources)
        reacted = []
        if not targets and f.pos == "verb" and not f.args and f.content is None and \
                _root(code) in ("05", "11", "12", "13", "14"):
            # "Tokyo protested after Chinese ships entered its waters": a reaction is aimed at the doer of the
            # act it follows
            targets = reacted = _others_at(sent, reacted_to(tok), mentions, f.sources, persons=True)
        if _root(code) == "14" and f.lemma == "protest" and f.pos == "verb" and not f.passive and targets and \
                (f.args or reacted or any(p == "to" and h == "+" for p, h in f.preps)):
            code = "114"  # "Vietnam protested China's deployment", "protested to China": a complaint made, 114
        if _root(code) == "14" and how != "pattern" and f.pos == "verb" and f.args and not f.passive:
            continue  # "demonstrated its contempt", "rallied support": a protest verb with an object shows, not protests
        if not targets and f.content is not None:
            # "demanded that the DPRK forsake ...": the actor the clause is about
            own = {party(m) for m in f.sources}
            targets = [m for m in f.content_subjects if party(m) not in own]
        xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if f.pos == "verb" and xcomp is not None and performed(xcomp):
            continue  # "I want to thank Japan": the thanks are the event, not a wish
        if f.pos == "verb" and f.lemma in _ATTEMPT and xcomp is not None:
            continue  # "will seek to press Moscow": the act attempted is the event, not the attempt
        if f.pos == "verb" and f.modality == "hypothetical" and _root(code) in _VERBAL and \
                not (how == "default" and _root(code) == "01") and \
                (tried := _attempted(tok)) is not None:
            f = replace(f, modality=modality(tried))  # "sought to persuade Iran": trying to persuade is persuading
        if _root(code) == "04" and f.lemma in _MEETING and f.args and not f.passive and \
                not _actors_at_token(sent, f.args[0], mentions):
            continue  # "meets its commitments", "faces problems": no one is met
        if code is None and f.passive and f.lemma in ("hold", "keep") and f.sources:
            code = "173"  # "Americans held in Russia": held in detention
        if f.lemma in _NAMING and any(c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"
                                      for c in tok.children) and not any(p == "on" for p, _ in f.preps):
            judged = {t.lower_ for c in tok.children if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"
                      for t in c.subtree}
            code = "051" if judged & POSITIVE else "111" if judged & NEGATIVE else "010"
        elif f.lemma in _INTENT_VERBS and xcomp is not None:
            inner = by_head.get(xcomp.i - sent[0].i)
            inner_code, inner_how = frame_code_how(inner, lex) if inner is not None else (None, "")
            if inner_how == "default":
                inner_code = None  # "plans to gauge": a code the verb only inherits names no intended act
            if inner_code is None and inner is not None and inner.primary and inner.lemma in SUPPORT:
                inner_code = object_act(sent, inner, lex, modifier=False)  # "agreed to begin talks": to meet
            if inner_code is None and f.lemma not in ("agree", "pledge", "promise", "vow", "commit", "offer"):
                continue  # "plans to test Putin's willingness": an intent to do nothing CAMEO names
            code = intent(inner_code)  # "vowed to blockade the port": 1381
            if any(c.dep_ == "neg" for c in xcomp.children):
                # "vowed not to return the islands": a refusal (124); "pledged not to attack": to de-escalate
                code = refused(inner_code) if _root(inner_code) < "13" else \
                    "0356" if _root(inner_code) >= "18" else "030"
            if inner is not None and not targets:
                targets = list(inner.targets)
        elif f.pos == "verb" and aim_of(tok) is not None:
            if how == "default":
                continue  # "our aim is to gauge ...": an aim CAMEO names no act for
            code = intent(code)  # "Japan's aim is to restore ties with China": an intent told now
        elif f.lemma in _REFUSE and xcomp is not None:
            inner = by_head.get(xcomp.i - sent[0].i)
            code = refused(frame_code_how(inner, lex)[0] if inner is not None else None)
        elif f.pos == "verb" and f.modality == "conditional" and _root(code) in INTENT_OF and \
                _root(code) not in ("03", "13") and (told := consequence(tok)) is not None:
            # "will impose sanctions on Japan if it does not apologise": the statement is a threat (1312) or,
            # for a cooperative act, a promise (03), made now; the act itself waits on the condition
            code, f = intent(code), replace(f, modality=told)
        elif f.pos == "verb" and f.modality == "negated" and _root(code) in REFUSAL_OF and refusal(tok):
            # "Syria will not accept more refugees", "won't negotiate": a refusal, told as a fact
            code, f = refused(code), replace(f, modality="asserted")
        elif f.lemma == "agree" and _root(code) == "03" and xcomp is None and any(
                c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ in _FUTURE_AUX for a in c.children)
                for c in tok.children):
            code = "019"  # "agreed there was an urgent need for": a view shared (CAMEO 019), not a promise
        if _root(code) == "03" and any(c.dep_ in ("xcomp", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "whether" for g in c.children) for c in tok.children):
            continue  # "decides whether to extend": a question still open, not an intent
        if code is None or not code.isdigit():
            if uncoded is not None and f.pos == "verb" and code is None and f.sources and targets:
                uncoded.append((f.modality, f.sources[0], targets[0], text[f.clause[0]:f.clause[1]]))
            continue
        if _root(code) == "15" and targets and (any(p in ("at", "on", "into", "against") and h == "+"
                                                    for p, h in f.preps) or aimed_at(tok)):
            # a missile fired at a state, or at targets in it, is force used on it, not a show of force
            code = "190"
        if _root(code) == "18" and targets and all(_armed_state(m) and not _civilian(sent, m) for m in targets) and \
                all(_armed_state(m) for m in f.sources):
            code = "190"  # violence between states (their forces) is conventional force; against civilians, 18
        if f.passive and f.args and f.lemma not in MOVING and not any(c.dep_ == "agent" for c in tok.children) and \
                any(party(m) in {party(x) for x in f.sources} for m in _actors_at_token(sent, f.args[0], mentions)):
            continue  # "every American detained ...": no one named holds them
        clause = own_words(tok, tok) if f.pos == "verb" else text[f.clause[0]:f.clause[1]]
        context = _context(tok)
        qty = quantity_of(tok)
        if qty is None and f.passive and f.args:
            qty = quantity_of(sent[f.args[0]])  # "10,000 soldiers are reported to have been sent"
        if qty is None and tok.dep_ in ("advcl", "xcomp") and tok.head is not tok:
            # "providing A$1 million to assist these people": the figure is the governing verb's object
            qty = next((q for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass") and (q := quantity_of(c))),
                       None)
        sources = list(f.sources)
        if not targets:
            # "exchanged fire"; "the US and China will lower their tariffs": each acts on the other
            mutual = f.pos == "verb" and (f.lemma in _RECIPROCAL or bool(f.args) and any(
                c.dep_ == "poss" and c.lower_ == "their" for c in sent[f.args[0]].children))
            if len({party(m) for m in sources}) >= 2 and (_root(code) in _SYMMETRIC or code == "019" or mutual):
                # "X and Y met": one event per pair; "X and Y exchanged fire", "clashed": each on the other
                for i, a in enumerate(sources):
                    for b in sources[i + 1:]:
                        if _two_sides(a, b):
                            out.append(CodedEvent(a, b, code, f.lemma, f.modality, qty, clause, f.head, context))
                            if mutual:
                                out.append(CodedEvent(b, a, code, f.lemma, f.modality, qty, clause, f.head,
                                                      context))
                continue
            aimed = any(p in ("to", "with", "on", "against", "at", "toward", "towards") and h and h != "+"
                        for p, h in f.preps)
            relational = _root(code) in _RELATIONAL or (_root(code) == "01" and how == "pattern")  # "expressed regret"
            reacting = _reacts_to_act(sent, f, lex)
            homeward = any(c.lower_ == "home" for c in tok.children)  # "flew home": to its own country
            # "ordered former president Menem to appear": the one told to act is its object, of its own side
            told_to_act = bool(f.args and not f.passive and any(c.dep_ == "xcomp" for c in tok.children))
            if counterpart is not None and (relational or reacting) and f.pos in ("verb", "adj") and \
                    not homeward and not told_to_act and \
                    how != "default" and f.content is None and len(sources) == 1 and (not aimed or reacting):
                other = counterpart(sources[0], doer=reacting)
                if other is not None and _state_level(sources[0]):
                    out.append(CodedEvent(sources[0], other, code, f.lemma, f.modality, qty, clause, f.head, context))
                    continue
            if _root(code) in ("02", "10") and f.pos == "verb" and _to_everyone(sent, f):
                # "called on all sides to support", "urges all parties to cease": an appeal to no one in particular
                for a in sources:
                    if _state_level(a):
                        out.append(CodedEvent(a, None, code, f.lemma, f.modality, qty, clause, f.head, context))
                continue
            if _root(code) in _MATERIAL_ALONE and f.pos == "verb" and how != "default":
                for a in sources:
                    if _state_level(a):
                        out.append(CodedEvent(a, None, code, f.lemma, f.modality, qty, clause, f.head, context))
            continue
        for a in sources:
            for b in targets:
                if _two_sides(a, b):
                    out.append(CodedEvent(a, b, code, f.lemma, f.modality, qty, clause, f.head, context))
    # one event per pair and root in a sentence: "imposed sanctions on Iran" is read by the verb and the noun
    seen: dict = {}
    unique = []
    for ev in out:
        key = (party(ev.source), party(ev.target), ev.cameo[:2], ev.modality)
        if key in seen and unique[seen[key]].cameo != ev.cameo and \
                not _one_act(sent, unique[seen[key]].head, ev.head):
            key = key + (ev.cameo, ev.head)  # "on his trip to Russia, Kerry held talks": a visit and a meeting
        if key not in seen:
            seen[key] = len(unique)
            unique.append(ev)
        elif unique[seen[key]].quantity is None and ev.quantity is not None:
            unique[seen[key]] = replace(unique[seen[key]], quantity=ev.quantity)
    return unique


def _one_act(sent, a: int, b: int) -> bool:
    """Whether two predicates of a sentence say one act: the same word, or one the other's object or
    the clause it governs ("imposed sanctions", "agreed to hold talks")."""
    if a == b or a < 0 or b < 0:
        return True
    ta, tb = sent[a], sent[b]
    return ta.head.i == tb.i or tb.head.i == ta.i


def code_statement(sent, mentions, speaker, *, found: list | None = None, counterpart=None) -> list[CodedEvent]:
    """Events of a sentence read as said by ``speaker``: in a minister's release or a president's
    statement, "The SPDC must prevent such attacks" is the author's demand, and "the regime has
    demonstrated its contempt for human rights" a criticism. ``found``: the sentence's frames, when
    :func:`code_events` already built them; ``counterpart(speaker)``: the state a threat that names no
    one is aimed at ("We will take appropriate action if needed": the state the statement is about)."""
    lex = lexicon()
    f = statement_frame(sent, mentions, speaker, party=party)
    if f is None or f.content is None:
        return []
    by_head = {x.head: x for x in (found if found is not None else frames(sent, mentions, lexicon=lex, party=party))}
    code, targets = content_code(sent, f, by_head, lex)
    if code not in _STATEMENT_ACTS and _root(code) != "13":
        return []
    root = sent[f.content]
    mood = by_head[f.content].modality if f.content in by_head else "asserted"
    if mood in ("negated", "conditional") and _root(code) != "13":
        return []
    clause = " ".join(t.text for t in sorted(root.subtree, key=lambda t: t.i))
    if not targets and _root(code) == "13" and counterpart is not None:
        other = counterpart(speaker)
        targets = [other] if other is not None else []
    return [CodedEvent(speaker, b, code, "say", "asserted", None, clause, f.content)
            for b in _unique(targets) if party(b) != party(speaker) and b.country != speaker.country
            and _state_level(b)]
