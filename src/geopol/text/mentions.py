"""Find actor mentions in text and resolve them through the registry.

Contract: requires sentence spans and the document date; assigns
:class:`FoundMention` records (span, surface text, actor code, country, role,
person, and where the reading came from).

Two indexes are looked up at every word, and the longer match wins (the
registry's own on a tie):

* the registry's aliases, in the exact case written ("U.S.", "Pyongyang");
* the field's dictionaries (PETRARCH2's Phoenix files), upper case, matched
  on capitalised words ("the United States Congress", "Hamas", "Kofi
  Annan"), with hyphens and periods ignored on both sides ("Ban Ki-moon").

On top of the lookup:

* a country mention followed by a sector noun (the registry's roles and the
  dictionaries' agents) becomes one sector actor ("Chinese leadership" →
  ``CHNGOV``, "South Korean riot police" → ``KORCOP``), and so does a sector
  noun followed by *of/in/from* and a country ("state media in China" →
  ``CHNMED``) or a possessive country ("Seoul's spy agency" → ``KORSPY``);
* a title the text gives a person wins over the dictionary's dates: "Chinese
  foreign minister Tang Jiaxuan" is ``CHNGOV`` whatever the registry says,
  and a name it does not know becomes a person of that country and role
  ("the US ambassador Joseph Prueher"); so does a name in apposition ("Ashton
  Carter, the U.S. defense secretary");
* a person resolves by date to the country and role of the office held then;
  outside every tenure, to the dictionary's own default or the role ELI;
* a family name alone ("Kim", "Putin") resolves to the person the document
  introduced under that name, or after a title ("President Xi") to the one
  office holder of that name on the date, or alone to the one office holder
  of that name on the date when the name is not a common one (eight or more
  persons in the registry share it: a farmer called Kim is nobody's leader);
* a person's name cut inside a hyphenated word ("Lee Jong" of "Lee
  Jong-joo") is no match;
* a sector noun with no country in reach ("the president") is not coded here
  (coreference may resolve it once the sentence is parsed).

>>> from geopol.actors import Registry
>>> m = MentionFinder(Registry.default())
>>> [(x.text, x.actor) for x in m.find("Chinese leadership met North Korea's envoy in Pyongyang.", date(2024, 4, 1))]
[('Chinese leadership', 'CHNGOV'), ("North Korea's envoy", 'PRKGOV'), ('Pyongyang', 'PRK')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from ..actors.phoenix import FUNCTION_WORDS, JOINERS, normal_spelling
from ..actors.registry import COUNTRY_KINDS, Alias, Registry, family_name, given_names
from .persons import MONTHS_DAYS, TITLES, PersonReading

__all__ = ["MentionFinder", "FoundMention", "TITLES", "COMMON_SURNAME"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
_POSSESSIVE = ("'", "’")
# Words between a country and its sector noun ("Chinese state media", "Australian Acting Minister").
_MODIFIERS = frozenset({"state", "top", "senior", "former", "new", "central", "federal", "national",
                        "local", "regional", "armed", "ruling", "military", "foreign", "chief", "acting",
                        "deputy", "vice", "special", "interim", "caretaker", "diplomatic", "naval", "elite",
                        "defence", "defense", "security", "riot", "border", "intelligence", "nuclear", "navy",
                        "official", "government", "opposition", "spy"})
_LINKS = frozenset({"of", "in", "from"})
# Diplomatic posts: "in" names the state they are posted to, not the state they serve.
_POSTS = frozenset({"embassy", "embassies", "consulate", "consulates", "mission", "ambassador", "ambassadors",
                    "envoy", "envoys", "consul", "diplomats"})
# Words after which a place is expected: "in Vladimir" is the city, "Paul and Vladimir" two men.
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "to", "into", "outside", "around", "of", "across"})
COMMON_SURNAME = 8  # persons sharing a family name before it no longer resolves alone by date



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
    origin: str = "registry"  # registry, dictionary, title, apposition, coreference


@dataclass
class _DocState:
    """What a document has said so far: persons named in full, by family name."""

    # family name -> (person code, actor code, country, role) as the text introduced the person
    named: dict[str, tuple] = field(default_factory=dict)


class MentionFinder:
    """Finds mentions with one registry; reusable across documents."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._index = self._build(registry.aliases().items(), str)
        self._upper = self._build(registry.dictionary_aliases().items(), str.upper)
        self.given = given_names(strong=True)
        # first lower-cased token -> [(all tokens, role)], longest first
        self._roles: dict[str, list[tuple[list[str], str]]] = {}
        for noun, role in registry.roles.items():
            toks = [t.lower() for t in _TOKEN.findall(noun)]
            if toks:
                self._roles.setdefault(toks[0], []).append((toks, role))
        for entries in self._roles.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._cameo = {a.code: dict(a.attributes).get("cameo", a.code)
                       for a in registry.actors() if a.kind in ("state", "igo")}
        # family names shared by many persons: not resolved alone by date
        shorts = Counter(fam.upper() for a in registry.actors() if a.kind == "person"
                         and (fam := family_name(a.name, a.country)))
        self._common = {k for k, v in shorts.items() if v >= COMMON_SURNAME}

    @staticmethod
    def _build(items, norm):
        """first token -> [(tokens, aliases)], longest first."""
        out: dict[str, list] = {}
        for text, bucket in items:
            toks = [t for t in _TOKEN.findall(text)]
            if norm is str.upper:
                toks = text.split(" ")
            if toks:
                out.setdefault(toks[0], []).append((toks, bucket))
        for entries in out.values():
            entries.sort(key=lambda e: -len(e[0]))
        return out

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
            out.extend(_Scan(self, text, toks, day, state, offset).run())
        return out

    # -- shared lookups -------------------------------------------------
    def country_code(self, code: str, role: str | None) -> str:
        return self._cameo.get(code, code) + (role or "")

    def active_between(self, bucket, first: date, last: date) -> list[Alias]:
        """The person aliases of a bucket whose person held an office at some time in [first, last]."""
        out = []
        for a in bucket:
            actor = self.registry.get(a.code)
            if actor is not None and actor.kind == "person" and any(
                    t.role != "ELI" and (t.start or date.min) <= last and (t.end or date.max) >= first
                    for t in actor.tenures) and all(b.code != a.code for b in out):
                out.append(a)
        return out

    def active(self, bucket, day) -> list[Alias]:
        """The person aliases of a bucket whose person holds an office on ``day``."""
        out = []
        for a in bucket:
            actor = self.registry.get(a.code)
            if actor is not None and actor.kind == "person" and any(t.contains(day) and t.role != "ELI"
                                                                    for t in actor.tenures):
                if all(b.code != a.code for b in out):
                    out.append(a)
        return out


class _Scan(PersonReading):
    """One sentence's tokens scanned left to right (persons' rules in :mod:`geopol.text.persons`)."""

    def __init__(self, finder: MentionFinder, text, toks, day, state, offset):
        self.f, self.text, self.toks, self.day, self.state, self.offset = finder, text, toks, day, state, offset
        self.words = [t[2] for t in toks]
        self.lower = [w.lower() for w in self.words]
        self.n = len(toks)
        # the dictionaries compare words without joiners: keys[j] is token kept[j]
        self.kept = [i for i, w in enumerate(self.words) if w not in JOINERS]
        self.pos = {i: j for j, i in enumerate(self.kept)}
        self.keys = [normal_spelling(self.words[i].upper()) for i in self.kept]

    # -- matching -------------------------------------------------------
    def glued(self, i: int) -> bool:
        """Token i touches token i - 1 (no space between)."""
        return 0 < i < self.n and self.toks[i][0] == self.toks[i - 1][1]

    def _exact(self, i):
        words = self.words
        for alias_toks, bucket in self.f._index.get(words[i], ()):
            k = len(alias_toks)
            if words[i:i + k] == alias_toks:
                return k, bucket
        return 0, None

    def _capitalised(self, a: int, b: int) -> bool:
        for w in self.words[a:b]:
            if w[0].isalpha() and not w[0].isupper() and w.lower() not in FUNCTION_WORDS and w != "s":
                return False
        first = self.words[a]
        return first[0].isupper() or first[0].isdigit() or (b - a > 1 and self.words[b - 1][0].isupper())

    def _dictionary(self, i):
        j = self.pos.get(i)
        w = self.words[i]
        if j is None or not (w[0].isupper() or w[0].isdigit() or w.lower() in FUNCTION_WORDS):
            return 0, None
        keys = self.keys
        for alias_toks, bucket in self.f._upper.get(keys[j], ()):
            k = len(alias_toks)
            if k == 1 and (len(alias_toks[0]) < 2 or self.lower[i] in STOP_WORDS):
                continue  # "I", "On", "We": a name that is an English word is the word
            if keys[j:j + k] == alias_toks:
                end = self.kept[j + k - 1] + 1
                if self._capitalised(i, end):
                    return end - i, bucket
        return 0, None

    def match(self, i):
        """(tokens, aliases, origin) of the longest name starting at token i."""
        n1, b1 = self._exact(i)
        n2, b2 = self._dictionary(i)
        n, b, origin = (n2, b2, "dictionary") if n2 > n1 else (n1, b1, "registry") if n1 else (0, None, None)
        if n and all(a.kind in ("capital", "place") for a in b) and self._names_thing(i + n):
            return 0, None, None  # "the Washington Post", "the Oslo Accords": a city naming something else
        return n, b, origin

    def _names_thing(self, j) -> bool:
        """A capitalised common noun follows: the place before it is part of another name."""
        if j >= self.n or not self.words[j][:1].isupper() or not self.words[j].isalpha() or self.glued(j):
            return False
        if self.role_at(j)[0] or self.words[j] in MONTHS_DAYS or self.words[j] in TITLES:
            return False  # "Moscow Mayor", "Beijing Sunday"
        return not self._exact(j)[0] and not self._dictionary(j)[0]

    def role_at(self, i):
        lower = self.lower
        if i >= self.n:
            return 0, None
        for role_toks, role in self.f._roles.get(lower[i], ()):
            k = len(role_toks)
            if lower[i:i + k] == role_toks:
                return k, role
        return 0, None

    # -- resolution -------------------------------------------------------
    def emit(self, s, e, actor, country, kind, role=None, person=None, possessive=False, origin="registry"):
        s0, e0 = self.toks[s][0], self.toks[e - 1][1]
        return FoundMention(s0 + self.offset, e0 + self.offset, self.text[s0:e0], actor, country, kind, role or None,
                            person, possessive, origin)

    def possessive_at(self, j) -> bool:
        return j + 1 < self.n and self.words[j] in _POSSESSIVE and self.words[j + 1] == "s" and self.glued(j)

    def sector_after(self, k, plain: bool = True):
        """(end token, role) of a sector noun after a country ending before token k, or (k, None);
        ``plain`` lets one or two plain words come between (after a demonym, not after a name: in "Iran
        received fighter jets" the word after the name is the verb)."""
        m = k
        while m < self.n and self.lower[m] in _MODIFIERS and not self.role_at(m)[0] and m - k < 2:
            m += 1
        rn, r = self.role_at(m)
        if not rn and plain:
            # "Irish nationalist guerrillas", "Ethiopian and Eritrean forces" stay out: one or two plain
            # lower-case words, then the sector noun
            m = k
            while m < self.n and m - k < 2 and self.words[m].isalpha() and self.words[m].islower() \
                    and self.lower[m] not in FUNCTION_WORDS and not self.role_at(m)[0]:
                m += 1
            rn, r = self.role_at(m) if m > k else (0, None)
        if not rn:
            return k, None
        end = m + rn
        # "naval patrols", "military leaders": a role word used as a modifier of the next role noun
        rn2, r2 = self.role_at(end)
        if rn2 and self.lower[end - 1] in _MODIFIERS:
            r = r if r2 == "GOV" and r != "GOV" else r2
            end += rn2
        # "Minister for Foreign Affairs", "Secretary of State": a capitalised complement of the title
        cut = next((p for p in range(m + 1, end) if self.lower[p] in ("for", "of")), None)
        if cut is not None and self.words[cut + 1][0].isupper():
            end = cut
        if end + 2 < self.n and self.lower[end] in ("for", "of") and not self._names_state(end + 1) and (
                self.words[end + 1][0].isupper() or self.lower[end + 1] == "the" and self.words[end + 2][0].isupper()):
            q = end + 1
            while q < self.n and (self.words[q][0].isupper() or self.lower[q] in ("the", "and", "of")) \
                    and not self._names_state(q):
                q += 1
            run = [p for p in range(end + 1, q) if self.words[p][0].isupper()]
            if len(run) >= 3:  # "for Foreign Affairs Bob McMullan": the last words are the holder's name
                known = next((p for p in run[-3:-1] if self.match(p)[0] == q - p), None)
                q = known if known is not None else run[-2]
            if q > end + 1:
                end = q
        return end, r

    def _given_name_at(self, i) -> bool:
        """The word at ``i`` is followed by a capitalised word that is no title, month, day, role or place:
        the pair is someone else's name, as in "Paul Whelan" beside a leader called Paul."""
        j = i + 1
        if j >= self.n or not self.words[j][:1].isupper() or not self.words[j].isalpha():
            return False
        if self.lower[j] in FUNCTION_WORDS or self.words[j] in MONTHS_DAYS or self.words[j] in TITLES:
            return False
        n, bucket, _ = self.match(j)
        if n and any(a.kind in COUNTRY_KINDS for a in bucket):
            return False  # "Putin Moscow"-like runs are two names, not one
        return not self.role_at(j)[0]

    def _names_state(self, i) -> bool:
        n, bucket, _ = self.match(i)
        return bool(n) and any((a := self.f.registry.get(x.code)) is not None and a.kind in ("state", "igo")
                               for x in bucket)

    # -- the scan -----------------------------------------------------------
    def run(self) -> list[FoundMention]:
        out: list[FoundMention] = []
        f, words, lower, n_toks = self.f, self.words, self.lower, self.n
        i = 0
        while i < n_toks:
            w = words[i]
            if w not in f._index and lower[i] not in f._roles and not (
                    (w[0].isupper() or lower[i] in FUNCTION_WORDS) and w.upper() in f._upper):
                intro = self.state.named.get(w.upper()) if w[0].isupper() else None
                if intro is not None and not (i + 1 < n_toks and self.glued(i + 1) and words[i + 1] in "-–"):
                    # a family name the document introduced ("Senator McMullan", "Prueher said")
                    code, actor, country, role = intro
                    poss = self.possessive_at(i + 1)
                    out.append(self.emit(i, i + 1, actor, country, "person", role, code, poss, "introduced"))
                    i += 1 + (2 if poss else 0)
                    continue
                i += 1
                continue
            n, bucket, origin = self.match(i)
            if not n:
                i = self._role_first(i, out)
                continue
            titled = i > 0 and words[i - 1] in TITLES
            alias = self.resolve(bucket, titled)
            if isinstance(alias, tuple):  # a family name the document introduced
                code, actor, country, role = alias
                j = i + n
                poss = self.possessive_at(j)
                out.append(self.emit(i, j, actor, country, "person", role, code, poss, "introduced"))
                i = j + (2 if poss else 0)
                continue
            if (alias is None or alias.kind == "short") and self.day and bucket[0].kind == "short":
                # "the Kim regime", "the Putin government": the incumbent of that name
                rn, r = self.role_at(i + n)
                active = f.active(bucket, self.day) if r == "GOV" else []
                if len(active) > 1:  # a regime is named after its effective leader
                    active = [a for a in active if any(t.contains(self.day) and t.title == "Effective leader"
                                                       for t in f.registry.actor(a.code).tenures)]
                if len(active) == 1:
                    alias = active[0]
            if alias is not None and alias.kind == "prefix":
                # "Sino-North Korean" counts; "Indo-Pacific" does not
                nxt = i + n + 1
                if not (nxt < n_toks and words[i + n] in "-–" and self.match(nxt)[0]):
                    alias = None
            if alias is not None and alias.kind in ("person", "short") and i + n + 1 < n_toks \
                    and words[i + n] in "-–" and self.glued(i + n) and self.glued(i + n + 1):
                alias = None  # "Lee Jong" of "Lee Jong-joo": a name cut inside a hyphenated word
            if alias is not None and alias.kind in ("person", "short") and n == 1 and not titled and \
                    self._given_name_at(i):
                alias = None  # "Paul Whelan": a given name, not the family name of a known Paul
            if alias is not None and origin == "dictionary" and n == 1 and alias.kind in ("name", "place") and \
                    w.title() in f.given and not (i and lower[i - 1] in _PLACE_PREPS):
                alias = None  # "the return of Paul and Vladimir": a given name, not the city of Vladimir
            if alias is not None and i >= 2 and words[i - 1] in "-–" and self.glued(i) and \
                    self.lower[i - 2] in ("pro", "anti", "non", "ex"):
                alias = None  # "pro-Russian separatists", "anti-American protests": not the state itself
            if alias is None:
                i += n
                continue
            i = self._emit_alias(i, n, alias, origin, out)
        return self._appositions(out)

    def _role_first(self, i, out) -> int:
        """ROLE (of|in|from) COUNTRY: "state media in China"; else move on one token."""
        rn, role = self.role_at(i)
        if rn and self.lower[i + rn - 1] in _POSTS and i + rn < self.n and self.lower[i + rn] == "in":
            return i + 1  # "our Embassy in Bangkok", "our Ambassador in Seoul": posted there, not the host's
        if rn and i + rn + 1 < self.n and self.lower[i + rn] in _LINKS:
            cn, cb, _ = self.match(i + rn + 1)
            if cn and cb[0].kind in COUNTRY_KINDS and cb[0].kind != "prefix":
                a = cb[0]
                out.append(self.emit(i, i + rn + 1 + cn, self.f.country_code(a.code, role), a.code, "sector", role))
                return i + rn + 1 + cn
        return i + 1

    def _emit_alias(self, i, n, alias, origin, out) -> int:
        f, day = self.f, self.day
        j = i + n
        possessive = self.possessive_at(j)
        if alias.kind in ("person", "short"):
            actor = f.registry.actor(alias.code)
            if alias.kind == "person":
                fam = family_name(actor.name, actor.country)
                if fam:
                    country, role = f.registry.affiliation(actor.code, day)
                    code = f.country_code(country, role) if country else actor.code
                    self.state.named[fam.upper()] = (actor.code, code, country, role)
            country, role = f.registry.affiliation(actor.code, day)
            code = f.country_code(country, role) if country else actor.code
            out.append(self.emit(i, j, code, country, "person", role, actor.code, possessive, origin))
            return j + (2 if possessive else 0)
        actor = f.registry.get(alias.code)
        if actor is not None and actor.kind in ("group", "sector"):
            out.append(self.emit(i, j, actor.code, actor.country, actor.kind, dict(actor.attributes).get("role"),
                                 None, possessive, origin))
            return j + (2 if possessive else 0)
        # a state, IGO, capital, demonym, institution, or a user's group
        country, role = alias.code, alias.role
        k = j + (2 if possessive else 0)
        end = j
        if alias.kind in COUNTRY_KINDS and alias.kind != "prefix":
            m, r = self.sector_after(k, plain=alias.kind in ("demonym", "institution") or possessive)
            if r is not None:
                if alias.kind != "institution" or not role:
                    role = r
                end = k = m
        if role is not None:
            # "Chinese foreign minister Tang Jiaxuan": the person under the title the text gives
            hit = self.person_after(k, country, role, i)
            if hit is not None:
                out.append(hit[1])
                return hit[0]
        kind = "sector" if role else alias.kind
        out.append(self.emit(i, end, f.country_code(country, role), country, kind, role, None,
                             possessive and not role, origin))
        return k if role else j + (2 if possessive else 0)
