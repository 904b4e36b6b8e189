"""What a predicate's objects name: the act an object noun names (its own, its modifier's, or its "of"
phrase's for a generic noun), an act its verb ends, and the places an act of force went.

Contract: pure functions over a parsed sentence (spaCy ``Span``), a :class:`geopol.text.frames.Frame` and
the lexicon; read by :mod:`geopol.text.events`.
"""

from __future__ import annotations

from .moods import lemma_of
from .verbclasses import ENDING

__all__ = ["GENERIC_ACTS", "ended", "pobjs", "struck", "object_act"]

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


def object_act(sent, f, lex, modifier: bool = True) -> str | None:
    """The CAMEO code of the act a verb's first object names: its own noun's ("sanctions"), else, with
    ``modifier``, that of the event noun modifying it ("an aid package", "a sanctions package")."""
    noun = lex.predicate(f.primary, "noun") if f.primary else None
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
