"""User registry files: extend or override the shipped registry.

A YAML file holds a list under ``actors:``; a CSV file has one row per actor
with the same field names (``aliases`` separated by ``|``)::

    actors:
      - name: Eric Ballbach
        kind: person
        country: DEU
        role: EDU
        title: Researcher, German Institute for International and Security Affairs
      - code: SWP
        name: German Institute for International and Security Affairs
        kind: group
        country: DEU
        aliases: [SWP]

A person with ``start``/``end`` gets a tenure; without them the person is
affiliated with ``country`` and ``role`` at any date. An entry whose code (or,
for a person, whose name) is already known adds its aliases and tenures to
the known actor.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import RegistryError
from ..model import Actor, Tenure
from .registry import slug

__all__ = ["RegistryEntry", "load_registry_file", "entry_to_actor"]


class RegistryEntry(BaseModel):
    """One actor as a user writes it; validated because it comes from outside."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str
    kind: Literal["state", "igo", "person", "sector", "group"] = "person"
    code: str | None = None
    country: str | None = None
    aliases: list[str] = []
    role: str | None = None
    title: str = ""
    start: date | None = None
    end: date | None = None

    @field_validator("aliases", mode="before")
    @classmethod
    def _split(cls, v):
        if isinstance(v, str):
            return [a.strip() for a in v.split("|") if a.strip()]
        return v or []

    @field_validator("code", "country", "role", "start", "end", mode="before")
    @classmethod
    def _empty_is_none(cls, v):
        return None if v == "" else v

    @field_validator("code")
    @classmethod
    def _one_word(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[\w.\-]+", v):
            raise ValueError("a code is letters, digits, '-', '_' or '.', without spaces")
        return v

    @field_validator("name")
    @classmethod
    def _nonempty(cls, v: str) -> str:
        if not v:
            raise ValueError("name must not be empty")
        return v


def entry_to_actor(entry: RegistryEntry) -> Actor:
    code = entry.code or (slug(entry.name) if entry.kind == "person" else entry.name.upper())
    tenures: tuple[Tenure, ...] = ()
    attributes: tuple[tuple[str, str], ...] = (("origin", "user"),)
    if entry.kind == "person" and entry.country and (entry.start or entry.end):
        tenures = (Tenure(country=entry.country, role=entry.role or "GOV", title=entry.title,
                          start=entry.start, end=entry.end, source="user"),)
    elif entry.role:
        attributes += (("role", entry.role),)
    if entry.title:
        attributes += (("title", entry.title),)
    return Actor(code=code, name=entry.name, kind=entry.kind, country=entry.country or (code if entry.kind in ("state", "igo") else None),
                 aliases=tuple(entry.aliases), tenures=tenures, attributes=attributes)


def load_registry_file(path: str | Path) -> list[Actor]:
    """Read a YAML or CSV registry file into actors; one clear error on bad input."""
    p = Path(path)
    if not p.is_file():
        raise RegistryError(f"registry file {p} does not exist")
    try:
        if p.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            rows = data.get("actors", []) if isinstance(data, dict) else data
            if not isinstance(rows, list):
                raise RegistryError(f"{p}: expected a list under 'actors:'")
        elif p.suffix.lower() == ".csv":
            with p.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
        else:
            raise RegistryError(f"{p}: registry files must end in .yaml, .yml or .csv")
    except (UnicodeDecodeError, OSError) as exc:
        raise RegistryError(f"{p}: cannot read registry file ({exc})") from None
    except Exception as exc:  # yaml.YAMLError and csv.Error carry their own position
        if isinstance(exc, RegistryError):
            raise
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        what = getattr(exc, "problem", None) or str(exc)
        raise RegistryError(f"{p}: not valid {p.suffix.lstrip('.').upper()} ({where}{' '.join(str(what).split())})"
                            ) from None
    actors = []
    for i, row in enumerate(rows, start=1):
        try:
            actors.append(entry_to_actor(RegistryEntry.model_validate(row)))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or "entry"
            raise RegistryError(f"{p}: entry {i}: {where}: {first['msg']}") from None
        except ValueError as exc:
            raise RegistryError(f"{p}: entry {i}: {exc}") from None
    return actors
