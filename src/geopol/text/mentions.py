"""Find actor mentions in text and resolve them through the registry.

Contract: requires sentence spans and the document date; assigns
:class:`~geopol.model.Mention` records (span, surface text, actor code,
country, role, person).

Matching is a longest-match lookup of registry aliases over word tokens, in
the exact case written. On top of it:

* a country mention followed by a sector noun becomes one sector actor
  ("Chinese leadership" → ``CHNGOV``, "North Korean soldiers" → ``PRKMIL``),
  and so does a sector noun followed by *of/in/from* and a country
  ("state media in China" → ``CHNMED``);
* a person resolves by date to the country and role of the office held then,
  or to the role ELI (elite) outside every tenure;
* a family name alone ("Kim", "Putin") resolves only to a person the same
  document already named in full (the nearest before it), or, after a title
  ("President Xi"), to the one office holder of that name on the date;
* a sector noun with no country in reach ("the president") is not coded.

>>> from geopol.actors import Registry
>>> m = MentionFinder(Registry.default())
>>> [(x.text, x.actor) for x in m.find("Chinese leadership met North Korea's envoy in Pyongyang.", date(2024, 4, 1))]
[('Chinese leadership', 'CHNGOV'), ("North Korea's envoy", 'PRKGOV'), ('Pyongyang', 'PRK')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from ..actors.registry import COUNTRY_KINDS, Alias, Registry, family_name

__all__ = ["MentionFinder", "FoundMention", "TITLES"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
_POSSESSIVE = ("'", "’")
# Titles that license a family name alone ("President Xi") to resolve by date.
TITLES = frozenset(
    """President Premier Chairman Chancellor King Queen Emperor Leader Minister Secretary
    Prime General Marshal Supreme Governor Ambassador Mr Mrs Ms Dr Vice""".split()
)
_MODIFIERS = frozenset({"state", "top", "senior", "former", "new", "central", "federal", "national",
                        "local", "regional", "armed", "ruling", "military", "foreign", "chief"})
_LINKS = frozenset({"of", "in", "from"})


@dataclass(frozen=True, slots=True)
class FoundMention:
    start: int
    end: int
    text: str
    actor: str  # full CAMEO-style code: CHN, CHNGOV, IGOUNO; a person's code for persons w/o country
    country: str | None
    kind: str
    role: str | None = None
    person: str | None = None
    possessive: bool = False


@dataclass
class _DocState:
    """What a document has said so far: persons named in full, by family name."""

    named: dict[str, str] = field(default_factory=dict)  # family name -> person code


class MentionFinder:
    """Finds mentions with one registry; reusable across documents."""

    def __init__(self, registry: Registry):
        self.registry = registry
        # single-token aliases by token; longer ones by their first two tokens, longest first
        self._index: dict[str, list[Alias]] = {}
        self._index2: dict[tuple[str, str], list[tuple[list[str], list[Alias]]]] = {}
        self._first: set[str] = set()
        for text, bucket in registry.aliases().items():
            toks = _TOKEN.findall(text)
            if len(toks) == 1:
                self._index[toks[0]] = bucket
            elif toks:
                self._index2.setdefault((toks[0], toks[1]), []).append((toks, bucket))
            if toks:
                self._first.add(toks[0])
        for entries in self._index2.values():
            entries.sort(key=lambda e: -len(e[0]))
        # first lower-cased token -> [(all tokens, role)], longest first
        self._roles: dict[str, list[tuple[list[str], str]]] = {}
        for noun, role in registry.roles.items():
            toks = [t.lower() for t in _TOKEN.findall(noun)]
            self._roles.setdefault(toks[0], []).append((toks, role))
        for entries in self._roles.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._cameo = {a.code: dict(a.attributes).get("cameo", a.code)
                       for a in registry.actors() if a.kind in ("state", "igo")}

    def new_document(self) -> _DocState:
        return _DocState()

    # -- public -------------------------------------------------------
    def find(self, text: str, day: date | None, *, offset: int = 0, state: _DocState | None = None,
             spans: Iterable[tuple[int, int]] | None = None) -> list[FoundMention]:
        """Mentions in ``text`` (or in each of ``spans`` of it), offsets shifted by ``offset``."""
        state = state or self.new_document()
        out: list[FoundMention] = []
        for s, e in spans if spans is not None else [(0, len(text))]:
            # typographic apostrophes match registry names written with ' ("People’s Republic")
            toks = [(m.start(), m.end(), "'" if m.group() == "’" else m.group()) for m in _TOKEN.finditer(text, s, e)]
            out.extend(self._find_tokens(text, toks, day, state, offset))
        return out

    # -- internals ----------------------------------------------------
    def _match_alias(self, toks, i):
        words = self._words
        if i + 1 < len(words):
            for alias_toks, bucket in self._index2.get((words[i], words[i + 1]), ()):
                n = len(alias_toks)
                if n == 2 or words[i:i + n] == alias_toks:
                    return n, bucket
        bucket = self._index.get(words[i])
        return (1, bucket) if bucket else (0, None)

    def _match_role(self, toks, i):
        lower = self._lower
        if i >= len(lower):
            return 0, None
        for role_toks, role in self._roles.get(lower[i], ()):
            n = len(role_toks)
            if n == 1 or lower[i:i + n] == role_toks:
                return n, role
        return 0, None

    def _resolve(self, bucket: list[Alias], day, state: _DocState, titled: bool):
        """Pick the alias entry this surface form means here, or None."""
        solid = [a for a in bucket if a.kind != "short"]
        if solid:
            # several persons of the same name: the one in office on the day
            persons = [a for a in solid if a.kind == "person"]
            if len(persons) > 1 and day:
                active = [a for a in persons
                          if any(t.contains(day) for t in self.registry.actor(a.code).tenures)]
                if len(active) == 1:
                    return active[0]
            return solid[0]
        short = bucket[0].text
        if short in state.named:
            code = state.named[short]
            return next((a for a in bucket if a.code == code), None)
        if titled and day:
            active = self.registry.active_persons(short, day)
            if len(active) == 1:
                return next(a for a in bucket if a.code == active[0].code)
        return None

    def _country_code(self, code: str, role: str | None) -> str:
        return self._cameo.get(code, code) + (role or "")

    def _find_tokens(self, text, toks, day, state, offset) -> list[FoundMention]:
        out: list[FoundMention] = []
        self._words = [t[2] for t in toks]
        self._lower = [w.lower() for w in self._words]
        i = 0
        n_toks = len(toks)
        first, roles, words, lower = self._first, self._roles, self._words, self._lower
        while i < n_toks:
            if words[i] not in first and lower[i] not in roles:
                i += 1
                continue
            n, bucket = self._match_alias(toks, i)
            if not n:
                # ROLE (of|in|from) COUNTRY: "state media in China"
                rn, role = self._match_role(toks, i)
                if rn and i + rn + 1 < n_toks and toks[i + rn][2] in _LINKS:
                    cn, cb = self._match_alias(toks, i + rn + 1)
                    if cn and cb[0].kind in COUNTRY_KINDS and cb[0].kind != "prefix":
                        a = cb[0]
                        s, e = toks[i][0], toks[i + rn + cn][1]
                        out.append(FoundMention(s + offset, e + offset, text[s:e],
                                                self._country_code(a.code, role), a.code, "sector", role))
                        i += rn + 1 + cn
                        continue
                i += 1
                continue
            titled = i > 0 and toks[i - 1][2] in TITLES
            alias = self._resolve(bucket, day, state, titled)
            if (alias is None or alias.kind == "short") and day and bucket[0].kind == "short":
                # "the Kim regime", "the Putin government": the incumbent of that name
                rn, r = self._match_role(toks, i + n) if i + n < n_toks else (0, None)
                active = self.registry.active_persons(bucket[0].text, day) if r == "GOV" else []
                if len(active) > 1:  # a regime is named after its effective leader
                    active = [a for a in active if any(t.contains(day) and t.title == "Effective leader"
                                                       for t in a.tenures)]
                if len(active) == 1:
                    alias = next(a for a in bucket if a.code == active[0].code)
            if alias is not None and alias.kind == "prefix":
                # "Sino-North Korean" counts; "Indo-Pacific" does not
                nxt = i + n + 1
                if not (nxt < n_toks and toks[i + n][2] in "-–" and self._match_alias(toks, nxt)[0]):
                    alias = None
            if alias is None:
                i += n
                continue
            s, e = toks[i][0], toks[i + n - 1][1]
            j = i + n
            possessive = j + 1 < n_toks and toks[j][2] in _POSSESSIVE and toks[j + 1][2] == "s" \
                and toks[j][0] == e
            if alias.kind in ("person", "short"):
                actor = self.registry.actor(alias.code)
                if alias.kind == "person":
                    fam = family_name(actor.name, actor.country)
                    if fam:
                        state.named[fam] = actor.code
                country, role = self.registry.affiliation(actor.code, day)
                code = self._country_code(country, role) if country else actor.code
                out.append(FoundMention(s + offset, e + offset, text[s:e], code, country, "person", role,
                                        actor.code, possessive))
                i = j + (2 if possessive else 0)
                continue
            # a state, IGO, capital, demonym, institution, or a user's group
            actor = self.registry.get(alias.code)
            if actor is not None and actor.kind in ("group", "sector"):
                out.append(FoundMention(s + offset, e + offset, text[s:e], actor.code, actor.country, actor.kind,
                                        dict(actor.attributes).get("role"), None, possessive))
                i = j + (2 if possessive else 0)
                continue
            country = alias.code
            role = alias.role
            k = j + (2 if possessive else 0)
            if alias.kind in COUNTRY_KINDS and alias.kind not in ("prefix", "institution"):
                m = k + (1 if k < n_toks and toks[k][2].lower() in _MODIFIERS and
                         self._match_role(toks, k + 1)[0] else 0)
                rn, r = self._match_role(toks, m) if m < n_toks else (0, None)
                if rn:
                    role = r
                    e = toks[m + rn - 1][1]
                    k = m + rn
            kind = "sector" if role else alias.kind
            out.append(FoundMention(s + offset, e + offset, text[s:e], self._country_code(country, role), country,
                                    kind, role, None, possessive and not role))
            i = k if role else j + (2 if possessive else 0)
        return out
