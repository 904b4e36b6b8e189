"""The facts stage: events, relations, claims and hypotheses from the sentences that can hold them.

Contract: requires sentences and mentions; assigns events, relations and
hypotheses (model records, each with its sentence as evidence).

Events come from the verb lexicon where it codes a verb; where it codes none
in a sentence, a verb with an actor as subject and another actor in its reach
is typed by the event classifier (a coder registered by name in
:mod:`geopol.coder`), and kept only when its margin is at least
``MIN_MARGIN``. The default coder is ``vectors`` (n-grams and word vectors,
no second parse): cross-validated on PLV at that margin, precision 0.94–0.96
for 67–68% of sentences (``linear``: 0.96–0.97 for 56–57%). Only
sentences with two actors, or with a conditional, are parsed (spaCy, in
batches). Documents longer than ``MAX_DOC_CHARS`` are indexed for mentions
only: a file that size is a corpus dump, not an article.
"""

from __future__ import annotations

from .. import codes
from ..coder import get_coder
from ..coder.features import mark
from ..model import Claim, Event, Evidence, Hypothesis, Quantity, Relation
from .claims import find_claims, might_hold_claim
from .events import _modality, _quantity, code_events, uncoded_pairs
from .hypotheses import find_hypothesis
from .parse import load_nlp
from .relations import find_relations
from .timex import resolve

__all__ = ["extract_facts_many", "MAX_DOC_CHARS", "MIN_MARGIN", "CAMEO_FOR_TYPE"]

MAX_DOC_CHARS = 2_000_000
MIN_MARGIN = 0.4
# The general CAMEO code ("not specified below") of each PLOVER type the classifier predicts.
CAMEO_FOR_TYPE = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
                  "YIELD": "080", "CONCEDE": "080", "RETREAT": "087", "REQUEST": "100", "ACCUSE": "110",
                  "REJECT": "120", "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160",
                  "COERCE": "170", "ASSAULT": "180"}


def _attribution(text: str, mentions) -> str | None:
    """The actor named after "according to", if any."""
    k = text.lower().find("according to")
    return next((m.country for m in mentions if m.country and m.start >= k), None) if k >= 0 else None


def _candidates(chunk) -> list[tuple]:
    """The sentences of a chunk worth parsing: two actors, or one with a conditional or a reporting verb."""
    out = []
    by_sentence: dict[int, list] = {}
    for idx, m in chunk.mentions:
        by_sentence.setdefault(idx, []).append(m)
    for k, (s, e, _) in enumerate(chunk.sentences):
        ms = by_sentence.get(chunk.first_sentence + k, [])
        text = chunk.text[s - chunk.offset:e - chunk.offset]
        if len({m.country for m in ms if m.country}) >= 2 or (ms and (find_hypothesis(text)
                                                                       or might_hold_claim(text))):
            out.append((s, e, text, ms))
    return out


def extract_facts_many(items: list[tuple], *, batch_size: int = 64, coder: str | None = "vectors") -> None:
    """Fill the events, relations, claims and hypotheses of (chunk, document date) pairs, the candidate
    sentences of all of them parsed in one batch; ``coder=None`` uses the lexicon alone.

    Parsing in batches of 64 sentences runs about 1.4 times as fast as the
    dozen sentences one article holds, so ingest hands over several documents.
    """
    nlp = load_nlp()
    pending = []  # sentences left for the classifier
    candidates = [(chunk, doc_date, *c) for chunk, doc_date in items for c in _candidates(chunk)]
    docs = nlp.pipe([c[4] for c in candidates], batch_size=batch_size)
    for (chunk, doc_date, s, e, text, ms), parsed in zip(candidates, docs):
        # mentions in sentence-local offsets, as the parse sees them
        local = [m.__class__(m.start - s, m.end - s, m.text, m.actor, m.country, m.kind, m.role, m.person,
                             m.possessive) for m in ms]
        evidence = (Evidence(doc=chunk.doc, start=s, end=e, text=text),)
        when = resolve(text, doc_date)
        attributed = _attribution(text, [m for m in local if m.country])
        coded = code_events(parsed, local)
        if not coded and coder is not None:
            for verb, src, tgt in uncoded_pairs(parsed, local)[:1]:
                pending.append((chunk, doc_date, mark(text, (src.start, src.end), (tgt.start, tgt.end)), verb, src,
                                tgt, text, evidence, when, attributed))
        for ev in coded:
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
    if pending:
        _classify(pending, coder)


def _classify(pending, coder: str) -> None:
    types = get_coder(coder).predict([p[2] for p in pending])
    for (chunk, doc_date, _, verb, src, tgt, text, evidence, when, attributed), (kind, margin) in zip(pending, types):
        cameo = CAMEO_FOR_TYPE.get(kind or "")
        if cameo is None or margin < MIN_MARGIN:
            continue
        own = resolve(" ".join(t.text for t in verb.subtree), doc_date)
        qty = _quantity(verb)
        chunk.events.append(Event(
            source=src.country, target=tgt.country, cameo=cameo, plover=codes.plover_for_cameo(cameo),
            quad=codes.quad_class(cameo), goldstein=codes.goldstein(cameo),
            time=own if own.precision != "unknown" else when, modality=_modality(verb, text),
            quantity=Quantity(value=qty[0], unit=qty[1]) if qty else None,
            attributed_to=attributed if attributed not in (src.country, tgt.country) else None,
            source_actor=src.actor, target_actor=tgt.actor, source_text=src.text, target_text=tgt.text,
            origin="text", evidence=evidence))
