"""Standing ties from a sentence: "foremost ally", "unyielding enemy", "stands firmly with".

A phrase from ``text/data/relations.tsv`` (sign, strength, kind) ties the
actor the sentence is about to the actor the phrase is said of: the subject
of the phrase's clause (a pronoun "it" resolves to the sentence's first
subject that is an actor) and the actor the phrase governs ("for the Kim
regime", "with Russia", "South Korea as an unyielding enemy"), or, failing
that, the two nearest actors on either side of the phrase. A sentence whose
phrase cannot be given two different actors yields nothing.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from functools import lru_cache
from importlib import resources

__all__ = ["relation_lexicon", "find_relations"]


@lru_cache(maxsize=1)
def relation_lexicon() -> list[tuple[re.Pattern, int, float, str]]:
    text = resources.files(__package__).joinpath("data").joinpath("relations.tsv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    rows.sort(key=lambda r: -len(r["phrase"]))
    return [(re.compile(r"\b" + re.escape(r["phrase"]) + r"\b", re.I), 1 if r["sign"] == "+" else -1,
             float(r["strength"]), r["kind"]) for r in rows]


@lru_cache(maxsize=1)
def _any_phrase() -> re.Pattern:
    """One pattern for every phrase of the lexicon: most sentences hold none."""
    text = resources.files(__package__).joinpath("data").joinpath("relations.tsv").read_text(encoding="utf-8")
    phrases = [r["phrase"] for r in csv.DictReader(io.StringIO(text), delimiter="\t")]
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b",
                      re.I)


def _clause_subject(doc, token, actors):
    head = token
    for _ in range(8):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                m = _at(child, actors)
                if m is not None:
                    return m
                if child.lower_ in ("it", "they"):
                    for t in doc:  # the sentence's first subject that is an actor
                        if t.dep_ in ("nsubj", "nsubjpass") and _at(t, actors) is not None:
                            return _at(t, actors)
        if head.head is head:
            break
        head = head.head
    return None


def _at(token, actors):
    return next((m for m in actors if m.start <= token.idx < m.end), None)


def find_relations(doc, mentions) -> list[tuple]:
    """(a mention, b mention, sign, strength, kind, char start, char end) for each phrase found."""
    actors = [m for m in mentions if m.country]
    out, used = [], []
    base = doc[0].idx if len(doc) else 0
    text = doc.text  # a Span rebuilds its text on every access
    if not _any_phrase().search(text):
        return out
    for rx, sign, strength, kind in relation_lexicon():
        for match in rx.finditer(text):
            s, e = base + match.start(), base + match.end()
            if any(s < ue and us < e for us, ue in used):
                continue
            tok = next((t for t in doc if t.idx >= s), None)
            if tok is None:
                continue
            after = [m for m in actors if m.start >= e]
            before = [m for m in actors if m.end <= s]
            pairs = []
            if match.group(0).lower().endswith("between") and len(after) >= 2:
                pairs = [(after[0], after[1])]  # "tensions between Beijing and Moscow"
            elif re.search(r"\bas\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}$", text[:s - base], re.I) and before \
                    and any(t.dep_ in ("dobj", "pobj") for t in doc if before[-1].start <= t.idx < before[-1].end):
                # "declared South Korea as an unyielding enemy": the phrase is said of the actor before "as"
                prev = before[-1]
                a = _clause_subject(doc, tok, [m for m in actors if m is not prev]) or \
                    next((m for m in reversed(before[:-1]) if m.country != prev.country), None)
                pairs = [(a, prev)] if a else []
            last = next((t for t in reversed(doc) if t.idx < e), tok)  # the phrase's head noun
            if not pairs and last.lemma_.lower() in _ROLES and last.pos_ in ("NOUN", "PROPN"):
                # "U.S. ally South Korea", "Japan, a close ally of Washington", "Iran is Syria's closest ally":
                # the one who bears the role and the one it is borne for, read off the noun phrase, or nothing
                # ("the United States and its allies imposed sanctions": no ally is named)
                pairs = _role_pairs(doc, last, actors)
                if not pairs:
                    continue
            if pairs:
                for a, b in pairs:
                    if a.country != b.country:
                        used.append((s, e))
                        out.append((a, b, sign, strength, kind, s, e))
                continue
            # "Russia's support for Assad", "Kiev's conflict with Moscow": the possessor holds the tie
            owner = next((_at(c, actors) for c in tok.children if c.dep_ == "poss" and _at(c, actors)), None)
            a = owner or _clause_subject(doc, tok, actors)
            b = None
            for t in doc:  # the actor the phrase governs: an object after it in its subtree or clause
                if t.idx >= e and (t.head == tok or tok in t.ancestors or t.head.idx >= s) and _at(t, actors):
                    b = _at(t, actors)
                    break
            if b is None and owner is not None:
                # "Pakistan, China's ally", "Russia, Assad's main backer": the phrase is said of the noun it
                # stands in apposition to
                head = tok.head if tok.dep_ == "appos" else next((c for c in tok.children if c.dep_ == "appos"), None)
                b = _at(head, actors) if head is not None else None
            if b is None and owner is None and tok.dep_ == "attr":
                # "India and Pakistan are rivals": the coordinated subject of the copula
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                both = [m for t in (subj.subtree if subj is not None else ()) if (m := _at(t, actors))]
                both = list({m.country: m for m in both}.values())
                if len(both) == 2:
                    a, b = both
            if a is None or b is None or a.country == b.country:
                if a is None and before:
                    a = before[-1]
                if (b is None or (a and b.country == a.country)) and after:
                    b = next((m for m in after if not a or m.country != a.country), None)
            if a is None or b is None or a.country == b.country:
                continue
            used.append((s, e))
            out.append((a, b, sign, strength, kind, s, e))
            # "closer ties with China and Russia", "allies ... including Germany, Poland, Slovenia and Norway":
            # every actor coordinated with the object
            joined = {t.i for t in doc if _at(t, actors) is b}
            for t in doc:
                if t.dep_ == "conj" and t.head.i in joined:
                    joined.add(t.i)
                    c = _at(t, actors)
                    if c is not None and c not in (a, b) and c.country != a.country:
                        out.append((a, c, sign, strength, kind, s, e))
    return out


# Nouns of a standing role one state bears for another.
_ROLES = frozenset("""ally enemy foe rival adversary protector patron backer benefactor sponsor lifeline buffer
    partner archenemy arch-foe arch-enemy nemesis arch-rival friend""".split())
_LINKING = frozenset({"be", "remain", "become", "stay", "seem", "appear"})


def _role_pairs(doc, noun, actors) -> list[tuple]:
    """[(bearer, holder)] of a role noun: "Syria's ally Iran", "a buffer for Beijing" (North Korea)."""
    def at(t):
        """The actor a phrase headed by ``t`` names: its own, or its modifier's ("the Kim regime")."""
        if t is None:
            return None
        return _at(t, actors) or next((_at(c, actors) for c in t.children if c.dep_ in ("compound", "amod", "poss")
                                       and _at(c, actors)), None)

    def holder_of(t):
        for c in t.children:
            if c.dep_ in ("poss", "compound", "nmod", "amod") and at(c):
                return at(c)
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "to"):
                found = next((at(g) for g in c.children if g.dep_ == "pobj" and at(g)), None)
                if found:
                    return found
        return None

    holder = holder_of(noun) or next((holder_of(c) for c in noun.children if c.dep_ == "conj"), None) or \
        (holder_of(noun.head) if noun.dep_ == "conj" else None)
    bearers = []
    appos = next((c for c in noun.children if c.dep_ == "appos"), None)
    if noun.dep_ == "appos" and at(noun.head):
        bearers = [at(noun.head)]                      # "Japan, a close ally of Washington"
        if noun.tag_ in ("NNS", "NNPS"):               # "Japan and South Korea, both US allies": each
            bearers += [at(c) for c in noun.head.children if c.dep_ == "conj" and at(c)]
    elif appos is not None and at(appos):
        bearers = [at(appos)]                          # "North Korea's foremost ally, China"
    elif noun.dep_ in ("compound", "nmod") and at(noun.head):
        bearers = [at(noun.head)]                      # "U.S. ally South Korea"
    else:
        verb = noun.head if noun.dep_ in ("attr", "oprd") else noun.head.head \
            if noun.dep_ == "pobj" and noun.head.lower_ == "as" else None
        if noun.dep_ == "conj" and noun.head.dep_ in ("attr", "oprd"):
            verb = noun.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None and \
            noun.dep_ == "pobj" else None
        if obj is not None and at(obj):                # "India regards Pakistan as its main rival"
            bearers = [at(obj)]
            if holder is None or holder.country == bearers[0].country:
                holder = at(subj) if subj is not None else holder
        elif subj is not None:                         # "Iran is Syria's closest ally", "emerge as a buffer"
            bearers = list({m.country: m for t in subj.subtree if (m := at(t))}.values())
    if not bearers and holder is not None and noun.i + 1 < len(doc) and at(doc[noun.i + 1]) and \
            doc[noun.i + 1].head.i != noun.i:
        bearers = [at(doc[noun.i + 1])]                # "Armenia's traditional ally Russia" parsed as two subjects
    if holder is not None:
        many = noun.dep_ == "appos" and noun.tag_ in ("NNS", "NNPS")
        return [(b, holder) for b in (bearers if many else bearers[:1]) if b.country != holder.country]
    if len(bearers) == 2:                              # "India and Pakistan are rivals"
        return [(bearers[0], bearers[1])]
    return []


EVENTS_MIN = 2          # events a pair needs before its events say how it stands
EVENTS_MIN_WEIGHT = 6.0  # summed Goldstein magnitude they need
EVENT_STRONG = 7.0      # or one event this strong: a treaty, military aid, an attack, sanctions


def relations_from_events(events, phrase_relations=()) -> list:
    """Standing ties read off a document's events: a pair of states linked by at least ``EVENTS_MIN``
    asserted events whose Goldstein values all have one sign and sum to at least ``EVENTS_MIN_WEIGHT`` in
    magnitude, or by one event of magnitude at least ``EVENT_STRONG`` (a peace treaty, military aid, an
    attack, sanctions), stands in that sign (kind ``events``, strength the sum over 20, at most 1), unless
    a phrase already ties the pair. One handshake or one protest is an event, not a standing tie. A pair
    whose events have both signs stands in each sign over its own time when the two do not overlap (a
    rupture, then a reconciliation); otherwise its events say nothing of how it stands.

    >>> from geopol.model import Event
    >>> evs = [Event(source="USA", target="ISR", cameo="051", goldstein=3.4), Event(source="USA", target="ISR",
    ...        cameo="072", goldstein=8.3), Event(source="IRN", target="ISR", cameo="190", goldstein=-10.0)]
    >>> [(r.a, r.b, r.sign) for r in relations_from_events(evs)]
    [('IRN', 'ISR', -1), ('ISR', 'USA', 1)]
    >>> from geopol.model import TimeSpan as T
    >>> d = lambda y: T(start=date(y, 7, 1), end=date(y, 7, 1), precision="day")
    >>> evs = [Event(source="VEN", target="COL", cameo="161", goldstein=-4.0, time=d(2009)),
    ...        Event(source="VEN", target="COL", cameo="163", goldstein=-8.0, time=d(2009)),
    ...        Event(source="COL", target="VEN", cameo="057", goldstein=8.0, time=d(2010))]
    >>> [(r.a, r.b, r.sign, r.time.start.year) for r in relations_from_events(evs)]
    [('COL', 'VEN', 1, 2010), ('COL', 'VEN', -1, 2009)]
    """
    from ..model import Relation, TimeSpan

    tied = {frozenset((r.a, r.b)) for r in phrase_relations}
    pairs: dict[frozenset, list] = {}
    out = []
    for ev in events:
        if ev.modality not in ("asserted", "reported") or not ev.source or not ev.target or ev.source == ev.target \
                or ev.goldstein is None or len(ev.source) != 3 or len(ev.target) != 3:
            continue
        pairs.setdefault(frozenset((ev.source, ev.target)), []).append(ev)
    for pair, evs in sorted(pairs.items(), key=lambda kv: sorted(kv[0])):
        if pair in tied:
            continue
        signs = {1 if e.goldstein > 0 else -1 if e.goldstein < 0 else 0 for e in evs}
        if len(signs) > 1:
            # a pair that fell out and made up ("broke off relations" in 2009, "restored" them in 2010): one
            # tie per sign when the two signs' events do not overlap in time
            groups = [[e for e in evs if (e.goldstein or 0) * sgn > 0] for sgn in (1, -1)]
            spans = [(min(e.time.start or date.max for e in g), max(e.time.end or e.time.start or date.min for e in g))
                     for g in groups if g]
            if len(spans) == 2 and (spans[0][1] < spans[1][0] or spans[1][1] < spans[0][0]):
                out.extend(r for g in groups for r in relations_from_events(g))
            continue
        total = sum(e.goldstein for e in evs)
        if 0 in signs or abs(total) < EVENTS_MIN_WEIGHT:
            continue
        if len(evs) < EVENTS_MIN and abs(total) < EVENT_STRONG:
            continue
        sign = signs.pop()
        starts = [e.time.start for e in evs if e.time.start]
        ends = [e.time.end or e.time.start for e in evs if e.time.start]
        time = TimeSpan(start=min(starts), end=max(ends), precision="day") if starts else TimeSpan()
        a, b = sorted(pair)
        evidence = tuple(dict.fromkeys(x for e in evs for x in e.evidence))
        out.append(Relation(a=a, b=b, sign=sign, strength=sign * min(1.0, abs(total) / 20), kind="events",
                            time=time, evidence=evidence))
    return out
