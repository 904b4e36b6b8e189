"""Event coders: classify what a sentence says one actor did to another, by PLOVER type.

Coders are registered by name, so the text pipeline and ``geopol eval``
can swap them and users can plug in their own:

* ``rules`` — the verb lexicon alone (certain, narrow);
* ``linear`` — the trained classifier shipped in the package (n-grams);
* ``vectors`` — the same with static word vectors: more accurate, no parse;
* ``parsed`` — n-grams, static word vectors and the dependency parse: the
  most accurate, ~30 times slower than ``linear`` (it parses each sentence);
* ``hybrid`` (the default) — the lexicon where it is certain, the
  classifier otherwise.

A coder has ``name`` and ``predict(marked) -> [(type or None, confidence)]``,
where each input is a sentence, optionally with its source and target marked
PLV-style (``<s>…</s>``, ``<t>…</t>``).

>>> sorted(CODERS)
['hybrid', 'linear', 'parsed', 'rules', 'vectors']
"""

from __future__ import annotations

from typing import Callable, Protocol

from ..errors import InputError

__all__ = ["Coder", "CODERS", "register_coder", "get_coder", "HybridCoder"]


class Coder(Protocol):
    name: str

    def predict(self, marked: list[str]) -> list[tuple[str | None, float]]: ...


CODERS: dict[str, Callable[[], Coder]] = {}


def register_coder(name: str):
    """Register a zero-argument coder factory under ``name``."""

    def deco(factory):
        CODERS[name] = factory
        return factory

    return deco


def get_coder(name: str = "hybrid", *, model: str | None = None) -> Coder:
    """The coder registered as ``name`` (``model``: a trained artifact to use instead of the shipped one)."""
    if name not in CODERS:
        raise InputError(f"unknown coder {name!r}: known coders are {', '.join(sorted(CODERS))}")
    return CODERS[name](model) if model is not None else CODERS[name]()


class HybridCoder:
    """The lexicon where it codes the sentence, the classifier otherwise."""

    name = "hybrid"

    def __init__(self, model=None):
        from .linear import LinearCoder
        from .rules import RulesCoder

        self.rules, self.linear = RulesCoder(), LinearCoder.load(model)

    def predict(self, marked):
        ruled = self.rules.predict(marked)
        learned = self.linear.predict(marked)
        return [r if r[0] is not None else lrn for r, lrn in zip(ruled, learned)]


@register_coder("rules")
def _rules(model=None):
    from .rules import RulesCoder

    return RulesCoder()


@register_coder("linear")
def _linear(model=None):
    from .linear import LinearCoder

    return LinearCoder.load(model)


@register_coder("vectors")
def _vectors(model=None):
    from .wordvec import VectorCoder

    return VectorCoder.load(model)


@register_coder("parsed")
def _parsed(model=None):
    from .parsed import ParsedCoder

    return ParsedCoder.load(model)


register_coder("hybrid")(HybridCoder)
