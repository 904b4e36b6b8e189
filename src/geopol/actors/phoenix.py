"""The field's actor dictionaries: PETRARCH2's Phoenix files (MIT), read into registry records.

``scripts/build_phoenix.py`` converts the dictionaries once into
``data/phoenix_actors.tsv`` and ``data/phoenix_agents.tsv`` (provenance and
licence in ``data/PROVENANCE.md`` and ``data/LICENSE-phoenix.txt``). This
module turns those rows into what the registry holds:

- **states**: a country entry's phrases ("AFGHAN", "KABUL", "HERAT") become
  aliases of the state;
- **institutions**: an entry coded with a country and a role ("WHITE HOUSE"
  ``USAGOV``, "UNITED STATES CONGRESS" ``USAGOVLEG``) becomes an institution
  alias; one coded with an IGO ("UN SECRETARY GENERAL" ``IGOUNO``) an alias
  of that IGO;
- **persons**: an entry with dated codes becomes a person with one tenure per
  dated code (``[AFGGOV 331108-730717]``) and, from its undated code, the
  affiliation outside every tenure;
- **groups**: named non-state actors ("HAMAS" ``PSEREBHMS``, "HEZBOLLAH"
  ``LBNREB``) with their own codes;
- **agents**: nouns that make a sector of the country they go with ("POLICE"
  ``COP``, "SPY AGENCY" ``SPY``).

Codes are CAMEO's: a three-letter country code (CAMEO's own, mapped to ISO
3166 where they differ: ROM, TMP, MTN, KSV), an IGO code (``IGOUNO...``,
mapped to the registry's IGO with the longest matching CAMEO code), or a
regional or transnational code (``IMGMUSALQ``, ``NGO``...) kept whole.

>>> rows = parse_codes("AFGELI@1962-01-01@1978-04-27|AFGGOV@1978-04-27@1978-04-30|AFGELI")
>>> [(c, s.isoformat() if s else None) for c, s, e in rows]
[('AFGELI', '1962-01-01'), ('AFGGOV', '1978-04-27'), ('AFGELI', None)]
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

__all__ = ["PhoenixEntry", "parse_codes", "read_entries", "read_agents", "split_code", "key_tokens", "normal_spelling",
           "dictionary_key", "FUNCTION_WORDS", "JOINERS"]

# Words a capitalised name may write in lower case ("Ministry of Foreign Affairs", "Abu al-Hasan").
FUNCTION_WORDS = frozenset("of the and for de du da del della des di la le al el bin ibn van von der den y e on in "
                           "to at".split())


# Tokens a dictionary phrase and a text are both compared without: "KI-MOON" and "Ki-moon", "U.S." and "U.S".
JOINERS = frozenset({".", "-", "–"})
_TOKEN = re.compile(r"\w+|[^\w\s]")


def key_tokens(text: str) -> list[str]:
    """The words of a phrase as the dictionaries compare them: upper case, without joiners.

    >>> key_tokens("Ban Ki-moon"), key_tokens("U.S. Treasury")
    (['BAN', 'KI', 'MOON'], ['U', 'S', 'TREASURY'])
    """
    return [normal_spelling(t) for t in _TOKEN.findall(text.upper()) if t not in JOINERS]


def normal_spelling(word: str) -> str:
    """British and American spellings compare equal: "ORGANISATION" is "ORGANIZATION"."""
    if word.endswith(("ISATION", "ISATIONS")):
        return word.replace("ISATION", "IZATION")
    return word


def dictionary_key(text: str) -> str:
    return " ".join(key_tokens(text))


@dataclass(frozen=True, slots=True)
class PhoenixEntry:
    kind: str            # country, person, institution, group
    name: str            # the root phrase, upper case
    codes: tuple         # ((code, start, end), ...) in file order
    phrases: tuple       # phrases as dictionary keys (:func:`dictionary_key`), root first
    file: str            # countries, international, nonstate
    slug: str            # the person identifier of the root name


def _date(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


def parse_codes(field: str) -> list[tuple[str, date | None, date | None]]:
    out = []
    for part in field.split("|"):
        if not part:
            continue
        code, _, rest = part.partition("@")
        if rest:
            start, _, end = rest.partition("@")
            out.append((code, _date(start), _date(end)))
        else:
            out.append((code, None, None))
    return out


def _text(name: str) -> str:
    return resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def read_entries() -> tuple[PhoenixEntry, ...]:
    """The dictionaries' entries, read once (the registry's build and its name statistics share them)."""
    rows = csv.reader(io.StringIO(_text("phoenix_actors.tsv")), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(rows)
    return tuple(PhoenixEntry(kind=k, name=n, codes=tuple(parse_codes(c)), phrases=tuple(p.split("|")), file=f, slug=s)
            for k, n, c, p, f, s in rows)


def read_agents() -> list[tuple[str, str, tuple[str, ...]]]:
    """(phrase, code, plurals), lower case."""
    rows = csv.reader(io.StringIO(_text("phoenix_agents.tsv")), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(rows)
    return [(p, c, tuple(x for x in pl.split("|") if x)) for p, c, pl in rows]


def split_code(code: str, countries: dict[str, str], igos: dict[str, str]) -> tuple[str | None, str, str]:
    """A Phoenix code → (country or IGO code, role, kind of holder).

    ``countries`` maps CAMEO (and ISO) country codes to the registry's ISO
    codes, ``igos`` maps CAMEO IGO codes (``IGOUNO``) to registry IGO codes
    (``UNO``). The kind is ``state``, ``igo`` or ``other`` (a regional or
    transnational code, kept whole).

    >>> split_code("USAGOVLEG", {"USA": "USA"}, {})
    ('USA', 'GOVLEG', 'state')
    >>> split_code("IGOUNOKID", {}, {"IGOUNO": "UNO", "IGOUNOKID": "KID"})
    ('KID', '', 'igo')
    >>> split_code("IMGMUSALQ", {}, {})
    (None, 'IMGMUSALQ', 'other')
    """
    head = code[:3]
    if head in countries:
        return countries[head], code[3:], "state"
    if head == "IGO":
        best = max((c for c in igos if code.startswith(c)), key=len, default=None)
        if best:
            return igos[best], code[len(best):], "igo"
    return None, code, "other"
