"""Events from a parsed sentence: who did what to whom, coded in CAMEO.

A verb whose lemma the lexicon knows (``text/data/verbs.tsv``) becomes an
event when its subject is an actor mention (the source; a verb without its
own subject inherits the subject of the verb it depends on) and its object —
the direct object, the object of a preposition attached to it, or, for
"establish relations with Y", the object of the noun's preposition — is
another actor mention (the target). A mention counts as the object only when
the object's head word lies inside it ("Pyongyang", "American forces"), not
when an actor is merely named inside the object ("UN sanctions" is no actor).

Modality: a negated verb is ``negated``; may/might/could/would/should make it
``hypothetical``; will/shall ``future``; a verb under "according to", "is
reported" or a reporting verb is ``reported``. Only asserted events count as
facts downstream.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CodedEvent", "code_events", "verb_lexicon", "uncoded_pairs"]

_MODALS = {"may": "hypothetical", "might": "hypothetical", "could": "hypothetical", "would": "hypothetical",
           "should": "hypothetical", "will": "future", "shall": "future"}
_REPORTING = {"say", "report", "claim", "state", "announce", "note", "indicate", "tell", "add", "allege"}
_PRONOUNS = {"it", "its", "they", "he", "she"}
_MILITARY = {"soldier", "troop", "force", "army", "weapon", "missile", "military"}
_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "for", "from")


@dataclass(frozen=True)
class CodedEvent:
    source: object      # the FoundMention of the source
    target: object
    cameo: str
    verb: str
    modality: str
    quantity: tuple[float, str] | None
    clause: str = ""  # the verb's own words (its subtree), where its time expression is looked for first


@lru_cache(maxsize=1)
def verb_lexicon() -> dict[str, list[tuple[str, str]]]:
    """lemma → [(object lemma or '', CAMEO code)], the specific object patterns first."""
    text = resources.files(__package__).joinpath("data").joinpath("verbs.tsv").read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, str]]] = {}
    for r in csv.DictReader(io.StringIO(text), delimiter="\t"):
        out.setdefault(r["lemma"].strip(), []).append((r["object"].strip(), r["cameo"].strip()))
    for v in out.values():
        v.sort(key=lambda e: e[0] == "")
    return out


def _mention_at(token, mentions):
    for m in mentions:
        if m.start <= token.idx < m.end:
            return m
    return None


def _subject(verb, mentions):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            found = _actor_of(child, mentions)
            if found is None and child.lower_ in _PRONOUNS:
                # "Switzerland said it had expelled ...": the pronoun is the reporting verb's subject
                if verb.dep_ == "ccomp" and verb.head.lemma_ in _REPORTING and verb.head is not verb:
                    return _subject(verb.head, mentions)
                return None
            return found
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head is not verb:
        return _subject(verb.head if verb.dep_ != "pcomp" else verb.head.head, mentions)
    return None


def _objects(verb):
    """(object token, via preposition) candidates of a verb."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd"):
            out.append((child, None))
        elif child.dep_ in ("prep", "dative"):
            # other prepositions ("engaged in ethnic cleansing") count only for a lexicon object pattern
            out.extend((g, child.lower_) for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "agent":
            continue
    return out


def _demonym_of(noun, mentions):
    """The country an adjective names on a noun that is no actor itself: "an Israeli village", "Afghan civilians".

    Only adjectives (``amod``): a compound noun ("UN sanctions") names what
    the thing is about, not whose it is.
    """
    for child in noun.children:
        if child.dep_ == "amod":
            found = _mention_at(child, mentions)
            if found is not None and found.end <= noun.idx:
                return found
    return None


def _actor_of(token, mentions):
    """The actor mention a token lies in, else the one its demonym adjective names."""
    return _mention_at(token, mentions) or _demonym_of(token, mentions)


def _nested_actors(obj, mentions, depth: int = 2) -> list:
    """Actors an object noun names: through its own preposition ("action against Y", "charges by Y"), a
    possessive ("Y's") or a demonym ("Iraqi towns"), in the order written; prepositions are followed
    ``depth`` levels down ("crimes by X against Y")."""
    out = []
    for child in obj.children:
        if child.dep_ in ("poss", "amod") and _mention_at(child, mentions) is not None:
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _PREPS + ("by",):
            for g in child.children:
                if g.dep_ != "pobj":
                    continue
                if _actor_of(g, mentions) is not None:
                    out.append(g)
                if depth > 1:
                    out.extend(_nested_actors(g, mentions, depth - 1))
    return out


def _modality(verb, sentence_text: str) -> str:
    for child in verb.children:
        if child.dep_ == "neg":
            return "negated"
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            return _MODALS[child.lower_]
    head = verb.head
    while head is not head.head and head.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep"):
        for child in head.children:
            if child.dep_ == "aux" and child.lower_ in _MODALS:
                return _MODALS[child.lower_]
        head = head.head
    if verb.dep_ == "ccomp" and verb.head.lemma_ in _REPORTING:
        return "reported"
    low = sentence_text.lower()
    if "according to" in low or "are reported" in low or "is reported" in low or "reportedly" in low:
        return "reported"
    return "asserted"


def _quantity(verb):
    for tok in verb.subtree:
        if tok.dep_ == "nummod" and tok.like_num:
            try:
                value = float(tok.text.replace(",", ""))
            except ValueError:
                continue
            return value, tok.head.text
    return None


def code_events(sent, mentions) -> list[CodedEvent]:
    """Events in one parsed sentence (a spaCy Span or Doc with character offsets matching ``mentions``)."""
    lexicon = verb_lexicon()
    out = []
    actor_mentions = [m for m in mentions if m.country]
    for verb in sent:
        if verb.pos_ not in ("VERB",) or verb.lemma_ not in lexicon:
            continue
        source = _subject(verb, actor_mentions)
        if source is None:
            continue
        objects = _objects(verb)
        for obj, prep in objects:
            # "establish diplomatic relations with Y": the object noun's own preposition
            patterns = {o for o, _ in lexicon[verb.lemma_] if o}
            target_tok = obj
            if prep is not None and prep not in _PREPS and obj.lemma_ not in patterns:
                continue
            if obj.lemma_ not in patterns and _mention_at(obj, actor_mentions) is None:
                # "threatened action against Y", "denounced Y's crackdown": an actor the object itself names
                target_tok = next((t for t in _nested_actors(obj, actor_mentions)
                                   if _actor_of(t, actor_mentions).country != source.country), None)
                if target_tok is None:
                    continue
            code = None
            for obj_lemma, cameo in lexicon[verb.lemma_]:
                if obj_lemma and obj.lemma_ == obj_lemma:
                    code = cameo
                    # the target: the noun's preposition ("relations with Y") or the verb's ("sanctions on Y")
                    preps = [g for g in obj.children if g.dep_ == "prep" and g.lower_ in _PREPS] + \
                        [g for g in verb.children if g.dep_ == "prep" and g.lower_ in _PREPS]
                    for g in preps:
                        target_tok = next((p for p in g.children if p.dep_ == "pobj"), obj)
                        if _mention_at(target_tok, actor_mentions) is not None:
                            break
                    break
                if not obj_lemma:
                    code = cameo
            target = _actor_of(target_tok, actor_mentions)
            if code is None or target is None or target.country == source.country:
                continue
            if code == "051" and any(t.lemma_ in _MILITARY for t in verb.head.subtree if t is not verb):
                code = "072"  # support with troops is military aid
            out.append(CodedEvent(source=source, target=target, cameo=code, verb=verb.lemma_,
                                  modality=_modality(verb, sent.text), quantity=_quantity(verb.head)
                                  if verb.dep_ != "ROOT" else _quantity(verb),
                                  clause=" ".join(t.text for t in verb.subtree)))
            break
    # passive "X were sent to Y by Z" and "soldiers ... sent to Russia": the subject is what was sent
    for verb in sent:
        holder = verb
        while holder.dep_ in ("xcomp", "ccomp") and not any(c.dep_ == "nsubjpass" for c in holder.children):
            holder = holder.head
        if verb.lemma_ == "send" and any(c.dep_ in ("nsubjpass", "nsubj") for c in holder.children):
            subj = next(c for c in holder.children if c.dep_ in ("nsubjpass", "nsubj"))
            src = _mention_at(subj, actor_mentions)
            dest = next((g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                         for g in c.children if g.dep_ == "pobj"), None)
            tgt = _mention_at(dest, actor_mentions) if dest is not None else None
            if src and tgt and src.country != tgt.country and subj.lemma_ in _MILITARY:
                out.append(CodedEvent(source=src, target=tgt, cameo="072", verb="send",
                                      modality=_modality(verb, sent.text), quantity=_quantity(subj)))
    return out


def uncoded_pairs(sent, mentions) -> list[tuple]:
    """(verb, source, target) where a verb outside the lexicon has an actor as its subject and another in its reach.

    The target is the first actor of another country inside the verb's own
    words, after the verb. These are the pairs an event-type classifier is
    asked about when the lexicon coded nothing (see ``geopol.coder``).
    """
    actor_mentions = [m for m in mentions if m.country]
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_ in _REPORTING:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        source = _subject(verb, actor_mentions)
        if source is None:
            continue
        words = sorted(verb.subtree, key=lambda t: t.i)
        target = next((m for t in words if t.i > verb.i and (m := _mention_at(t, actor_mentions)) is not None
                       and m.country != source.country), None)
        if target is not None:
            out.append((verb, source, target))
    return out
