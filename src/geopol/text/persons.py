"""Persons in a sentence: personal names, family names, titles and appositions (the mention scan's rules).

Contract: mixed into the mention scan (:mod:`geopol.text.mentions`), which
gives the tokens, the lookups (``match``, ``role_at``, ``emit``) and the
document's state; these methods read

- a **personal name** after a title ("foreign minister Tang Jiaxuan"):
  capitalised words, initials, hyphenated parts;
- a **family name alone**: introduced earlier, titled, or the one office
  holder of that name on the day (or in the five years before it) when the
  name is not a common one, nor a month, a weekday or an English word
  ("May" in a date is not Theresa May);
- a **name in apposition** ("Ashton Carter, the U.S. defense secretary,").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from ..actors.phoenix import JOINERS
from ..actors.registry import Alias, slug

__all__ = ["PersonReading", "TITLES", "MONTHS_DAYS", "words_is_name"]

# Titles that license a family name alone ("President Xi") to resolve by date.
TITLES = frozenset(
    """President Premier Chairman Chancellor King Queen Emperor Leader Minister Secretary
    Prime General Gen Marshal Supreme Governor Ambassador Mr Mrs Ms Dr Vice Senator Sen Envoy
    Admiral Adm Colonel Col Spokesman Spokeswoman Sheikh Prince Foreign""".split()
)
_HEADS = frozenset({"Leader", "Chief", "Head", "Commander", "Spokesperson", "Premier", "Ruler", "Dictator", "Strongman"})
MONTHS_DAYS = frozenset("""January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    The A An In On At For And But Or Of To""".split())


class PersonReading:
    """The person rules of the mention scan (see the module's docstring)."""

    def name_run(self, i, limit: int = 4) -> int:
        """Tokens of a personal name starting at i: capitalised words, initials, hyphenated parts."""
        j, words = i, 0
        while j < self.n:
            w = self.words[j]
            if w in ("-", "–") and self.glued(j) and j + 1 < self.n and self.glued(j + 1):
                j += 2
                continue
            if w == "." and self.glued(j) and len(self.words[j - 1]) == 1:
                j += 1
                continue
            if not (w[0].isupper() and w.isalpha()) or w in MONTHS_DAYS or (words and w in TITLES):
                break
            if self._names_state(j):
                break
            words += 1
            j += 1
            if words >= limit:
                break
        return j - i if words else 0

    # -- resolution -------------------------------------------------------
    def resolve(self, bucket: list[Alias], titled: bool):
        """The alias this surface form means here, or None (a bare family name without context)."""
        day, f = self.day, self.f
        solid = [a for a in bucket if a.kind != "short"]
        if solid:
            persons = [a for a in solid if a.kind == "person"]
            if len(persons) > 1 and day:
                active = f.active(persons, day)
                if len(active) == 1:
                    return active[0]
            return solid[0]
        short = bucket[0].text.upper()
        if short in self.state.named:
            return self.state.named[short]
        if not titled and (bucket[0].text.capitalize() in MONTHS_DAYS or bucket[0].text.lower() in STOP_WORDS):
            return None  # "May", "Will": a word before it is a name, unless the text introduced the person
        if day:
            active = f.active(bucket, day)
            if len(active) == 1 and (titled or short not in f._common):
                return active[0]
            if not active and short not in f._common:
                # "Uribe accused Venezuela" days after Uribe left office: the one holder of the name in
                # office within five years before the day (the event's own date fixes the role later)
                recent = f.active_between(bucket, day.replace(year=day.year - 5) if day.month != 2 or day.day != 29
                                          else date(day.year - 5, 2, 28), day)
                if len(recent) == 1:
                    return recent[0]
        return None

    def person_after(self, k, country, role, s, origin="title"):
        """A name after a title ("foreign minister Tang Jiaxuan"): the person with the text's affiliation."""
        run = self.name_run(k)
        if not run:
            return None
        n, bucket, _ = self.match(k)
        code = None
        if n == run and bucket:
            alias = self.resolve(bucket, True)
            if isinstance(alias, tuple):
                code = alias[0]
            elif alias is not None and alias.kind in ("person", "short"):
                code = alias.code
        name = " ".join(w for w in self.words[k:k + run] if w not in JOINERS)
        if code is None:
            if run == 1 and (self.words[k].lower() in STOP_WORDS or k == 0 or
                             self.words[k - 1].capitalize() not in TITLES | _HEADS or
                             any(a.kind not in ("person", "short") for a in bucket or ())):
                # a family name the document has not introduced, unless a state's personal title names its
                # bearer ("Brazilian President Lula", "Malian junta leader Goita"; not "news agency Ceteka")
                return None
            code = slug(name)
        actor = self.f.country_code(country, role)
        fam = self.words[k + run - 1] if run > 1 else self.words[k]
        if run > 1:
            self.state.named[fam.upper()] = (code, actor, country, role)
        return k + run, self.emit(s, k + run, actor, country, "person", role, code, False, origin)

    def _appositions(self, out: list) -> list:
        """"Ashton Carter, the U.S. defense secretary": the name takes the sector the apposition gives."""
        if len(out) < 1:
            return out
        starts = {m.start - self.offset: k for k, m in enumerate(out)}
        result = list(out)
        for i, (s, e, w) in enumerate(self.toks):
            if w != "," or i == 0:
                continue
            nxt = i + 1 + (1 if i + 1 < self.n and self.lower[i + 1] in ("the", "a") else 0)
            if nxt >= self.n or self.toks[nxt][0] not in starts:
                continue
            sector = out[starts[self.toks[nxt][0]]]
            if sector.kind != "sector" or not sector.role:
                continue
            # the name just before the comma: a known person mention, or a run of capitalised words
            prev = next((k for k, m in enumerate(result) if m.end - self.offset == self.toks[i - 1][1]), None)
            if prev is not None and result[prev].kind == "person":
                m = result[prev]
                result[prev] = replace(m, actor=sector.actor, country=sector.country, role=sector.role,
                                       origin="apposition")
                continue
            if prev is not None:
                continue
            a = i - 1
            while a > 0 and words_is_name(self.words[a - 1]) and i - a < 4:
                a -= 1
            run = self.name_run(a, limit=i - a)
            if run == i - a and run >= 2:
                name = " ".join(w for w in self.words[a:i] if w not in JOINERS)
                m = self.emit(a, i, sector.actor, sector.country, "person", sector.role, slug(name), False,
                              "apposition")
                self.state.named[self.words[i - 1].upper()] = (slug(name), sector.actor, sector.country, sector.role)
                result.append(m)
        result.sort(key=lambda m: m.start)
        return result


def words_is_name(w: str) -> bool:
    return w[:1].isupper() and w.isalpha() and w not in MONTHS_DAYS and w not in TITLES
