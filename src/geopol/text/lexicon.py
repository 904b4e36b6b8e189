"""The event lexicon: which CAMEO code a predicate and its arguments make.

Three tables, read once:

- ``data/verbs.tsv``: geopol's own verb lexicon (lemma, object, code), the
  first word on a verb it knows;
- ``data/petrarch_verbs.tsv``: PETRARCH2's CAMEO verb dictionary (MIT),
  about 1,800 verbs and 44,000 phrase patterns, converted by
  ``scripts/build_verbs.py``: a pattern names the object's head noun, a
  preposition and its noun, a particle or the subject's head noun
  ("ask + for aid" 0231, "set + fire" 180, "&MILITARY + move + to border" 154);
- ``data/petrarch_errata.tsv``: the few entries of that dictionary whose code
  contradicts the CAMEO codebook, with the corrected code and the reason;
- ``data/predicates.tsv``: adjectives and event nouns (each with the verb
  whose CAMEO code it takes, or a code of its own; a noun that names an
  event only when modified lists the modifiers it needs: "exercise" with
  "military", "naval", "joint" ...; a modified form is a key of its own:
  "joint exercise" 062), and what a speech act's content makes of it.

A frame (the words around a predicate) is coded by the most specific pattern
of its verb whose every constraint holds, else by the verb's own code; a
pattern or verb with the null code says "no event".

>>> lex = lexicon()
>>> lex.code("ask", "", subj="", objs={"aid"}, preps=set(), prts=set())
'023'
>>> lex.code("meet", "", subj="", objs=set(), preps=set(), prts=set())
'040'
>>> lex.code("hold", "", subj="", objs={"talk"}, preps=set(), prts=set())
'040'
>>> lex.code("hold", "", subj="", objs={"breath"}, preps=set(), prts=set()) is None
True
>>> lex.code_how("face", "", subj="", objs={"criticism"}, preps=set(), prts=set())
('111', 'reverse')
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import codes
from .verbclasses import ENDING

__all__ = ["Lexicon", "lexicon", "Predicate", "frame_code", "frame_code_how", "frame_words"]


@dataclass(frozen=True, slots=True)
class Predicate:
    """An adjective or event noun: the code it makes, or the verb whose code it takes."""

    word: str
    pos: str        # adj or noun
    code: str       # a CAMEO code, or '' when ``verb`` decides
    verb: str       # the verb lemma it nominalises ("invasion" -> "invade"), or ''
    note: str = ""
    needs: frozenset = frozenset()  # a noun read as an event only with one of these modifiers ("military exercise")


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def _known(code: str) -> str:
    """A code of CAMEO 1.1b3 (geopol's table): PETRARCH2's few newer codes ("176") become their parent."""
    table = codes.cameo_codes()
    while code and code not in table:
        code = code[:-1] if len(code) > 3 else (code[:2] + "0" if code[2:] != "0" else "")
    return code


def _constraints(pattern: str) -> tuple:
    out = []
    for part in pattern.split(";"):
        key, _, value = part.partition("=")
        if key == "prep":
            prep, _, heads = value.partition(":")
            out.append(("prep", prep, frozenset(heads.split("|")) if heads else None))
        else:
            out.append((key, frozenset(value.split("|")), None))
    return tuple(out)


class Lexicon:
    """Verb patterns (hand-written first, then PETRARCH2's), adjectives and event nouns."""

    def __init__(self):
        # (lemma, particle) -> [(constraints, code, priority)]
        self._patterns: dict[tuple[str, str], list[tuple[tuple, str | None, int]]] = {}
        self._default: dict[tuple[str, str], str | None] = {}
        for lemma, obj, code, _note in _rows("verbs.tsv"):
            verb, _, particle = lemma.strip().partition("_")  # "hand_over": the verb and its particle
            key = (verb, particle)
            obj = obj.strip()
            code = "" if code.strip() == "-" else code  # "-": the verb makes no event
            if obj:
                # geopol's own object patterns also hold for the noun of a preposition ("engaged in cleansing")
                self._patterns.setdefault(key, []).append(((("objp", frozenset({obj}), None),), code.strip(), 1))
            else:
                self._default.setdefault(key, code.strip())
        self._hand_default = hand_default = set(self._default)  # verbs geopol codes itself
        self._inherited: set[tuple[str, str]] = set()
        errata = {(lemma, particle, pattern, code): fixed
                  for lemma, particle, pattern, code, fixed, _why in _rows("petrarch_errata.tsv")}
        for lemma, particle, pattern, code, block in _rows("petrarch_verbs.tsv"):
            code = errata.get((lemma, particle, pattern, code), code)
            key = (lemma, particle)
            if pattern:
                cons = _constraints(pattern)
                if all(c[0] == "subj" for c in cons):
                    continue  # a block-wide subject pattern ("&MILITARY *") says too little of one verb
                if block != "own" and key in hand_default:
                    continue  # a synonym's pattern does not override geopol's own code for the verb
                # ":071": the act of the other party on the subject ("received a loan from X")
                known = _known(code.lstrip(":"))
                known = (":" + known if code.startswith(":") else known) if known else None
                self._patterns.setdefault(key, []).append((cons, known, 0 if block == "own" else -1))
            elif key not in self._default:
                self._default[key] = _known(code) or None
                if block != "verb":
                    self._inherited.add(key)
        self.predicates: dict[tuple[str, str], Predicate] = {}
        for word, pos, code, verb, note, needs in _rows("predicates.tsv"):
            self.predicates[(word, pos)] = Predicate(word, pos, code, verb, note,
                                                     frozenset(needs.split("|")) if needs else frozenset())
        self._noun_heads = {w.rsplit(" ", 1)[-1] for w, pos in self.predicates if pos == "noun"}
        self.verbs = {k[0] for k in self._default} | {k[0] for k in self._patterns}
        self._keys = set(self._default) | set(self._patterns)
        self._trigger: dict = {}

    def knows(self, lemma: str) -> bool:
        return lemma in self.verbs

    def code(self, lemma: str, particle: str, *, subj: str, objs: set, preps: set, prts: set,
             primary: str = "") -> str | None:
        """The CAMEO code of a verb frame, or None (no event).

        ``objs``: head lemmas of the objects; ``preps``: (preposition, head
        lemma) pairs, with ``(preposition, "+")`` where its object is an
        actor; ``prts``: particles; ``subj``: the subject's head lemma.
        """
        return self.code_how(lemma, particle, subj=subj, objs=objs, preps=preps, prts=prts, primary=primary)[0]

    def code_how(self, lemma: str, particle: str, *, subj: str, objs: set, preps: set,
                 prts: set, primary: str = "") -> tuple[str | None, str]:
        """(code, how): ``how`` is ``pattern`` (a phrase pattern matched), ``reverse`` (a pattern whose act
        is the other party's on the subject: "faced criticism from X"), ``hand`` (geopol's own verb
        entry), ``verb`` (PETRARCH2's code for the verb itself) or ``default`` (the code a verb inherits
        from its synonym block, the weakest reading)."""
        best, best_score, best_how = None, -1.0, ""
        keys = [(lemma, particle)] + ([(lemma, "")] if particle else [])
        # a prepositional verb is entered with its preposition: "call on", "meet with", "ask for"
        if not particle:
            keys[0:0] = [(lemma, p) for p in sorted({p for p, h in preps if h}) if (lemma, p) in self._keys]
        words = set(objs) | set(prts) | {p for p, _ in preps} | {h for _, h in preps}
        for key in keys:
            for cons, code, priority in self._candidates(key, words):
                score = len(cons) + priority * 0.5 + 0.25 * any(
                    c[0] in ("obj", "objp") and (primary in c[1] or any(v.rsplit(" ", 1)[-1] == primary
                                                                        for v in c[1] & objs)) for c in cons) + \
                    0.2 * min(2, self._extra_words(cons, objs))  # the first object before its conjuncts; the
                # longer phrase before the shorter ("issue * arrest warrant" 173 before "issue * warrant" 100)
                if score <= best_score:
                    continue
                if all(self._holds(c, subj, objs, preps, prts) for c in cons):
                    best, best_score = code, score
                    best_how = "hand" if priority > 0 else "pattern"
            if best_score >= 0:
                if best and best.startswith(":"):
                    return best[1:], "reverse"
                return best, best_how
        for key in keys:
            if key in self._default:
                how = "hand" if key in self._hand_default else "default" if key in self._inherited else "verb"
                if how == "default" and particle and key[1] != particle:
                    return None, ""  # "taken in refugees": a particle the verb is not known with changes it
                return self._default[key], how
        return None, ""

    def _candidates(self, key, words: set):
        """The patterns of a verb that a word of the frame can trigger (each pattern indexed by the words
        its first constraint needs), in file order."""
        index = self._trigger.get(key)
        if index is None:
            index = self._trigger[key] = {}
            for k, (cons, _, _) in enumerate(self._patterns.get(key, ())):
                first = next((c for c in cons if c[0] != "subj"), cons[0])
                needs = {first[1]} if first[0] == "prep" else set(first[1])
                if first[0] == "objp":
                    needs = set(first[1])
                for w in needs:
                    index.setdefault(w, []).append(k)
        found = sorted({k for w in words for k in index.get(w, ())})
        patterns = self._patterns.get(key, ())
        return [patterns[k] for k in found]

    @staticmethod
    def _extra_words(cons, objs: set) -> int:
        """How many words beyond one the longest object phrase a pattern matches has."""
        return max((len(v.split()) - 1 for c in cons if c[0] in ("obj", "objp") for v in c[1] & objs), default=0)

    @staticmethod
    def _holds(c, subj, objs, preps, prts) -> bool:
        kind, values, heads = c
        if kind == "obj":
            return bool(values & objs)
        if kind == "objp":
            return bool(values & objs) or any(h in values for _, h in preps)
        if kind == "prep":
            # a bare preposition ("call on") holds only with an actor after it: not "demanded on Thursday"
            return any(p == values and (h == "+" if heads is None else h in heads) for p, h in preps)
        if kind == "prt":
            return bool(values & prts) or any(p in values and h == "+" for p, h in preps)
        if kind == "subj":
            return subj in values
        return False

    def predicate(self, word: str, pos: str) -> Predicate | None:
        return self.predicates.get((word, pos))

    def noun_key(self, tok) -> str | None:
        """The key an event noun token is known by: a modified form the table lists ("joint exercise"),
        its form as written ("talks") or its lemma; a noun that needs a modifier ("exercise": military,
        naval, joint ...) is one only with it."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low not in self._noun_heads and lemma not in self._noun_heads:
            return None  # most words are no event noun: no look at their modifiers
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        mods |= {m.split("-")[0] for m in mods if "-" in m}  # "live-fire", "large-scale"
        mods |= {c.lower_ for m in tok.children if m.dep_ in ("amod", "compound") for c in m.children
                 if c.dep_ in ("amod", "compound", "conj")}  # "joint naval and air drills"
        for word in [f"{m} {w}" for m in sorted(mods) for w in (low, lemma)] + [low, lemma]:
            p = self.predicates.get((word, "noun"))
            if p is not None and (not p.needs or p.needs & mods):
                return word
        return None

    def predicate_code(self, word: str, pos: str, **frame) -> str | None:
        """The code of an adjective or event noun: its own, or its verb's in this frame."""
        p = self.predicates.get((word, pos))
        if p is None:
            return None
        if p.code:
            return p.code
        return self.code(p.verb, "", **frame) if p.verb else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


def frame_code_how(f, lex: Lexicon) -> tuple[str | None, str]:
    """(code, how) of a frame (:class:`geopol.text.frames.Frame`): a verb's by its patterns, an adjective's
    or event noun's by its own code or its verb's."""
    if f.pos == "verb":
        code, how = lex.code_how(f.lemma, f.particle, subj=f.subj, objs=set(f.objs), preps=set(f.preps),
                                 prts=set(f.prts), primary=f.primary)
        if code is None and f.lemma in ENDING:
            # "lifted its arms embargo" (085), "raised the blockade" (087): the dictionary's patterns for "end"
            ended, ended_how = lex.code_how("end", "", subj=f.subj, objs=set(f.objs), preps=set(f.preps),
                                            prts=set(f.prts), primary=f.primary)
            if ended_how == "pattern":
                return ended, "pattern"
        return code, how
    return lex.predicate_code(f.lemma, f.pos, subj=f.subj, objs=set(f.objs), preps=set(f.preps),
                              prts=set(f.prts)), "hand"


def frame_code(f, lex: Lexicon) -> str | None:
    """The CAMEO code of a frame, or None."""
    return frame_code_how(f, lex)[0]


_MEASURE = frozenset({"hour", "day", "week", "month", "year", "round", "series", "number", "lot", "couple", "wave",
                      "spate", "string", "barrage", "kind", "type", "form", "set", "volley", "flurry", "hail",
                      "dozen", "hundred", "thousand", "part", "parts"})


def _modified(tok) -> set:
    """A noun with each of its modifiers: "military aid", "terrorist attack" (what a pattern may require)."""
    head = tok.lemma_.lower()
    return {f"{c.lemma_.lower()} {head}" for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}


_CURRENCY_SIGNS = frozenset("$€£¥₹₩")


def _is_money(tok) -> bool:
    """An amount of money: "$50 million", "A$1 million", "€20bn" (a currency sign on the figure)."""
    return any(c.tag_ == "$" or (c.text and c.text[-1] in _CURRENCY_SIGNS) for c in [tok, *tok.children])


_SAME = {"phone": "telephone"}  # a word the dictionary writes in its longer form ("by telephone" 041)


def frame_words(verb, direct, preps, sent=None) -> tuple[set, set, set]:
    """(object lemmas, (preposition, head) pairs, particles) of a predicate: the words its patterns may
    require, with "+" for a preposition whose object is an actor (``sent``: the sentence's actors)."""
    objs = set()
    for o in direct:
        objs.add(o.lemma_.lower())
        objs |= _modified(o)
        if _is_money(o):
            objs.add("money")  # "providing A$1 million": the dictionary's patterns name money, not the figure
        if o.lower_ == "arms":
            objs.add("weapon")  # the plural "arms" is weapons (the parse's lemma is the limb)
        if o.lemma_.lower() in _MEASURE:  # "four hours of talks", "a series of attacks"
            objs.update(g.lemma_.lower() for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj")
        objs.update(c.lemma_.lower() for c in o.children if c.dep_ == "conj")
    pp = {(p.lower_, _SAME.get(o.lemma_.lower(), o.lemma_.lower())) for p, o in preps} | \
        {(p.lower_, "") for p, _ in preps} | {(p.lower_, m) for p, o in preps for m in _modified(o)}
    if sent is not None:
        pp |= {(p.lower_, "+") for p, o in preps if sent.actors_at(o)}
    # the object's own "of" phrase, which the dictionary writes inside the object ("{STATE OF EMERGENCY}")
    pp |= {("of", g.lemma_.lower()) for o in direct for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
           for g in c.children if g.dep_ == "pobj"}
    prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return objs, pp, prts
