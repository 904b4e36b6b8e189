"""What a predicate's objects name: the act an object noun names (its own, its modifier's, or its "of"
phrase's for a generic noun), an act its verb ends, the places an act of force went or a show of force
stands, and the figure its words give.

Contract: pure functions over a parsed sentence (spaCy ``Span``), a :class:`geopol.text.frames.Frame` and
the lexicon; read by :mod:`geopol.text.events`.
"""

from __future__ import annotations

from .moods import lemma_of
from .verbclasses import ENDING

__all__ = ["GENERIC_ACTS", "aimed_at", "ended", "pobjs", "struck", "posted", "object_act", "quantity_of",
           "reacted_to"]

# Object nouns that name an act only through their modifier ("a mediation effort", "an aid programme").
GENERIC_ACTS = frozenset({"effort", "bid", "attempt", "initiative", "drive", "campaign", "mission", "operation",
                          "programme", "program", "plan", "package", "process", "push", "measure", "step"})


def ended(noun) -> bool:
    """Whether an event noun is the object of a verb that ends it ("lifted the embargo", "ended its blockade")."""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and lemma_of(noun.head) in ENDING


def pobjs(tok, preps) -> list:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def struck(sent, tok, f) -> list:
    """The places an act of force went: "struck in Gaza", "shelled positions inside Syria", "fired at houses
    in Hebron", "bombed villages near Homs" (the verb's place, or its object's or aim's)."""
    aimed = [sent[k] for k in f.args] + pobjs(tok, ("at", "on", "against"))
    return pobjs(tok, ("in", "inside", "into", "near", "on")) + \
        [g for o in aimed for g in pobjs(o, ("in", "inside", "near"))]


_EDGES = frozenset({"border", "borders", "frontier", "boundary", "coast", "coastline", "shore", "shores", "waters",
                    "airspace", "doorstep", "line"})


def posted(sent, tok, f) -> list:
    """Where a show of force stands, which names the state it is aimed at (CAMEO 15: "the party against whom
    the military move is directed is the target"): "drills around Taiwan", "troops near its border with
    Ukraine", "warships off the coast of Libya" (the verb's place or its object's)."""
    places = pobjs(tok, ("near", "around", "off", "along", "on", "at", "to", "toward", "towards")) + \
        [g for k in f.args for g in pobjs(sent[k], ("near", "around", "off", "along", "on"))]
    out = []
    for g in places:
        if g.lemma_.lower() in _EDGES or g.lower_ in _EDGES:
            # "its border with Ukraine", "the coast of Libya", "Ukraine's border": whose edge it is
            out += pobjs(g, ("with", "of")) + [c for c in g.children if c.dep_ in ("poss", "compound", "amod")]
        else:
            out.append(g)
    return out


_OPEN = frozenset({"sea", "ocean", "water", "waters", "zone", "air", "sky", "space", "orbit"})


def aimed_at(tok) -> bool:
    """Whether a launch is aimed at something ("fired missiles at targets in Iraq", "rockets into Israel"),
    not into the open ("fired a missile into the sea")."""
    return any(g.lemma_.lower() not in _OPEN and g.lemma_.lower() not in _EDGES
               for g in pobjs(tok, ("at", "against", "into")))


_FOLLOWING = frozenset({"after", "when", "because", "as", "since", "once"})


def reacted_to(tok) -> list:
    """The subjects of the acts a predicate follows or answers: "protested after Chinese ships entered its
    waters", "warned when Pyongyang fired" (an adverbial clause of time or cause)."""
    subjects = [g for c in tok.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _FOLLOWING
                                                                      for m in c.children)
                for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    # "Chinese ships": the state that qualifies the doer
    return subjects + [c for g in subjects for c in g.children if c.dep_ in ("amod", "compound", "poss", "nmod")]


def object_act(sent, f, lex, modifier: bool = True) -> str | None:
    """The CAMEO code of the act a verb's first object names: its own noun's ("sanctions"), else, with
    ``modifier``, that of the event noun modifying it ("an aid package", "a sanctions package")."""
    key = lex.noun_key(sent[f.args[0]]) if f.args else f.primary
    noun = lex.predicate(key, "noun") if key else None
    if noun is not None and (noun.code or noun.verb):
        # its own code, or its verb's in the frame: "gave a warm welcome to X" is welcoming X
        return noun.code or lex.code(noun.verb, "", subj="", objs=set(), preps=set(f.preps), prts=set())
    if not modifier or not f.args:
        return None
    obj = sent[f.args[0]]
    named = [c for c in obj.children if c.dep_ in ("compound", "amod")]
    if obj.lemma_.lower() in GENERIC_ACTS:  # "a package of sanctions", "a campaign of air strikes"
        named += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
    for c in named:
        mod = lex.predicate(c.lower_, "noun") or lex.predicate(c.lemma_.lower(), "noun")
        if mod is not None and mod.code:
            return mod.code
    return None


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                                                     "dozens": 24, "dozen": 12}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9, "k": 1e3}


def _number(tok) -> float | None:
    text = tok.text.lower().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return float(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else None


def quantity_of(verb):
    """The first figure in the predicate's own words: "16 people", "$5 million", "24 percentage points"."""
    words = sorted(verb.subtree, key=lambda t: t.i)
    for k, tok in enumerate(words):
        if not (tok.like_num or tok.lower_ in _NUMBER_WORDS) or tok.ent_type_ == "DATE":
            continue
        value = _number(tok)
        if value is None or (1900 <= value <= 2100 and tok.dep_ != "nummod") or \
                tok.head.lower_ in ("number", "no", "no.", "round", "phase", "stage", "article", "resolution"):
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        if nxt is not None and nxt.lower_ in _SCALE:
            value *= _SCALE[nxt.lower_]
            nxt = words[k + 2] if k + 2 < len(words) else None
        prev = words[k - 1] if k > 0 else None
        if prev is not None and prev.text in ("$", "A$", "US$", "€", "£"):
            return value, "USD" if prev.text in ("$", "US$") else prev.text
        if tok.dep_ in ("nummod", "quantmod") or (nxt is not None and nxt.pos_ == "NOUN"):
            unit = tok.head.text if tok.dep_ == "nummod" else (nxt.text if nxt is not None else "")
            return value, unit
    return None
