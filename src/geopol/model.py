"""The model: frozen, typed, hashable records.

Everything geopol reads (articles, datasets) becomes these records, the store
keeps them, and analysis reads them back. Records validate their own
invariants on construction and never change afterwards.

>>> span = TimeSpan(start=date(1950, 6, 25), end=date(1953, 7, 27), precision="day")
>>> span.contains(date(1951, 1, 1))
True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Literal, get_args

__all__ = [
    "Precision",
    "Modality",
    "FACT_MODALITIES",
    "ActorKind",
    "TimeSpan",
    "Quantity",
    "Evidence",
    "Tenure",
    "Actor",
    "Document",
    "Sentence",
    "Mention",
    "Event",
    "Relation",
    "Claim",
    "Hypothesis",
    "record_id",
    "to_jsonable",
]

Precision = Literal["day", "month", "year", "decade", "unknown"]
Modality = Literal["asserted", "negated", "hypothetical", "future", "reported", "conditional"]
ActorKind = Literal["state", "igo", "person", "sector", "group"]

PRECISIONS: tuple[str, ...] = get_args(Precision)
MODALITIES: tuple[str, ...] = get_args(Modality)
# What counts as having happened: said plainly, or reported ("X said Y had ..."), not wished, feared or denied.
FACT_MODALITIES: tuple[str, ...] = ("asserted", "reported")
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)

_record = dataclass(frozen=True, kw_only=True, slots=True)


def _check(cond: bool, message: str) -> None:
    if not cond:
        raise ValueError(message)


@_record
class TimeSpan:
    """When something holds: a closed interval of dates with a precision.

    ``start`` or ``end`` may be ``None`` for open ranges ("since 2019").
    """

    start: date | None = None
    end: date | None = None
    precision: Precision = "unknown"

    def __post_init__(self) -> None:
        _check(self.precision in PRECISIONS, f"precision must be one of {PRECISIONS}, not {self.precision!r}")
        if self.start and self.end:
            _check(self.start <= self.end, f"time span starts after it ends: {self.start} > {self.end}")

    def contains(self, day: date) -> bool:
        """True when ``day`` lies within the span (open ends extend forever)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@_record
class Quantity:
    """A figure with its unit: ``Quantity(value=400000, unit="soldiers")``."""

    value: float
    unit: str


@_record
class Evidence:
    """The text behind a fact: a character span of a stored document and its quote."""

    doc: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check(0 <= self.start <= self.end, f"evidence span must satisfy 0 <= start <= end, got {self.start}..{self.end}")


@_record
class Tenure:
    """An office held by a person: country (or IGO) code, CAMEO role, title, dates."""

    country: str
    role: str
    title: str = ""
    start: date | None = None
    end: date | None = None
    source: str = ""

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@_record
class Actor:
    """A state, IGO, person, sector or group known to the registry.

    ``code`` is the CAMEO-style code (``CHN``, ``IGOUNO``) or, for persons, a
    stable identifier (``person:xi-jinping``). ``country`` is the state or IGO
    the actor belongs to, when any.
    """

    code: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    tenures: tuple[Tenure, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        _check(bool(self.code), "actor code must not be empty")
        _check(self.kind in ACTOR_KINDS, f"actor kind must be one of {ACTOR_KINDS}, not {self.kind!r}")


@_record
class Document:
    """An ingested text. ``id`` is derived from the content hash."""

    id: str
    sha256: str
    title: str | None = None
    date: date | None = None
    date_source: str | None = None
    source: str | None = None
    format: str = "text"
    n_chars: int = 0


@_record
class Sentence:
    doc: str
    index: int
    start: int
    end: int
    paragraph: int = 0


@_record
class Mention:
    """A span of a document that names an actor, resolved through the registry."""

    doc: str
    start: int
    end: int
    text: str
    actor: str
    country: str | None
    kind: str
    sentence: int = 0
    role: str | None = None
    person: str | None = None
    origin: str | None = None  # registry, dictionary, title, apposition, introduced, coreference


@_record
class Event:
    """Something one actor did to another at some time (CAMEO / PLOVER coded)."""

    source: str | None
    target: str | None
    cameo: str
    plover: str | None = None
    quad: int | None = None
    goldstein: float | None = None
    time: TimeSpan = field(default_factory=TimeSpan)
    modality: Modality = "asserted"
    quantity: Quantity | None = None
    attributed_to: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    origin: str = "text"
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        _check(self.cameo.isdigit() and 2 <= len(self.cameo) <= 4, f"CAMEO code must be 2-4 digits, not {self.cameo!r}")
        _check(self.quad is None or 1 <= self.quad <= 4, f"quad class must be 1-4, not {self.quad}")
        _check(self.goldstein is None or -10 <= self.goldstein <= 10, f"Goldstein value must be in [-10, 10], not {self.goldstein}")
        _check(self.modality in MODALITIES, f"modality must be one of {MODALITIES}, not {self.modality!r}")


@_record
class Relation:
    """A standing tie between two actors: signed, weighted, time-scoped."""

    a: str
    b: str
    sign: int
    strength: float
    kind: str
    time: TimeSpan = field(default_factory=TimeSpan)
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        _check(self.sign in (-1, 1), f"relation sign must be +1 or -1, not {self.sign}")
        _check(-1.0 <= self.strength <= 1.0, f"relation strength must be in [-1, 1], not {self.strength}")


@_record
class Claim:
    """Reported speech or opinion: who says what about whom."""

    speaker: str
    content: str
    speaker_actor: str | None = None
    about: tuple[str, ...] = ()
    stance: float | None = None
    time: TimeSpan = field(default_factory=TimeSpan)
    evidence: tuple[Evidence, ...] = ()


@_record
class Hypothesis:
    """A conditional statement: if ``condition`` then ``consequence``."""

    condition: str
    consequence: str
    actors: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


def to_jsonable(value):
    """Dates as ISO strings, tuples as lists, recursively: what ``json.dumps`` accepts."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def record_id(record) -> str:
    """A stable 16-hex-digit identifier derived from a record's content."""
    payload = json.dumps(to_jsonable(asdict(record)), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{type(record).__name__}:{payload}".encode()).hexdigest()[:16]


def field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
