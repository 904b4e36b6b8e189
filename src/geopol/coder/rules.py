"""The lexicon coder: the text pipeline's lexicon (geopol's verbs, PETRARCH2's verb patterns, event nouns:
:mod:`geopol.text.lexicon`) as a sentence classifier.

A sentence gets the PLOVER type of the first lexicon verb between its marked
source and target (or anywhere, when nothing is marked); a sentence with no
lexicon verb gets none, which an evaluation counts as wrong.
"""

from __future__ import annotations

from .. import codes
from .features import between, mask

__all__ = ["RulesCoder"]


class RulesCoder:
    name = "rules"

    def predict(self, marked: list[str]) -> list[tuple[str | None, float]]:
        from ..text.lexicon import lexicon
        from ..text.parse import load_nlp

        lex = lexicon()
        nlp = load_nlp()
        regions = [between(mask(m)) for m in marked]
        out = []
        for doc in nlp.pipe(regions, batch_size=128):
            found = None
            for tok in doc:
                lemma = tok.lemma_.lower()
                if tok.pos_ == "VERB" and lex.knows(lemma):
                    objects = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")}
                    cameo = lex.code(lemma, "", subj="", objs=objects, preps=set(), prts=set())
                elif tok.pos_ == "NOUN" and lex.predicate(lemma, "noun") is not None:
                    cameo = lex.predicate_code(lemma, "noun", subj="", objs=set(), preps=set(), prts=set())
                else:
                    continue
                if cameo:
                    plover = codes.plover_for_cameo(cameo)
                    if plover:
                        found = plover
                        break
            out.append((found, 1.0 if found else 0.0))
        return out
