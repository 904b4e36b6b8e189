"""Records as the rows the CLI prints and the web API returns: the export contract of each command."""

from __future__ import annotations

from .model import Claim, Event, Evidence, Hypothesis, Relation

__all__ = ["event_row", "relation_row", "claim_row", "hypothesis_row", "evidence_row"]


def evidence_row(ev: Evidence) -> dict:
    return {"doc": ev.doc, "start": ev.start, "end": ev.end, "text": ev.text}


def event_row(e: Event, fid: str | None = None) -> dict:
    from .store import fact_id

    return {
        "id": fid or fact_id(e), "doc": e.evidence[0].doc if e.evidence else None,
        "source": e.source, "target": e.target, "source_actor": e.source_actor, "target_actor": e.target_actor,
        "source_text": e.source_text, "target_text": e.target_text, "cameo": e.cameo, "plover": e.plover,
        "quad": e.quad, "goldstein": e.goldstein, "start": e.time.start, "end": e.time.end,
        "precision": e.time.precision, "modality": e.modality,
        "quantity": {"value": e.quantity.value, "unit": e.quantity.unit} if e.quantity else None,
        "attributed_to": e.attributed_to, "origin": e.origin,
        "evidence": evidence_row(e.evidence[0]) if e.evidence else None,
        "evidence_all": [evidence_row(x) for x in e.evidence],
    }


def dataset_event_row(d: dict) -> dict:
    """An imported event (GDELT, ICEWS ...) with the keys of :func:`event_row`; its provenance is the
    dataset's file and row, not a sentence."""
    return {
        "id": f"{d['dataset']}:{d['event_id'] or d['row']}", "doc": None,
        "source": d["source"], "target": d["target"], "source_actor": d["source_actor"],
        "target_actor": d["target_actor"], "source_text": d["source_name"], "target_text": d["target_name"],
        "cameo": d["cameo"], "plover": d["plover"], "quad": d["quad"], "goldstein": d["goldstein"],
        "start": d["day"], "end": None, "precision": "day", "modality": "asserted", "quantity": None,
        "attributed_to": None, "origin": d["dataset"],
        "evidence": {"dataset": d["dataset"], "file": d["file"], "row": d["row"]}, "evidence_all": [],
    }


def relation_row(r: Relation) -> dict:
    return {"a": r.a, "b": r.b, "sign": "+" if r.sign > 0 else "-", "strength": r.strength, "kind": r.kind,
            "start": r.time.start, "end": r.time.end, "precision": r.time.precision,
            "evidence": [evidence_row(x) for x in r.evidence]}


def claim_row(c: Claim) -> dict:
    return {"speaker": c.speaker, "speaker_actor": c.speaker_actor, "about": list(c.about), "content": c.content,
            "stance": c.stance, "start": c.time.start, "end": c.time.end,
            "evidence": [evidence_row(x) for x in c.evidence]}


def hypothesis_row(h: Hypothesis) -> dict:
    return {"condition": h.condition, "consequence": h.consequence, "actors": list(h.actors),
            "evidence": [evidence_row(x) for x in h.evidence]}
