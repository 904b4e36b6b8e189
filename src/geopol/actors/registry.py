"""The actor registry: states, IGOs, office holders with tenure, sector roles.

Built from the data files in ``geopol/actors/data`` and the country crosswalk
in ``geopol/codes``; users extend or override it with their own entries
(:mod:`geopol.actors.overrides`). A registry is immutable once built.

>>> reg = Registry.default()
>>> reg.actor("PRK").name
'North Korea'
>>> [a.code for a in reg.candidates("Pyongyang")]
['PRK']
>>> reg.affiliation("xi-jinping", date(2024, 10, 1))
('CHN', 'GOV')
>>> reg.affiliation("mao-zedong", date(2024, 10, 1))
('CHN', 'ELI')
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .. import codes
from ..model import Actor, Tenure

__all__ = ["Alias", "Registry", "EAST_ASIAN_ORDER", "slug", "build_registry", "role_codes", "successor_codes"]

# Countries whose personal names put the family name first ("Kim Jong-un", "Xi Jinping").
EAST_ASIAN_ORDER = frozenset({"CHN", "PRK", "KOR", "TWN", "HKG", "VNM"})
# Countries whose personal names end in two family names, the father's then the mother's
# ("Alvaro Uribe Velez": "Uribe" in the news, or "Lopez Obrador"); Portuguese names put the father's last.
SPANISH_NAMING = frozenset({"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GNQ", "GTM", "HND",
                            "MEX", "NIC", "PAN", "PER", "PRI", "PRY", "SLV", "URY", "VEN"})
_SUFFIXES = {"Jr.", "Jr", "Sr.", "II", "III", "IV"}
_PARTICLES = {"De", "Del", "La", "Las", "Los", "Da", "Do", "Dos", "Y", "San", "Santa"}
COUNTRY_KINDS = frozenset({"name", "abbrev", "capital", "demonym", "prefix", "institution", "official", "place"})


@dataclass(frozen=True, kw_only=True, slots=True)
class Alias:
    """One surface form that can name an actor.

    ``kind`` says how it names it: ``name``, ``official``, ``abbrev``,
    ``capital`` (a metonym), ``demonym``, ``prefix`` ("Sino-"),
    ``institution`` ("White House", with ``role``), ``person``, ``short``
    (a person's family name, only used once the full name is known) or
    ``igo``.
    """

    text: str
    code: str
    kind: str
    role: str | None = None


def slug(name: str) -> str:
    """``'Kim Jong-un'`` → ``'kim-jong-un'``; the identifier of a person."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def person_variants(name: str, country: str | None) -> set[str]:
    """Spellings of a person's name found in news text.

    >>> sorted(person_variants("Kim Il-Sung", "PRK"))
    ['Kim Il Sung', 'Kim Il-Sung', 'Kim Il-sung']
    >>> sorted(person_variants("Kim Jong Un", "PRK"))
    ['Kim Jong Un', 'Kim Jong-Un', 'Kim Jong-un']
    >>> sorted(person_variants("Virgilio Barco Vargas", "COL"))
    ['Barco Vargas', 'Virgilio Barco', 'Virgilio Barco Vargas']
    """
    out = {name, _strip_accents(name)}
    for v in list(out):
        if "-" in v:
            out.add(v.replace("-", " "))
            out.add(re.sub(r"-(\w)", lambda m: "-" + m.group(1).lower(), v))
            out.add(re.sub(r"-(\w)", lambda m: "-" + m.group(1).upper(), v))
        parts = v.split()
        if country in EAST_ASIAN_ORDER and len(parts) == 3 and all(p[:1].isupper() for p in parts):
            out.add(f"{parts[0]} {parts[1]}-{parts[2].lower()}")
            out.add(f"{parts[0]} {parts[1]}-{parts[2]}")
        if _two_family_names(parts, country):
            out.add(" ".join(parts[:-1]))   # without the mother's name: "Alvaro Uribe"
            out.add(" ".join(parts[-2:]))   # both family names: "Lopez Obrador"
    return out


def _two_family_names(parts: list[str], country: str | None) -> bool:
    """A Spanish name that ends in the father's and the mother's family names: three words or more, the
    last two capitalised and the second to last no given name ("Juan Manuel Santos" has one family name)."""
    return (country in SPANISH_NAMING and len(parts) >= 3 and all(p[:1].isupper() for p in parts[-2:])
            and parts[-1] not in _SUFFIXES and parts[-2] not in _PARTICLES
            and _strip_accents(parts[-2]) not in given_names())


@lru_cache(maxsize=2)
def given_names(strong: bool = False) -> frozenset[str]:
    """Words that open more of the known persons' names than they continue (Manuel, Carlos, Maria):
    given names, read off the registry's own name lists; ``strong``: those that open five names or more
    and twice as many as they continue (Vladimir, Lawrence: a place of that name is more often a person)."""
    first, later = _name_words()
    if strong:
        return frozenset(w for w, c in first.items() if c >= 5 and c > 2 * later[w])
    return frozenset(w for w, c in first.items() if c > later[w])


@lru_cache(maxsize=1)
def _name_words() -> tuple[Counter, Counter]:
    from . import phoenix

    first: Counter = Counter()
    later: Counter = Counter()
    names = [r["name"] for r in _rows("leaders.tsv")]
    names += [e.name.title() for e in phoenix.read_entries() if e.kind == "person"]
    for n in names:
        parts = [_strip_accents(p) for p in n.split()]
        if len(parts) > 1:
            first[parts[0]] += 1
            later.update(parts[1:])
    return first, later


def family_name(name: str, country: str | None) -> str | None:
    """The short form a text uses after introducing a person ("Xi", "Putin", "Uribe" for Alvaro Uribe Velez)."""
    parts = [p for p in name.split() if p not in _SUFFIXES]
    if len(parts) < 2 or " of " in name or parts[-1][:1].islower():
        return None
    if country in EAST_ASIAN_ORDER:
        return parts[0]
    return parts[-2] if _two_family_names(parts, country) else parts[-1]


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Registry:
    """Actors by code, aliases by surface form, sector roles by noun."""

    def __init__(self, actors: Iterable[Actor], aliases: Iterable[Alias], roles: dict[str, str],
                 role_names: dict[str, str], dictionary_aliases: Iterable[Alias] = ()):
        self._actors: dict[str, Actor] = {}
        for a in actors:
            self._actors[a.code] = a
        self._aliases: dict[str, list[Alias]] = defaultdict(list)
        for al in aliases:
            bucket = self._aliases[al.text]
            if al not in bucket:
                bucket.append(al)
        # the field's dictionaries: upper-case phrases, matched on capitalised words (see text.mentions)
        self._upper: dict[str, list[Alias]] = defaultdict(list)
        for al in dictionary_aliases:
            bucket = self._upper[al.text]
            if al not in bucket:
                bucket.append(al)
        self._shared: dict | None = None
        self.roles = dict(roles)  # noun phrase -> role code
        self.role_names = dict(role_names)  # role code -> description

    # -- construction -------------------------------------------------
    @classmethod
    def default(cls) -> "Registry":
        """The registry that ships with geopol (cached: it is immutable)."""
        return _default_registry()

    def extended(self, actors: Iterable[Actor]) -> "Registry":
        """A new registry with ``actors`` added; an actor with a known code replaces it (no actors: this one)."""
        actors = list(actors)
        if not actors:
            return self
        merged = dict(self._actors)
        aliases = [a for bucket in self._aliases.values() for a in bucket]
        for actor in actors:
            old = merged.get(actor.code)
            if old is not None:
                actor = replace(actor, aliases=tuple(dict.fromkeys(old.aliases + actor.aliases)),
                                tenures=old.tenures + actor.tenures)
            merged[actor.code] = actor
            aliases.extend(_aliases_for(actor))
        return Registry(merged.values(), aliases, self.roles, self.role_names,
                        [a for bucket in self._upper.values() for a in bucket])

    # -- lookups ------------------------------------------------------
    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, code: str) -> bool:
        return code in self._actors

    def actors(self) -> list[Actor]:
        return list(self._actors.values())

    def actor(self, code: str) -> Actor:
        return self._actors[code]

    def get(self, code: str) -> Actor | None:
        return self._actors.get(code)

    def aliases(self) -> dict[str, list[Alias]]:
        return self._aliases

    def dictionary_aliases(self) -> dict[str, list[Alias]]:
        """Upper-case phrases of the field's dictionaries (PETRARCH2's Phoenix files) → aliases."""
        return self._upper

    def candidates(self, text: str) -> list[Actor]:
        return [self._actors[a.code] for a in self._aliases.get(text, ()) if a.code in self._actors]

    def affiliation(self, code: str, day: date | None) -> tuple[str | None, str | None]:
        """(country, role) of an actor on ``day``.

        A person resolves to the country and role of the office held on that
        day; outside every tenure, to the country of the latest office before
        ``day`` (or of the first one) with the CAMEO role ELI (elite: former
        office holder). States and IGOs resolve to themselves.
        """
        actor = self._actors[code]
        if actor.kind != "person":
            return actor.country or actor.code, None
        if not actor.tenures:
            return actor.country, dict(actor.attributes).get("role")
        day = day or date.today()
        active = [t for t in actor.tenures if t.contains(day)]
        if active:
            t = max(active, key=lambda t: t.start or date.min)
            return t.country, t.role
        default = dict(actor.attributes).get("default")
        if default:  # the dictionary's own code outside every dated one ("[AFGELI]")
            country, _, role = default.partition(":")
            return country, role or None
        past = [t for t in actor.tenures if t.end and t.end < day]
        t = max(past, key=lambda t: t.end) if past else actor.tenures[0]
        return t.country, "ELI"

    def shared_names(self) -> dict[str, list[str]]:
        """The plural of a name states share, with the states: "koreas" -> North and South Korea, "sudans" ->
        Sudan and South Sudan (what "the two Koreas" names). Computed once."""
        if self._shared is None:
            states = [a for a in self._actors.values() if a.kind == "state" and not dict(a.attributes).get("historic")]
            single = {a.name: a.code for a in states}
            out: dict[str, list[str]] = {}
            for a in states:
                words = a.name.split()
                if len(words) == 2 and words[0] in ("North", "South", "East", "West"):
                    key = words[1].lower() + "s"
                    out.setdefault(key, []).append(a.code)
                    if words[1] in single and single[words[1]] not in out[key]:
                        out[key].append(single[words[1]])
            self._shared = {k: v for k, v in out.items() if len(v) >= 2}
        return self._shared

    def active_persons(self, short: str, day: date) -> list[Actor]:
        """Persons whose family name is ``short`` and who hold office on ``day``."""
        out = []
        for al in self._aliases.get(short, ()):
            if al.kind == "short":
                a = self._actors[al.code]
                if any(t.contains(day) for t in a.tenures):
                    out.append(a)
        return out


def _aliases_for(actor: Actor) -> list[Alias]:
    if actor.kind == "person":
        out = []
        for name in (actor.name, *actor.aliases):
            for v in person_variants(name, actor.country):
                # a lone family name ("Rivera", "Meta", "Kern": Archigos often records no given name) is
                # ambiguous on its own: it resolves like a short form, after a title or a full mention
                out.append(Alias(text=v, code=actor.code, kind="person" if len(v.split()) > 1 else "short"))
        short = family_name(actor.name, actor.country)
        if short:
            out.append(Alias(text=short, code=actor.code, kind="short"))
        return out
    kind = "igo" if actor.kind == "igo" else "name"
    return [Alias(text=t, code=actor.code, kind=kind) for t in {actor.name, *actor.aliases}]


@lru_cache(maxsize=1)
def _default_registry() -> Registry:
    return build_registry()


def build_registry(*, dictionaries: bool = True) -> Registry:
    """The shipped registry, built afresh; ``dictionaries=False`` leaves out PETRARCH2's Phoenix files
    (what the registry was before them: bench/bench_registry.py compares the two)."""
    actors: list[Actor] = []
    aliases: list[Alias] = []
    # UN members first, so that a demonym two entries share ("Chinese": China and
    # Hong Kong) goes to the member state.
    claimed: set[str] = set()
    for c in sorted(codes.countries().values(), key=lambda c: (not c.un_member, c.iso3)):
        actor = Actor(code=c.iso3, name=c.name, kind="state", country=c.iso3,
                      aliases=tuple(sorted({c.official_name} - {c.name})),
                      attributes=(("cameo", c.cameo), ("cow", str(c.cow or "")), ("fips", c.fips)))
        actors.append(actor)
        aliases.append(Alias(text=c.name, code=c.iso3, kind="name"))
        aliases.append(Alias(text=c.official_name, code=c.iso3, kind="official"))
        if c.official_name.startswith("Republic of "):
            aliases.append(Alias(text="the " + c.official_name, code=c.iso3, kind="official"))
        if c.capital:
            aliases.append(Alias(text=c.capital, code=c.iso3, kind="capital"))
        for d in c.demonyms:
            forms = [d] if d.endswith(("s", "ese")) else [d, d + "s"]
            aliases.extend(Alias(text=f, code=c.iso3, kind="demonym") for f in forms if f not in claimed)
            claimed.update(forms)
    for r in _rows("historic_states.tsv"):
        # states that no longer exist, for history and for older texts (CAMEO codes them: USR, YUG ...)
        names = [r["name"], *[a for a in r["aliases"].split("|") if a]]
        actors.append(Actor(code=r["code"], name=r["name"], kind="state", country=r["code"],
                            aliases=tuple(names[1:]), attributes=(("cameo", r["cameo"]), ("historic", "1"),
                                                                  ("start", r["start"]), ("end", r["end"]))))
        aliases.extend(Alias(text=n, code=r["code"], kind="name") for n in names)
        aliases.extend(Alias(text=d, code=r["code"], kind="demonym") for d in r["demonyms"].split("|") if d)
    for r in _rows("aliases_extra.tsv"):
        aliases.append(Alias(text=r["alias"], code=r["code"], kind=r["kind"], role=r["role"] or None))
    for r in _rows("igos.tsv"):
        names = [r["name"], *[a for a in r["aliases"].split("|") if a]]
        actors.append(Actor(code=r["code"], name=r["name"], kind="igo", country=r["code"],
                            aliases=tuple(names[1:]), attributes=(("cameo", r["cameo"]),)))
        aliases.extend(Alias(text=n, code=r["code"], kind="igo") for n in names)
    people: dict[str, dict] = {}
    for r in _rows("leaders.tsv"):
        code = slug(r["name"])
        p = people.setdefault(code, {"name": r["name"], "country": r["country"], "tenures": [], "aliases": set()})
        p["tenures"].append(Tenure(country=r["country"], role=r["role"], title=r["title"], start=_day(r["start"]),
                                   end=_day(r["end"]), source=r["source"]))
        p["aliases"].update(a for a in r["aliases"].split("|") if a)
    # A single-word person name that is also a place ("Paris", a surname in
    # Archigos) would shadow the place: the place wins.
    places = {a.text for a in aliases}
    for code, p in people.items():
        tenures = tuple(sorted(p["tenures"], key=lambda t: (t.start or date.min)))
        actor = Actor(code=code, name=p["name"], kind="person", country=tenures[-1].country,
                      aliases=tuple(sorted(p["aliases"])), tenures=tenures)
        actors.append(actor)
        aliases.extend(a for a in _aliases_for(actor) if not (a.text in places and " " not in a.text))
    roles, role_names = {}, {}
    for r in _rows("roles.tsv"):
        role_names[r["code"]] = r["description"]
        for noun in r["nouns"].split("|"):
            roles.setdefault(noun, r["code"])
    upper = _add_dictionaries(actors, roles, aliases) if dictionaries else []
    return Registry(actors, aliases, roles, role_names, upper)


def successor_codes() -> dict[str, str]:
    """Historic states whose Correlates of War code continues in a state of today: the code background data
    and ties use for them (the Soviet Union as RUS, Yugoslavia and Serbia and Montenegro as SRB,
    Czechoslovakia as CZE). East Germany has none and stays DDR.

    >>> successor_codes()["SUN"]
    'RUS'
    """
    return {r["code"]: r["successor"] for r in _rows("historic_states.tsv") if r.get("successor")}


def role_codes() -> frozenset[str]:
    """The CAMEO role codes the registry knows (GOV, MIL, EDU ...)."""
    return frozenset(r["code"] for r in _rows("roles.tsv"))


def _current(codes_: tuple) -> str:
    """The code an undated mention takes: the undated or open-ended one, else the last."""
    return next((c for c, s, e in codes_ if e is None), codes_[-1][0])


def _add_dictionaries(actors: list[Actor], roles: dict[str, str], known_aliases: list[Alias] = ()) -> list[Alias]:
    """Merge PETRARCH2's Phoenix dictionaries (see :mod:`geopol.actors.phoenix`) into ``actors`` and
    ``roles``; return their aliases (upper case).

    The registry's own files win where both know an actor: its aliases come
    first, a person's Archigos/PLAD tenures are kept and a dictionary tenure
    is added only where it overlaps none of them, and an agent noun the
    registry's roles already have keeps its role.
    """
    from . import phoenix

    own: dict[str, set] = defaultdict(set)  # the registry's own names of each state, as dictionary keys
    for al in known_aliases:
        if al.kind in COUNTRY_KINDS:
            own[al.code].add(_without_the(phoenix.dictionary_key(al.text)))
    countries: dict[str, str] = {}
    for c in codes.countries().values():
        countries.setdefault(c.iso3, c.iso3)
        countries[c.cameo] = c.iso3
    for a in actors:
        if a.kind == "state" and dict(a.attributes).get("historic"):
            countries[a.code] = a.code
            countries[dict(a.attributes)["cameo"]] = a.code
    igos = {dict(a.attributes)["cameo"]: a.code for a in actors if a.kind == "igo"}
    persons = {a.code: i for i, a in enumerate(actors) if a.kind == "person"}
    known = {a.code for a in actors}
    out: list[Alias] = []
    for e in phoenix.read_entries():
        source = f"phoenix:{e.file}"
        keys = e.phrases
        if e.kind == "person":
            tenures, default = [], None
            for code, start, end in e.codes:
                holder, role, hk = phoenix.split_code(code, countries, igos)
                if hk == "other":
                    continue
                if start is None and end is None:
                    default = f"{holder}:{role}"
                else:
                    tenures.append(Tenure(country=holder, role=role, start=start, end=end, source=source))
            if not tenures and default is None:
                continue
            name = e.name.title()
            code = e.slug
            country = (max(tenures, key=lambda t: t.start or date.min).country if tenures
                       else default.partition(":")[0])
            if code in persons:  # Archigos / PLAD know this person: their spells win
                old = actors[persons[code]]
                extra = tuple(t for t in tenures if not any(_overlap(t, o) for o in old.tenures))
                actors[persons[code]] = replace(old, tenures=tuple(sorted(old.tenures + extra,
                                                                            key=lambda t: t.start or date.min)))
            else:
                attrs = (("source", source),) + ((("default", default),) if default else ())
                actors.append(Actor(code=code, name=name, kind="person", country=country,
                                    tenures=tuple(sorted(tenures, key=lambda t: t.start or date.min)),
                                    attributes=attrs))
                persons[code] = len(actors) - 1
            actor = actors[persons[code]]
            out.extend(Alias(text=k, code=code, kind="person" if " " in k else "short") for k in keys)
            out.extend(Alias(text=k, code=code, kind="person")
                       for k in {phoenix.dictionary_key(v) for v in person_variants(name, actor.country)} - set(keys)
                       if " " in k)
            fam = family_name(name, actor.country)
            if fam:
                out.append(Alias(text=phoenix.dictionary_key(fam), code=code, kind="short"))
            continue
        holder, role, hk = phoenix.split_code(_current(e.codes), countries, igos)
        if e.kind == "country":
            if hk == "state" and not role:
                # a country entry lists the state's names, then its cities, regions and rivers ("GENEVA",
                # "LAKE GENEVA" under SWITZERLAND): a phrase the registry does not know as the state's name,
                # demonym or capital is a place in it ("talks in Geneva" are not with Switzerland)
                out.extend(Alias(text=k, code=holder, kind="name" if _without_the(k) in own.get(holder, ())
                                 else "place") for k in keys)
            continue
        if e.kind == "group" or hk == "other":
            code = _current(e.codes)
            if code not in known:
                actors.append(Actor(code=code, name=e.name.title(), kind="group", country=holder,
                                    attributes=(("role", role), ("source", source))))
                known.add(code)
            out.extend(Alias(text=k, code=code, kind="name") for k in keys)
            continue
        out.extend(Alias(text=k, code=holder, kind="institution" if role else "name", role=role or None)
                   for k in keys if " " in k or k.lower() not in roles)
    for phrase, code, plurals in phoenix.read_agents():
        for noun in (phrase, *plurals):
            roles.setdefault(noun, code)
    return out


def _without_the(key: str) -> str:
    return key[4:] if key.startswith("THE ") else key


def _overlap(a: Tenure, b: Tenure) -> bool:
    return (a.start or date.min) <= (b.end or date.max) and (b.start or date.min) <= (a.end or date.max)
