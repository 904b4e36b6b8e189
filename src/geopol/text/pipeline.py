"""The article pipeline: stages with declared contracts, composed by name.

Each stage says what it requires on a chunk and what it assigns; a
:class:`Pipeline` checks the order when it is built, so a misconfigured
pipeline fails before it reads a byte. Stages are registered under versioned
names (``"segment.v1"``) and a pipeline is configured as a list of names; a
name may carry one option after a colon (``"facts.v1:rules"`` codes events
with the lexicon alone).

>>> Pipeline(["mentions.v1"], registry=None)
Traceback (most recent call last):
...
geopol.errors.InputError: pipeline stage 'mentions.v1' requires 'sentences', which no earlier stage assigns
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterator

from ..errors import InputError
from .mentions import FoundMention, MentionFinder
from .reader import SourceFile, chunks
from .segment import split_sentences

__all__ = ["Chunk", "Stage", "Pipeline", "STAGES", "DEFAULT_STAGES", "register_stage"]


@dataclass
class Chunk:
    """A piece of one document as it moves through the stages."""

    doc: str
    offset: int
    text: str
    date: date | None
    sentences: list[tuple[int, int, int]] = field(default_factory=list)  # absolute (start, end, paragraph)
    first_sentence: int = 0
    mentions: list[FoundMention] = field(default_factory=list)
    events: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    hypotheses: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    furniture: list = field(default_factory=list)  # (start, end, kind, text): datelines, credits, bylines
    n_chars: int = 0  # the whole document's length


@dataclass
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Chunk, dict], None]
    # optional: the same work over the chunks of several documents at once (parsing batches better)
    run_batch: Callable[[list[Chunk]], None] | None = None


STAGES: dict[str, Callable[..., Stage]] = {}


def register_stage(name: str):
    """Register a stage factory ``f(registry) -> Stage`` under a versioned name."""

    def deco(factory):
        STAGES[name] = factory
        return factory

    return deco


@register_stage("segment.v1")
def _segment(registry) -> Stage:
    def run(chunk: Chunk, ctx: dict) -> None:
        para = ctx.get("paragraph", 0)
        chunk.first_sentence = ctx.get("sentence", 0)
        chunk.sentences = list(split_sentences(chunk.text, offset=chunk.offset, first_paragraph=para))
        if chunk.sentences:
            last = chunk.sentences[-1][2]
            ctx["paragraph"] = last + 1 if chunk.text.endswith("\n\n") else last
        ctx["sentence"] = chunk.first_sentence + len(chunk.sentences)

    return Stage("segment.v1", requires=("text",), assigns=("sentences",), run=run)


@register_stage("furniture.v1")
def _furniture(registry) -> Stage:
    """Datelines cut off the sentence they open; credit, byline and caption lines dropped."""
    from .furniture import dateline, furniture_kind

    def run(chunk: Chunk, ctx: dict) -> None:
        kept = []
        last_para = ctx.get("furniture_para", -1)
        for s, e, p in chunk.sentences:
            text = chunk.text[s - chunk.offset:e - chunk.offset]
            kind = furniture_kind(text)
            if kind is not None:
                chunk.furniture.append((s, e, kind, text))
                continue
            if p != last_para:  # a dateline opens a paragraph
                cut = dateline(text)
                if cut:
                    chunk.furniture.append((s, s + cut, "dateline", text[:cut].strip()))
                    s += cut
            last_para = p
            kept.append((s, e, p))
        ctx["furniture_para"] = last_para
        chunk.sentences = kept

    return Stage("furniture.v1", requires=("sentences",), assigns=("sentences", "furniture"), run=run)


_FINDERS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _finder(registry) -> MentionFinder:
    """One finder per registry: building its indexes costs about a second, and a registry does not change."""
    if registry not in _FINDERS:
        _FINDERS[registry] = MentionFinder(registry)
    return _FINDERS[registry]


@register_stage("mentions.v1")
def _mentions(registry) -> Stage:
    finder = _finder(registry) if registry is not None else None

    def run(chunk: Chunk, ctx: dict) -> None:
        state = ctx.setdefault("mention_state", finder.new_document())
        found = []
        for k, (s, e, _) in enumerate(chunk.sentences):
            local = [(s - chunk.offset, e - chunk.offset)]
            for m in finder.find(chunk.text, chunk.date, offset=chunk.offset, state=state, spans=local):
                found.append((chunk.first_sentence + k, m))
        chunk.mentions = found

    return Stage("mentions.v1", requires=("sentences",), assigns=("mentions",), run=run)


@register_stage("facts.v1")
def _facts(registry, coder: str = "rules") -> Stage:
    """Lexicon events; ``facts.v1:<coder>`` (vectors, parsed, linear ...) types the verbs the lexicon leaves uncoded.

    The default is the lexicon alone: on the development articles the vectors classifier, at margin 0.4,
    added one event in 18 articles, and it was wrong (docs/text.md).
    """
    from ..coder import CODERS

    if coder not in CODERS:
        raise InputError(f"unknown coder {coder!r} for facts.v1: known coders are {', '.join(sorted(CODERS))}")

    def run(chunk: Chunk, ctx: dict) -> None:
        run_batch([chunk])

    def run_batch(chunks: list[Chunk]) -> None:
        from ..coder import get_coder
        from .facts import MAX_DOC_CHARS, extract_facts_many

        classify = None if coder == "rules" else get_coder(coder).predict
        extract_facts_many([(c, c.date) for c in chunks if c.n_chars <= MAX_DOC_CHARS], classify=classify,
                           registry=registry)

    return Stage("facts.v1", requires=("sentences", "mentions"), assigns=("events", "relations", "claims", "hypotheses"),
                 run=run, run_batch=run_batch)


DEFAULT_STAGES = ("segment.v1", "furniture.v1", "mentions.v1", "facts.v1")


class Pipeline:
    """Stages in order; run one document at a time, chunk by chunk."""

    def __init__(self, names=DEFAULT_STAGES, *, registry):
        have = {"text"}
        self.stages: list[Stage] = []
        for name in names:
            name, _, option = name.partition(":")
            if name not in STAGES:
                raise InputError(f"unknown pipeline stage {name!r}: known stages are {', '.join(sorted(STAGES))}")
            factory = STAGES[name]
            args = (option,) if option else ()
            probe = factory(registry, *args)
            missing = [r for r in probe.requires if r not in have]
            if missing:
                raise InputError(f"pipeline stage {name!r} requires {missing[0]!r}, which no earlier stage assigns")
            have.update(probe.assigns)
            self.stages.append(probe)

    def run_many(self, items: list[tuple[SourceFile, date | None, str | None]]) -> list[list[Chunk]]:
        """Several documents (source, day, text) at once: their chunks, the trailing stages that can batch
        (``run_batch``) run once over all of them. Use it for documents that fit in memory together."""
        first = next((k for k, st in enumerate(self.stages) if st.run_batch is not None), len(self.stages))
        if any(st.run_batch is None for st in self.stages[first:]):
            return [list(self.run(src, day=day, text=text)) for src, day, text in items]
        out = [list(self._chunks(src, day, text, self.stages[:first])) for src, day, text in items]
        every = [c for pieces in out for c in pieces]
        for stage in self.stages[first:]:
            stage.run_batch(every)
        return out

    def run(self, source: SourceFile, *, day: date | None, text: str | None = None) -> Iterator[Chunk]:
        return self._chunks(source, day, text, self.stages)

    @staticmethod
    def _chunks(source: SourceFile, day: date | None, text: str | None, stages: list[Stage]) -> Iterator[Chunk]:
        """One document's chunks, each run through ``stages`` (which share one context per document)."""
        ctx: dict = {}
        for offset, piece in chunks(source, text=text):
            chunk = Chunk(doc=source.id, offset=offset, text=piece, date=day, n_chars=source.n_chars)
            for stage in stages:
                stage.run(chunk, ctx)
            yield chunk
