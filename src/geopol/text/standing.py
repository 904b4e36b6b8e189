"""How a pair's relations stand, as the text describes them: "ties between X and Y have soured",
"X's relations with Y remain tense", "warm relations between X and Y".

Contract: requires a parsed sentence and its actor mentions (sentence-local
character offsets, coreference included); returns the same records as
:func:`geopol.text.relations.find_relations`: (a mention, b mention, sign,
strength, kind, char start, char end).

A **ties noun** (relations, ties, relationship) names its pair by "between
X and Y", by its owner and "with Y" ("Russia's relations with Ukraine"), or
by the actors that modify it ("Sino-Japanese ties", "US-Russia
relations"). What the sentence says of it gives the sign: an adjective on
it ("strained ties", "close relations"), an adjective it is said to be
("have been toxic", "remain tense"), or the verb it is the subject of
("have soured", "improved", "plummeted"). The words are ordinary English
evaluations, not one text's: the negative ones follow CAMEO's and the
tension lexicons' sense of deteriorating relations, the positive ones of
improving ones. A negated, hypothetical or conditional clause ("relations
could improve", "have not soured") says nothing of how they stand.
"""

from __future__ import annotations

from .arguments import Sentence
from .moods import modality

__all__ = ["find_standing"]

_TIES = frozenset({"relation", "relations", "tie", "ties", "relationship", "relationships"})
_NEGATIVE_ADJ = frozenset("""strained tense frosty icy toxic hostile poor bad troubled rocky fraught difficult sour
    soured cool frayed testy uneasy acrimonious antagonistic bitter broken damaged chilly uneasy turbulent
    stormy adversarial""".split())
_POSITIVE_ADJ = frozenset("""close closer warm warmer good friendly cordial excellent strong solid deep brotherly
    fraternal amicable harmonious stable robust improving""".split())
_NEGATIVE_VERB = frozenset("""deteriorate worsen sour plummet plunge sink fray collapse cool chill decline nosedive
    crumble suffer unravel erode hit strain damage poison""".split())
_POSITIVE_VERB = frozenset("""improve warm thaw strengthen deepen grow flourish recover normalise normalize blossom
    mend""".split())
_LINKING = frozenset({"be", "remain", "stay", "become", "grow", "turn", "seem", "appear"})


def find_standing(doc, mentions, party=lambda m: m.country) -> list[tuple]:
    """(a, b, sign, strength, kind, start, end) for each ties noun the sentence evaluates."""
    actors = [m for m in mentions if m.country]
    if not actors or not any(t.lower_ in _TIES for t in doc):
        return []
    sent = Sentence(doc, actors, party)
    out = []
    for tok in doc:
        if tok.lower_ not in _TIES or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        pair = _pair(sent, tok)
        if pair is None:
            continue
        sign, word = _sign(tok)
        if not sign:
            continue
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        if modality(verb if verb is not None else tok) in ("negated", "hypothetical", "conditional"):
            continue
        a, b = pair
        start = min(tok.idx, word.idx)
        end = max(tok.idx + len(tok.text), word.idx + len(word.text))
        out.append((a, b, sign, 0.6, "tension" if sign < 0 else "closeness", start, end))
    return out


def _pair(sent: Sentence, tok):
    """The two actors a ties noun is between, or None."""
    found = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            found.extend(m for g in c.children if g.dep_ == "pobj" for m in sent.actors_at(g))
    if len({sent.party(m) for m in found}) < 2:
        owner = [m for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod") for m in sent.actors_at(c)]
        # "US-Russia relations": the parse may give the first name as the head of a compound
        owner += [m for c in tok.children if c.dep_ == "compound" for g in c.children
                  if g.dep_ in ("compound", "amod", "nmod", "punct") for m in sent.actors_at(g)]
        other = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                 for g in c.children if g.dep_ == "pobj" for m in sent.actors_at(g)]
        if tok.dep_ == "dobj":
            # "Brazil and Argentina enjoy warm relations", "China has close ties with Pakistan"
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            owner += sent.actors_at(subj) if subj is not None else []
            other += [m for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj" for m in sent.actors_at(g)]
        found = owner + other
    parties = []
    for m in found:
        if sent.party(m) not in [sent.party(x) for x in parties]:
            parties.append(m)
    if len(parties) != 2 or parties[0].country == parties[1].country:
        return None
    return parties[0], parties[1]


def _sign(tok) -> tuple[int, object]:
    """(sign, the word that gives it) of what a sentence says of a ties noun; (0, None) for nothing."""
    for c in tok.children:
        if c.dep_ == "amod":
            low = c.lower_
            if low in _NEGATIVE_ADJ:
                return -1, c
            if low in _POSITIVE_ADJ:
                return 1, c
    if tok.dep_ in ("nsubj", "nsubjpass"):
        verb = tok.head
        lemma = verb.lemma_.lower()
        if lemma in _LINKING:
            for c in verb.children:
                if c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in _NEGATIVE_ADJ:
                    return -1, c
                if c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in _POSITIVE_ADJ:
                    return 1, c
        if lemma in _NEGATIVE_VERB:
            return -1, verb
        if lemma in _POSITIVE_VERB:
            return 1, verb
    return 0, None
