"""The lexicon coder: the verb lexicon of the text pipeline (``text/data/verbs.tsv``) as a sentence classifier.

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
        from ..text.events import verb_lexicon
        from ..text.parse import load_nlp

        lexicon = verb_lexicon()
        nlp = load_nlp()
        regions = [between(mask(m)) for m in marked]
        out = []
        for doc in nlp.pipe(regions, batch_size=128):
            found = None
            for tok in doc:
                if tok.pos_ in ("VERB", "NOUN") and tok.lemma_ in lexicon:
                    objects = {c.lemma_ for c in tok.children}
                    cameo = next((code for obj, code in lexicon[tok.lemma_] if not obj or obj in objects), None)
                    plover = codes.plover_for_cameo(cameo) if cameo else None
                    if plover:
                        found = plover
                        break
            out.append((found, 1.0 if found else 0.0))
        return out
