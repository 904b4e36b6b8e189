"""The actors of a parsed sentence's phrases: which mentions a noun phrase names, whole or inside it.

Contract: requires a parsed sentence and its actor mentions (sentence-local
character offsets); :class:`Sentence` answers, for a token heading a phrase,
the actors the phrase is (with conjuncts, appositions and the members listed
after "including") and the actors named inside it (possessors, demonyms,
prepositional phrases, a few phrases deep; never a city after a locative
preposition). Used by the frames (:mod:`geopol.text.frames`).
"""

from __future__ import annotations

__all__ = ["Sentence", "mentions_by_token", "unique", "venue", "objects", "agents", "held_in", "STATE_NAMES",
           "NESTED_PREPS", "LOCATIVE", "PLACE_KINDS"]

# Prepositions whose object, inside an object phrase, can be the one acted on ("by" and "from" name the
# agent of the noun: "crimes by Croatian extremists against Serb civilians").
NESTED_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "for", "between", "of",
                          "in", "at", "over", "upon", "among", "under"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "within"})
PLACE_KINDS = frozenset({"capital", "place"})
_MODIFIER = frozenset({"amod", "compound", "nmod", "poss"})
# Words whose "at" names a goal, not a venue: "fired at", "lashed out at", "angry at".
_AT_GOAL = frozenset({"aim", "fire", "shoot", "strike", "hit", "lash", "direct", "point", "throw", "hurl", "swipe",
                      "jab", "rail", "snap", "angry", "furious", "upset", "annoyed", "laugh", "scoff", "sneer"})


def venue(prep: str, mention, head=None) -> bool:
    """Whether the object of ``prep`` says where something happened rather than to whom: a city after a
    locative preposition ("in Moscow"), an organisation after "at" ("accused Venezuela at the OAS") unless
    the word it depends on aims at it (``head``: "fired at", "lashed out at")."""
    if prep in LOCATIVE and mention.kind in PLACE_KINDS:
        return True
    return (prep == "at" and (mention.kind == "igo" or str(mention.actor).startswith("IGO"))
            and (head is None or head.lemma_.lower() not in _AT_GOAL))


def mentions_by_token(doc, mentions) -> list[list]:
    """For each token, the mentions whose span holds it (sentence-local offsets)."""
    from bisect import bisect_left

    from spacy.attrs import IDX

    if not len(doc):
        return []
    base = doc[0].idx
    offsets = (doc.to_array([IDX]).ravel() - base).tolist()  # without building a Token per word
    out = [[] for _ in range(len(offsets))]
    for m in mentions:
        k = bisect_left(offsets, m.start)
        while k < len(offsets) and offsets[k] < m.end:
            out[k].append(m)
            k += 1
    return out


class Sentence:
    def __init__(self, doc, mentions, party):
        self.doc = doc
        self.first = doc[0].i if len(doc) else 0
        self.base = doc[0].idx if len(doc) else 0
        self.by_token = mentions_by_token(doc, mentions)
        self.party = party
        self.tokens_of: dict[int, list[int]] = {}  # id(mention) -> its token indices (sentence-local)
        for k, ms in enumerate(self.by_token):
            for m in ms:
                self.tokens_of.setdefault(id(m), []).append(k)

    def at(self, tok) -> list:
        return self.by_token[tok.i - self.first]

    def actors_at(self, tok, *, seen=None) -> list:
        """The actors a noun phrase headed by ``tok`` names as a whole (conjuncts and appositions included)."""
        seen = seen if seen is not None else set()
        if tok.i in seen:
            return []
        seen.add(tok.i)
        out = list(self.at(tok))
        if out:
            # conjuncts inside the mention's phrase: "the Governments of Sudan and South Sudan"
            span = {k + self.first for m in out for k in self.tokens_of.get(id(m), ())}
            for i in span:
                for c in self.doc[i - self.first].children:
                    if c.dep_ == "conj" and c.i not in span:
                        out.extend(self.actors_at(c, seen=seen))
                t = self.doc[i - self.first]
                if t.dep_ == "conj" and t.head.i not in span and t.head.dep_ in _MODIFIER and t.head.head.i in span:
                    # "US and Russian diplomats": the first of two coordinated modifiers of the mention's noun
                    out.extend(self.actors_at(t.head, seen=seen))
        else:
            for c in tok.children:
                if c.dep_ == "appos":
                    out.extend(self.actors_at(c, seen=seen))
            if not out and (tok.lemma_.lower() in _COLLECTIVE or tok.lemma_.lower() in _HEAD_OF or
                            tok.pos_ == "NUM"):  # "three of its soldiers"
                # "a group of prominent Liberians", "a delegation of Chinese officials": the members;
                # "the chief of the Swaziland armed forces", "the head of Egypt's intelligence": the body led
                out.extend(m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj" for m in self.actors_at(g, seen=seen))
            if not out and tok.pos_ in ("NOUN", "PROPN", "PRON"):
                # "Israeli and Palestinian leaders": an adjective naming the actor of an actor noun
                for c in tok.children:
                    if c.dep_ in ("amod", "compound", "poss", "nmod") and self.at(c) and _is_agent_noun(tok):
                        out.extend(self.actors_at(c, seen=seen))
                if not out and _is_agent_noun(tok):
                    out.extend(self.leaders(tok))  # "Vietnamese-led forces", "the US-led coalition"
                if not out:
                    out.extend(self.leaders(tok, _OWNING))  # "a British-flagged tanker", "a Russian-owned bank"
            if not out and tok.pos_ == "PROPN":
                # "Serbian nationalist leader Vojislav Seselj": a name under a title noun names the title's actor
                for c in tok.children:
                    if c.dep_ == "compound" and c.pos_ == "NOUN" and _is_agent_noun(c):
                        out.extend(self.actors_at(c, seen=seen))
        for c in tok.children:
            if c.dep_ == "conj":
                out.extend(self.actors_at(c, seen=seen))
            elif c.dep_ == "prep" and c.lower_ in ("including", "especially", "notably", "particularly"):
                # "our Allies ... including Germany, Poland and Norway": the members named
                out.extend(m for g in c.children if g.dep_ == "pobj" for m in self.actors_at(g, seen=seen))
        return unique(out)

    def leaders(self, tok, verbs=frozenset({"lead", "led"})) -> list:
        """The actors a "-led" modifier names as leading ``tok``: "the US-led coalition", "Saudi-led forces"
        (not "-backed": who backs a group is not the group); with ``verbs``, another such participle
        ("British-flagged", "state-owned")."""
        return [m for c in tok.children if c.dep_ == "amod" and c.tag_ in ("VBN", "JJ")
                and (c.lemma_.lower() in verbs or c.lower_ in verbs)
                for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod", "amod") for m in self.actors_at(g)]

    def nested(self, tok, depth: int = 3, *, seen=None) -> list:
        """Actors named inside a phrase that is no actor itself: possessors, demonyms, prepositional phrases."""
        seen = seen if seen is not None else set()
        out = []
        for c in tok.children:
            if c.i in seen:
                continue
            seen.add(c.i)
            if c.dep_ in ("poss", "amod", "nmod", "compound") and self.at(c):
                out.extend(self.actors_at(c))  # "Iraq's", "an Israeli village", "a U.S. request"
            elif c.dep_ == "compound" and depth > 1:
                out.extend(self.nested(c, depth - 1, seen=seen))  # "Zimbabwean passport holders"
            elif c.dep_ == "acl" and c.tag_ == "VBN" and depth > 1:
                out.extend(self.nested(c, depth - 1, seen=seen))  # "the privilege extended to ..."
            elif c.dep_ == "prep" and c.lower_ in ("by", "from") and depth > 1:
                # "crimes by extremists against Serb civilians": past the doer, to what was done to whom
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.extend(m for x in g.children if x.dep_ == "prep" and x.lower_ in NESTED_PREPS
                                   for gg in x.children if gg.dep_ == "pobj" for m in self.actors_at(gg))
            elif c.dep_ == "prep" and c.lower_ in NESTED_PREPS:
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    found = [m for m in self.actors_at(g) if not venue(c.lower_, m, c.head)]
                    out.extend(found)
                    if depth > 1 and not found:
                        out.extend(self.nested(g, depth - 1, seen=seen))
            elif c.dep_ == "conj" and depth > 1:
                out.extend(self.actors_at(c) or self.nested(c, depth - 1, seen=seen))
        return unique(out)


def unique(ms) -> list:
    out, keys = [], set()
    for m in ms:
        k = (m.start, m.end, m.actor)
        if k not in keys:
            keys.add(k)
            out.append(m)
    return out


_OBJ = ("dobj", "dative", "iobj", "oprd")
STATE_NAMES = frozenset({"name", "capital", "abbrev", "sector", "official"})  # mentions that stand for a state


def objects(verb) -> tuple[list, list]:
    """(direct objects, (preposition token, object) pairs) of a predicate."""
    direct, preps = [], []
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "sent to Russia" parsed as a dative
            preps.extend((c, g) for g in c.children if g.dep_ in ("pobj", "pcomp"))
        elif c.dep_ in _OBJ:
            direct.append(c)
        elif c.dep_ == "prep":
            preps.extend((c, g) for g in c.children if g.dep_ in ("pobj", "pcomp"))
    if not direct:
        # "denounced as an ugly crime Serbia's suppression of ...": the object put after its "as" phrase,
        # which the parser hangs on the phrase as an apposition or a second object of "as"
        for p in {id(p): p for p, o in preps if p.lower_ == "as"}.values():
            objs = [g for g in p.children if g.dep_ == "pobj"]
            direct += objs[1:] + [a for o in objs[:1] for a in o.children if a.dep_ == "appos"]
    return direct, preps


def agents(sent, direct, preps, sources) -> list:
    """The actors an object noun names as its doer: "attacks by X", "a protest from X"."""
    own = {sent.party(m) for m in sources}
    out = []
    for o in list(direct) + [o for p, o in preps]:
        for c in o.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.extend(sent.actors_at(g) or sent.nested(g, 2))
    return [m for m in unique(out) if sent.party(m) not in own]


def held_in(sent, preps) -> list:
    """The state a prison or a hold is in: "detained in Russia", "held by Iran"."""
    return [m for p, o in preps if p.lower_ in ("in", "by") for m in sent.actors_at(o) if m.kind in STATE_NAMES]


_AGENT_NOUNS = frozenset("""leader leaders government governments official officials minister ministers president
    forces troops army military authorities authority diplomat diplomats delegation envoy ambassador regime
    administration police counterpart counterparts side sides people citizens nationals partners allies ally
    embassy embassies consulate mission spokesman spokeswoman spokesperson spokesmen representative
    representatives negotiator negotiators delegate delegates envoys ambassadors commander commanders soldiers
    lawmakers legislators coalition country nation homeland""".split())
# Participles that make a thing its modifier's: "a British-flagged tanker", "a Chinese-owned port" (not "-made",
# "-backed", "-built": who made or backs a thing does not hold it).
_OWNING = frozenset({"flag", "flagged", "own", "owned", "register", "registered", "operate", "operated"})
# Nouns that stand for their members: "a group of Liberians", "a delegation of US senators".
_COLLECTIVE = frozenset("""group delegation team number dozen dozens hundred hundreds thousand thousands couple
    handful party contingent batch unit detachment squad wave body""".split())
# Nouns that stand for the body they lead or speak for: "the chief of the armed forces", "the head of".
_HEAD_OF = frozenset("""chief head leader commander director chairman chairwoman chair secretary minister president
    spokesman spokeswoman spokesperson envoy ambassador representative member members""".split())
# What forces act through: "Israeli tanks fired", "Russian missiles hit", "Chinese ships entered" name the state.
_INSTRUMENTS = frozenset("""tank helicopter warplane jet aircraft bomber fighter drone gunboat warship ship vessel
    boat submarine bulldozer artillery missile rocket shell""".split())


# Acts of force that stand for whoever used them: "Israeli air strikes killed", "Russian shelling hit".
_FORCE_ACTS = frozenset("""strike airstrike shelling bombardment bombing raid barrage fire gunfire artillery
    offensive""".split())


def _is_agent_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in _FORCE_ACTS:
        # the doer of the clause's act, or of an active participle on it ("air strikes killed 40 people" parsed
        # as a participle of "strikes")
        return tok.dep_ in ("nsubj", "agent") or tok.head.dep_ == "agent" or tok.dep_ == "ROOT" and any(
            c.dep_ == "acl" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children)
    return lemma in _AGENT_NOUNS or tok.lower_ in _AGENT_NOUNS or lemma in _INSTRUMENTS
