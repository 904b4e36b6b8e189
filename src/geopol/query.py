"""Read-side views over the store: actors with their mentions, one pair at a glance."""

from __future__ import annotations

from .actors import Registry
from .errors import InputError
from .store import Store

__all__ = ["actor_summary", "resolve_name", "pair_view"]


def actor_summary(store: Store, registry: Registry) -> list[dict]:
    """One row per state, IGO and person mentioned, most mentioned first.

    Keys: ``code``, ``name``, ``kind``, ``country``, ``role`` (persons: the
    role on the document date), ``mentions``, ``documents``, ``forms`` (the
    surface forms, most frequent first), ``actors`` (the full codes seen,
    e.g. ``CHNGOV``), ``origins`` (how the mentions were read, most frequent
    first: ``registry``, ``dictionary``, ``title``, ``apposition``,
    ``introduced``, ``coreference``) and ``source`` (where the registry's
    entry comes from: ``geopol`` for the shipped tables, ``phoenix:countries``
    and the like for PETRARCH2's dictionaries, ``archigos-4.1``, ``plad-2024``
    ... for office holders, ``user`` for an entry a user added).
    """
    rows = []
    for country, n, docs, forms, actors, origins in store.con.execute("""
            SELECT country, count(*), count(DISTINCT doc),
                   list(text ORDER BY text), list(DISTINCT actor ORDER BY actor), list(origin)
            FROM mentions WHERE country IS NOT NULL AND person IS NULL AND kind <> 'group'
              AND doc IN (SELECT id FROM complete_documents)
            GROUP BY country ORDER BY count(*) DESC, country""").fetchall():
        actor = registry.get(country)
        rows.append({"code": country, "name": actor.name if actor else country,
                     "kind": actor.kind if actor else "state", "country": country, "role": None, "mentions": n,
                     "documents": docs, "forms": _by_frequency(forms), "actors": actors,
                     "origins": _by_frequency([o for o in origins if o]), "source": _source(actor)})
    for code, kind, country, role, n, docs, forms, actors, origins in store.con.execute("""
            SELECT coalesce(person, actor), any_value(kind), any_value(country), any_value(role), count(*),
                   count(DISTINCT doc), list(text ORDER BY text), list(DISTINCT actor ORDER BY actor), list(origin)
            FROM mentions WHERE (person IS NOT NULL OR kind = 'group')
              AND doc IN (SELECT id FROM complete_documents)
            GROUP BY coalesce(person, actor) ORDER BY any_value(kind) DESC, count(*) DESC, 1""").fetchall():
        actor = registry.get(code)
        rows.append({"code": code, "name": actor.name if actor else code, "kind": kind, "country": country,
                     "role": role, "mentions": n, "documents": docs, "forms": _by_frequency(forms),
                     "actors": actors, "origins": _by_frequency([o for o in origins if o]), "source": _source(actor)})
    return rows


def _source(actor) -> str | None:
    """Where a registry entry comes from (see :func:`actor_summary`)."""
    if actor is None:
        return None
    attrs = dict(actor.attributes)
    if attrs.get("source"):
        return attrs["source"]
    sources = list(dict.fromkeys(t.source for t in actor.tenures if t.source))
    return "+".join(sources) if sources else "geopol"


def _by_frequency(forms: list[str]) -> list[str]:
    counts: dict[str, int] = {}
    for f in forms:
        counts[f] = counts.get(f, 0) + 1
    return sorted(counts, key=lambda f: (-counts[f], f))


def _check_ambiguous(registry: Registry, name: str) -> None:
    """"Korea" or "Congo": a word that is part of two states' names and the full name of none is answered
    with the candidates, not a silent pick."""
    import re

    word = name.strip().casefold()
    if not word or len(word) < 3:
        return
    states = [a for a in registry.actors() if a.kind == "state" and not dict(a.attributes).get("historic")]
    if any(word == a.name.casefold() or word in (x.casefold() for x in a.aliases if len(x) > 3 and " " in x)
           for a in states):
        return
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    hits = sorted({(a.name, a.code) for a in states if pattern.search(a.name.casefold())})
    if len(hits) > 1:
        raise InputError(f"{name!r} could be " + ", ".join(f"{n} ({c})" for n, c in hits) + ": give one of them")


def resolve_name(registry: Registry, name: str) -> str:
    """What a user typed ("PRK", "North Korea", "Pyongyang", "prk") → a state or IGO code."""
    if name in registry and registry.actor(name).kind in ("state", "igo"):
        return name
    if name.upper() in registry and registry.actor(name.upper()).kind in ("state", "igo"):
        return name.upper()
    _check_ambiguous(registry, name)
    for candidate in (name, name.title()):
        for actor in registry.candidates(candidate):
            if actor.kind in ("state", "igo"):
                return actor.code
    from .codes import to_iso3

    iso = to_iso3(name)
    if iso and iso in registry:
        return iso
    raise InputError(f"unknown actor {name!r}: give a code (PRK), a name (North Korea) or a capital (Pyongyang)")


def pair_view(store: Store, a: str, b: str, *, registry: Registry, limit: int = 20) -> dict:
    """Everything the store holds on one pair, with the evidence behind it."""
    if a == b:
        raise InputError(f"give two different actors, not {a} twice")
    pair = {a, b}
    relations = [r for r in store.relations() if {r.a, r.b} == pair]
    events = [e for e in store.events() if {e.source, e.target} == pair]
    rows = store.con.execute("""
        SELECT s.doc, s.idx, s.start, s."end", d.title, d.date
        FROM sentences s JOIN complete_documents d ON d.id = s.doc
        WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.doc = s.doc AND m.sentence = s.idx AND m.country = ?)
          AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc = s.doc AND m.sentence = s.idx AND m.country = ?)
        ORDER BY d.date NULLS LAST, s.doc, s.idx""", [a, b]).fetchall()
    total = len(rows)
    sentences = [{"doc": doc, "sentence": idx, "start": start, "end": end, "title": title, "date": day,
                  "text": store.text(doc, start, end)} for doc, idx, start, end, title, day in rows[:limit]]
    return {
        "a": a, "b": b,
        "a_name": registry.actor(a).name, "b_name": registry.actor(b).name,
        "relations": relations,
        "events": events,
        "co_mentions": total,
        "sentences": sentences,
    }
