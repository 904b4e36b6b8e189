"""The facts stage: events, relations, claims and hypotheses from the sentences that can hold them.

Contract: requires sentences and mentions; assigns events, relations and
hypotheses (model records, each with its sentence as evidence). Only
sentences with two actors, or with a conditional, are parsed (spaCy, in
batches). Documents longer than ``MAX_DOC_CHARS`` are indexed for mentions
only: a file that size is a corpus dump, not an article.
"""

from __future__ import annotations

from .. import codes
from ..model import Claim, Event, Evidence, Hypothesis, Quantity, Relation
from .claims import find_claims, might_hold_claim
from .events import code_events
from .hypotheses import find_hypothesis
from .parse import load_nlp
from .relations import find_relations
from .timex import resolve

__all__ = ["extract_facts", "MAX_DOC_CHARS"]

MAX_DOC_CHARS = 2_000_000


def _attribution(text: str, mentions) -> str | None:
    """The actor named after "according to", if any."""
    k = text.lower().find("according to")
    return next((m.country for m in mentions if m.country and m.start >= k), None) if k >= 0 else None


def extract_facts(chunk, doc_date, *, batch_size: int = 64) -> None:
    nlp = load_nlp()
    candidates = []
    by_sentence: dict[int, list] = {}
    for idx, m in chunk.mentions:
        by_sentence.setdefault(idx, []).append(m)
    for k, (s, e, _) in enumerate(chunk.sentences):
        idx = chunk.first_sentence + k
        ms = by_sentence.get(idx, [])
        text = chunk.text[s - chunk.offset:e - chunk.offset]
        if len({m.country for m in ms if m.country}) >= 2 or (ms and (find_hypothesis(text)
                                                                       or might_hold_claim(text))):
            candidates.append((s, e, text, ms))
    docs = nlp.pipe([c[2] for c in candidates], batch_size=batch_size)
    for (s, e, text, ms), parsed in zip(candidates, docs):
        # mentions in sentence-local offsets, as the parse sees them
        local = [m.__class__(m.start - s, m.end - s, m.text, m.actor, m.country, m.kind, m.role, m.person,
                             m.possessive) for m in ms]
        evidence = (Evidence(doc=chunk.doc, start=s, end=e, text=text),)
        when = resolve(text, doc_date)
        attributed = _attribution(text, [m for m in local if m.country])
        for ev in code_events(parsed, local):
            cameo = ev.cameo
            own = resolve(ev.clause, doc_date) if ev.clause else when
            event_time = own if own.precision != "unknown" else when
            chunk.events.append(Event(
                source=ev.source.country, target=ev.target.country, cameo=cameo,
                plover=codes.plover_for_cameo(cameo), quad=codes.quad_class(cameo), goldstein=codes.goldstein(cameo),
                time=event_time, modality=ev.modality,
                quantity=Quantity(value=ev.quantity[0], unit=ev.quantity[1]) if ev.quantity else None,
                attributed_to=attributed if attributed not in (ev.source.country, ev.target.country) else None,
                source_actor=ev.source.actor, target_actor=ev.target.actor, source_text=ev.source.text,
                target_text=ev.target.text, origin="text", evidence=evidence))
        for a, b, sign, strength, kind, _, _ in find_relations(parsed, local):
            chunk.relations.append(Relation(a=a.country, b=b.country, sign=sign, strength=sign * strength,
                                            kind=kind, time=when, evidence=evidence))
        for c in find_claims(parsed, local):
            chunk.claims.append(Claim(speaker=c["speaker"], content=c["content"], speaker_actor=c["speaker_actor"],
                                      about=c["about"], stance=c["stance"], time=when, evidence=evidence))
        hyp = find_hypothesis(text)
        if hyp:
            actors = tuple(dict.fromkeys(m.country for m in ms if m.country))
            chunk.hypotheses.append(Hypothesis(condition=hyp[0], consequence=hyp[1], actors=actors,
                                               evidence=evidence))
