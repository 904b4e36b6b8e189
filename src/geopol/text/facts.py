"""The facts stage: events, relations, claims and hypotheses from every sentence that names an actor.

Contract: requires sentences and mentions; assigns events, relations,
claims and hypotheses (model records, each with its sentence as evidence)
and adds the mentions coreference finds.

Each document's sentences are parsed (spaCy, in batches across documents)
and read in order: coreference (:mod:`geopol.text.coref`) resolves
pronouns and definite descriptions against what came before, frames
(:mod:`geopol.text.frames`) give each predicate its actors, the lexicon
codes them (:mod:`geopol.text.events`). A byline line ("Statement by ...")
names the author that "I" and "we" stand for and holds no event. Where the
lexicon codes no verb that has an actor for source and another for target,
the event classifier (a coder registered by name in :mod:`geopol.coder`)
may type it, kept only at a margin of at least ``MIN_MARGIN``. The same
event read twice in one document (the headline and the lede) is one event
with both sentences as evidence. Documents longer than ``MAX_DOC_CHARS``
are indexed for mentions only: a file that size is a corpus dump, not an
article.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .. import codes
from ..model import Claim, Event, Evidence, Hypothesis, Quantity, Relation, TimeSpan
from .claims import find_claims
from .coref import DocumentContext, author_of, resolve_sentence
from .events import code_events, code_statement, own_words, party
from .moods import REPORTING
from .hypotheses import find_hypothesis
from .parse import load_nlp
from .relations import find_relations, relations_from_events
from .standing import find_standing
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
    return next((party(m) for m in mentions if m.country and m.start >= k), None) if k >= 0 else None


def _sentences(chunk) -> list[tuple]:
    """(index, start, end, paragraph, text, mentions) of every sentence of a chunk."""
    by_sentence: dict[int, list] = {}
    for idx, m in chunk.mentions:
        by_sentence.setdefault(idx, []).append(m)
    out = []
    for k, (s, e, p) in enumerate(chunk.sentences):
        idx = chunk.first_sentence + k
        out.append((idx, s, e, p, chunk.text[s - chunk.offset:e - chunk.offset], by_sentence.get(idx, [])))
    return out


def _local(m, s):
    return replace(m, start=m.start - s, end=m.end - s)


def _at_event_time(m, time, registry, doc_day):
    """A person mention re-read on the day of the event it takes part in: Mao Zedong in 1949 is China's
    government, whatever the article's date (the text's own title, when it gave one, still wins)."""
    if m is None or m.kind != "person" or not m.person or registry is None or m.origin in ("title", "apposition") \
            or time.start is None or time.precision == "unknown" or m.person not in registry:
        return m
    day = time.start if time.end is None else time.start + (time.end - time.start) / 2
    if doc_day is not None and abs((day - doc_day).days) < 366:
        return m
    country, role = registry.affiliation(m.person, day)
    if not country:
        return m
    code = registry_code(registry, country, role)
    return replace(m, actor=code, country=country, role=role)


def registry_code(registry, country: str, role: str | None) -> str:
    actor = registry.get(country)
    cameo = dict(actor.attributes).get("cameo", country) if actor is not None else country
    return cameo + (role or "")


def extract_facts_many(items: list[tuple], *, batch_size: int = 64, classify=None, registry=None) -> None:
    """Fill the events, relations, claims and hypotheses of (chunk, document date) pairs; every sentence of
    all of them is parsed in one batch. ``classify`` (a coder's ``predict``) types the verbs the lexicon
    leaves uncoded; None reads with the lexicon alone. ``registry`` gives the sector nouns of coreference
    and the affiliation of persons at the time of an event.
    """
    nlp = load_nlp()
    roles = registry.roles if registry is not None else {}
    shared = registry.shared_names() if registry is not None else {}
    work = [(chunk, day, sent) for chunk, day in items for sent in _sentences(chunk)]
    docs = nlp.pipe([w[2][4] for w in work], batch_size=batch_size)
    pending = []  # verbs left for the classifier
    people: dict = {}  # (event index, chunk) -> the persons it is between, for telling two acts apart
    contexts: dict[str, DocumentContext] = {}
    for (chunk, day, (idx, s, e, para, text, ms)), parsed in zip(work, docs):
        ctx = contexts.setdefault(chunk.doc, DocumentContext())
        local = [_local(m, s) for m in ms]
        if idx == 0 or (ctx.author is None and ctx.sentence == 0):
            author = author_of(text, local)
            if author is not None:
                ctx.author = author
                ctx.sentence += 1
                continue  # a byline holds no event
        extra = resolve_sentence(parsed, local, ctx, paragraph=para, roles=roles, shared=shared)
        for m in extra:
            chunk.mentions.append((idx, replace(m, start=m.start + s, end=m.end + s)))
        local = local + extra
        evidence = (Evidence(doc=chunk.doc, start=s, end=e, text=text),)
        when = resolve(_without_relatives(parsed), day, periods=False)
        back = ctx.last_time is not None and _refers_back(parsed)
        if when.precision == "unknown" and back:
            when = ctx.last_time  # "Russia then annexed ...": the time of what the text told last
        elif when.precision != "unknown" and when.start is not None:
            # what "then" in the next sentence refers to ("since an uprising in 2014 ...": 2014)
            ctx.last_time = when if when.end is not None else TimeSpan(
                start=when.start, end=date(when.start.year, 12, 31), precision="year")
        attributed = _attribution(text, [m for m in local if m.country])
        uncoded: list = []
        frames_found: list = []
        coded = code_events(parsed, local, uncoded=uncoded if classify is not None else None,
                            counterpart=_counterpart(ctx, local), found=frames_found)
        speaker = ctx.speaker if ctx.quoted_start else ctx.author
        if speaker is not None and not any(t.lemma_ in REPORTING and t.pos_ == "VERB" for t in parsed):
            # what the sentence already has the author do, read as it stands ("The Australian Government
            # condemns attacks by X on camps in Y" condemns X, not Y as well)
            said = {e.cameo[:2] for e in coded if party(e.source) == party(speaker)}
            coded += [e for e in code_statement(parsed, local, speaker, found=frames_found,
                                                counterpart=_counterpart(ctx, local))
                      if e.cameo[:2] not in said]
        for ev in coded:
            forward = ev.modality in ("future", "hypothetical")  # "agreed to hold talks in April": next April
            time = resolve(ev.clause, day, forward=forward) if ev.clause else when
            if time.precision == "unknown" and ev.context:
                time = resolve(ev.context, day, forward=forward)
            if time.precision == "unknown":
                # the sentence's words, but not its other clauses' ("met after fighting erupted in 2014")
                head = parsed[ev.head] if ev.head is not None and 0 <= ev.head < len(parsed) else None
                root = head.sent.root if head is not None else None
                time = resolve(own_words(root, head) if root is not None else _without_relatives(parsed), day,
                               forward=forward, periods=False)
            if time.precision == "unknown" and back:
                time = ctx.last_time
            ev = replace(ev, source=_at_event_time(ev.source, time, registry, day),
                         target=_at_event_time(ev.target, time, registry, day))
            src, tgt = party(ev.source), party(ev.target)
            if src == tgt or (ev.target is not None and ev.source.country == ev.target.country
                              and src == ev.source.country and tgt == ev.target.country):
                continue
            if time.precision != "unknown" and time.start != day:
                ctx.last_time = time
            if ev.cameo[:2] not in _VERBAL_ROOTS:
                ctx.acts.append((ev.verb, ev.source))  # what a later "the launch", "the attack" may name
            people[len(chunk.events), id(chunk)] = (ev.source.person, ev.target.person if ev.target else None)
            chunk.events.append(Event(
                source=src, target=tgt, cameo=ev.cameo,
                plover=codes.plover_for_cameo(ev.cameo), quad=codes.quad_class(ev.cameo),
                goldstein=codes.goldstein(ev.cameo), time=time,
                modality=ev.modality,
                quantity=Quantity(value=ev.quantity[0], unit=ev.quantity[1]) if ev.quantity else None,
                attributed_to=attributed if attributed not in (src, tgt) else None,
                source_actor=ev.source.actor, target_actor=ev.target.actor if ev.target is not None else None,
                source_text=ev.source.text, target_text=ev.target.text if ev.target is not None else None,
                origin="text", evidence=evidence))
        for verb, src, tgt, clause in uncoded[:1]:
            pending.append((chunk, day, text, verb, src, tgt, clause, evidence, when, attributed, s))
        phrased = find_relations(parsed, local)
        spans = [(s0, e0) for *_, s0, e0 in phrased]
        phrased += [r for r in find_standing(parsed, local, party)
                    if not any(r[5] < e0 and s0 < r[6] for s0, e0 in spans)]  # a phrase already read it
        for a, b, sign, strength, kind, _, _ in phrased:
            chunk.relations.append(Relation(a=party(a), b=party(b), sign=sign, strength=sign * strength,
                                            kind=kind, time=when, evidence=evidence))
        found_claims = find_claims(parsed, local)
        for c in found_claims:
            chunk.claims.append(Claim(speaker=c["speaker"], content=c["content"], speaker_actor=c["speaker_actor"],
                                      about=c["about"], stance=c["stance"], time=when, evidence=evidence))
        if not found_claims and ctx.author is not None and not ctx.quoted_start:
            # an author's own statement ("Statement by ...", a minister's release): each sentence about
            # another state is the author's claim
            about = tuple(dict.fromkeys(m.country for m in local if m.country and m.country != ctx.author.country
                                        and m.kind != "person" or m.kind == "person" and m.country
                                        and m.country != ctx.author.country))
            if about:
                chunk.claims.append(Claim(speaker=ctx.author.text, content=text, speaker_actor=ctx.author.actor,
                                          about=about, stance=None, time=when, evidence=evidence))
        hyp = find_hypothesis(text)
        if hyp:
            actors = tuple(dict.fromkeys(party(m) for m in local if m.country))
            chunk.hypotheses.append(Hypothesis(condition=hyp[0], consequence=hyp[1], actors=actors,
                                               evidence=evidence))
    if pending:
        _classify(pending, classify)
    for chunk, _ in items:
        lead = chunk.sentences[1][1] if chunk.offset == 0 and len(chunk.sentences) > 1 else -1
        chunk.events = _merge(chunk.events, lead, [people.get((k, id(chunk)), (None, None))
                                                   for k in range(len(chunk.events))])
        chunk.relations.extend(relations_from_events(chunk.events, chunk.relations))


# Roots of what is said rather than done: a reaction names a deed, not another reaction.
_VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})


def _is_state(m) -> bool:
    return party(m) == m.country and not m.actor.startswith("IGO")


_BACK = frozenset({"then", "subsequently", "afterwards", "later", "thereafter"})


def _refers_back(doc) -> bool:
    """A sentence that dates itself by the one before: "Russia then annexed Crimea"."""
    return any(t.lower_ in _BACK and t.dep_ == "advmod" and t.head.dep_ == "ROOT" for t in doc[:4])


def _without_relatives(doc) -> str:
    """A sentence's words without its relative clauses ("at the residence where Bolivar died in 1830")."""
    drop = {x.i for t in doc if t.dep_ == "relcl" for x in t.subtree}
    return " ".join(t.text for t in doc if t.i not in drop)


def _counterpart(ctx, local):
    """The other state a two-sided act with no named target is with: the other party of the source's last
    event in the document, else the state last named before, in this sentence or the two before it."""
    def find(source, doer=""):
        own = party(source)
        if doer:  # "condemned the launch": whoever did the act the noun names, else the last act told
            acts = [(verb, m) for verb, m in reversed(ctx.acts)
                    if party(m) != own and m.country != source.country and _is_state(m)]
            for verb, m in acts:
                if verb == doer or verb[:4] == doer[:4]:
                    return m
            for verb, m in acts:
                if verb not in REPORTING:
                    return m
        before = [m for m in local if m.end <= source.start][::-1] + ctx.recent(3)[::-1]
        for m in before:
            p = party(m)
            if p and p != own and m.country != source.country and not m.actor.startswith("IGO") and \
                    (len(p) == 3 or m.kind == "person"):
                return m
        return None
    return find


def _merge(events: list[Event], lead_end: int = -1, people: list | None = None) -> list[Event]:
    """One event per (source, target, code, modality) and time in a document, with every sentence behind
    it; an undated event of the headline or the lede (evidence before ``lead_end``) joins the dated one of
    the same act. ``people``: for each event, the persons who act and are acted on (None for a state):
    two acts between different persons are two events ("met Putin", "held talks with Lavrov")."""
    out: dict[tuple, Event] = {}
    who: dict[tuple, tuple] = {}
    people = people or [(None, None)] * len(events)
    order = sorted(range(len(events)), key=lambda k: events[k].time.precision == "unknown")
    for ev, persons in ((events[k], people[k]) for k in order):
        key = (ev.source, ev.target, ev.cameo, ev.modality, ev.time)
        if key in who and not _same_people(who[key], persons):
            key = key + persons
        who.setdefault(key, persons)
        old = out.get(key)
        if old is None and ev.time.precision == "unknown" and ev.evidence and ev.evidence[0].start < lead_end:
            old = next((o for k, o in out.items() if k[:4] == key[:4] and _same_people(who[k], persons)), None)
            key = next((k for k, o in out.items() if o is old), key)
        if old is None:
            out[key] = ev
        else:
            evidence = old.evidence + tuple(x for x in ev.evidence if x not in old.evidence)
            out[key] = replace(old, evidence=evidence, quantity=old.quantity or ev.quantity)
    return list(out.values())


def _same_people(a: tuple, b: tuple) -> bool:
    """Whether two events' (source person, target person) can be one act: no side names two persons."""
    return not any(x and y and x != y for x, y in zip(a, b))


def _classify(pending, classify) -> None:
    from ..coder.features import mark

    marked = [mark(p[2], (p[4].start, p[4].end), (p[5].start, p[5].end)) for p in pending]
    types = classify(marked)
    for (chunk, day, text, verb, src, tgt, clause, evidence, when, attributed, s), (kind, margin) in zip(pending, types):
        cameo = CAMEO_FOR_TYPE.get(kind or "")
        if cameo is None or margin < MIN_MARGIN:
            continue
        own = resolve(clause, day)
        chunk.events.append(Event(
            source=party(src), target=party(tgt), cameo=cameo, plover=codes.plover_for_cameo(cameo),
            quad=codes.quad_class(cameo), goldstein=codes.goldstein(cameo),
            time=own if own.precision != "unknown" else when, modality=verb,
            attributed_to=attributed if attributed not in (party(src), party(tgt)) else None,
            source_actor=src.actor, target_actor=tgt.actor, source_text=src.text, target_text=tgt.text,
            origin="text", evidence=evidence))
