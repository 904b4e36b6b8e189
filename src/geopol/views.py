"""What the web app and the brief show, as plain JSON-ready dicts built from the store.

Pure readers: each takes an open store (and the registry) and returns data;
the app and the report only serialise and draw it.
"""

from __future__ import annotations

from datetime import date

from .errors import InputError
from .evidence import gather
from .model import to_jsonable
from .query import actor_summary, pair_view
from .records import claim_row, event_row, hypothesis_row, relation_row
from .store import Store
from .structure import blocs_of, dyad_changes, network_at, ties_at

__all__ = ["date_range", "network_view", "pair_detail", "actors_view", "claims_view", "hypotheses_view",
           "whatif_view", "evidence_context", "meta_view"]


def date_range(store: Store) -> tuple[date | None, date | None]:
    """The first and last dates the store's events, relations and documents speak of."""
    rows = store.con.execute("""
        SELECT min(d), max(d) FROM (
            SELECT day AS d FROM all_events UNION ALL
            SELECT start FROM relations UNION ALL SELECT "end" FROM relations UNION ALL
            SELECT date FROM complete_documents)""").fetchall()
    return rows[0] if rows else (None, None)


def meta_view(store: Store) -> dict:
    lo, hi = date_range(store)
    counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
              for t in ("complete_documents", "events", "relations", "claims", "hypotheses", "dataset_events")}
    return to_jsonable({"first": lo, "last": hi, "default": hi or date.today(),
                        "counts": {("documents" if k == "complete_documents" else k): v for k, v in counts.items()}})


def network_view(store: Store, registry, at: date, *, threshold: float = 0.1) -> dict:
    """Nodes (with bloc and power) and signed edges (tie, strength, uncertainty) at ``at``."""
    G, notes = network_at(store, at, threshold=threshold)
    blocs, isolated = blocs_of(G)  # the same blocs as `geopol blocs`
    G.remove_nodes_from(isolated)
    nodes = []
    for v in sorted(G.nodes):
        actor = registry.get(v)
        nodes.append({"id": v, "name": actor.name if actor else v, "bloc": blocs.of(v) if blocs else 0,
                      "power": G.nodes[v].get("power")})
    edges = []
    for u, v, d in G.edges(data=True):
        a, b = sorted((u, v))
        edges.append({"id": f"{a}-{b}", "a": a, "b": b, "sign": "+" if d["sign"] > 0 else "-",
                      "tie": round(d.get("tie", 0.0), 4), "strength": round(abs(d.get("tie", 0.0)), 4),
                      "uncertainty": round(d.get("uncertainty", 0.0), 4)})
    edges.sort(key=lambda e: e["id"])
    return to_jsonable({"at": at, "threshold": threshold, "nodes": nodes, "edges": edges,
                        "blocs": [sorted(x) for x in blocs.blocs] if blocs else [], "notes": notes})


def evidence_context(store: Store, doc: str, start: int, end: int, *, width: int = 240) -> dict:
    """The text around an evidence span, so a page can show the span highlighted in its place."""
    lo = max(0, start - width)
    before = store.text(doc, lo, start)
    after = store.text(doc, end, end + width)
    d = store.document(doc)
    return {"doc": doc, "title": d.title if d else None, "date": d.date if d else None, "start": start, "end": end,
            "before": ("…" if lo > 0 else "") + before, "text": store.text(doc, start, end),
            "after": after + ("…" if len(after) == width else "")}


def _timeline(store: Store, a: str, b: str) -> list[dict]:
    from .panels import run_panel

    return run_panel(store, unit="month", dyads=[(a, b)])


def pair_detail(store: Store, registry, a: str, b: str, *, limit: int = 50) -> dict:
    """One pair: its timeline by quad class, relation spans, tie series, and every piece of evidence."""
    for code in (a, b):
        if registry.get(code) is None:
            raise InputError(f"unknown actor {code!r}")
    a, b = sorted((a, b))
    view = pair_view(store, a, b, registry=registry, limit=limit)
    evidence = []
    for e in view["events"]:
        row = event_row(e)
        for ev in e.evidence:
            evidence.append({"kind": "event", "label": f"{e.source}→{e.target} {e.cameo} {e.plover or ''}".strip(),
                             "modality": e.modality, "when": e.time.start,
                             **evidence_context(store, ev.doc, ev.start, ev.end), "fact": row["id"]})
    for r in view["relations"]:
        for ev in r.evidence:
            evidence.append({"kind": "relation", "label": f"{r.kind} ({'+' if r.sign > 0 else '-'})",
                             "modality": "asserted", "when": r.time.start,
                             **evidence_context(store, ev.doc, ev.start, ev.end)})
    out = {"a": a, "b": b, "a_name": view["a_name"], "b_name": view["b_name"],
           "events": [event_row(e) for e in view["events"]],
           "relations": [relation_row(r) for r in view["relations"]],
           "timeline": _timeline(store, a, b), "evidence": evidence, "co_mentions": view["co_mentions"],
           "sentences": view["sentences"]}
    lo, hi = date_range(store)
    now = hi or date.today()
    bg = gather(store)  # read once for the current tie and the series
    current = next((t for t in ties_at(store, now, bg=bg, pair=(a, b))[0] if (t["a"], t["b"]) == tuple(sorted((a, b)))),
                   None)
    out["current"] = {"at": now, "tie": current["tie"] if current else None,
                      "uncertainty": current["uncertainty"] if current else None,
                      "observations": current["observations"] if current else 0,
                      "components": current["components"] if current else {}}
    if lo and hi and lo < hi:
        changes, _ = dyad_changes(store, a, b, lo, hi, unit="year" if (hi - lo).days > 3650 else "month", bg=bg)
        out["ties"] = changes["series"]
        out["changes"] = changes["changes"]
    else:
        out["ties"], out["changes"] = [], []
    return to_jsonable(out)


def actors_view(store: Store, registry, q: str | None = None) -> list[dict]:
    rows = actor_summary(store, registry)
    if q:
        ql = q.lower()
        rows = [r for r in rows if ql in r["code"].lower() or ql in (r["name"] or "").lower()
                or any(ql in f.lower() for f in r["forms"])]
    return to_jsonable(rows)


def claims_view(store: Store) -> list[dict]:
    return to_jsonable([claim_row(c) for c in store.claims()])


def hypotheses_view(store: Store) -> list[dict]:
    return to_jsonable([hypothesis_row(h) for h in store.hypotheses()])


def whatif_view(store: Store, at: date, set_ties: dict, scale_power: dict, *, model: str = "landscape") -> dict:
    """Blocs before and after a change of ties or power (landscape theory by default)."""
    from .scenario.whatif import whatif
    from .scenario.world import world_at

    named = tuple({x for k in set_ties for x in (k if isinstance(k, tuple) else str(k).split("-"))}
                  | {str(k).split(".")[0] for k in scale_power})
    ties, power, notes = world_at(store, at, named=named)
    if not power:
        # without capability data every actor in a tie weighs the same
        power = {x: 1.0 for pair in ties for x in pair}
    result = whatif(ties, power, set_ties=set_ties, scale_power=scale_power, model=model)
    result["notes"] = notes
    result["at"] = at
    return to_jsonable(result)
