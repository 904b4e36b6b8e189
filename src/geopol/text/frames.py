"""Predicate-argument frames over the dependency parse: who does what to whom, in which mood.

Contract: requires a parsed sentence (spaCy ``Doc`` or ``Span``) and the
actor mentions in it (sentence-local character offsets, coreference
included); returns :class:`Frame` records, one per predicate that has an
actor for its source.

A predicate is a verb, an adjective the lexicon knows ("concerned",
"committed", "ready") or an event noun ("talks", "sanctions", "attack").
Its arguments:

- **source**: the subject, with its conjuncts ("X, Y and Z met") and
  appositions ("The Minister, Senator McMullan,"); the passive agent ("by
  X"); for a verb without a subject, the controller (the object of "urged X
  to", else the subject of the verb it depends on) or the noun a relative
  clause hangs on ("..., which"); for a noun, its possessor ("Russia's
  support"), its "by" or "from" phrase, or the subject of the verb it is the
  object of ("held talks with");
- **targets**: the objects and the actors of its prepositional phrases (to,
  with, against, on, at, toward, into, for; between for nouns), with their
  conjuncts; for a passive verb, the subject; failing those, the actors named
  inside the objects ("condemned X's crackdown", "welcomed the agreement
  between X and Y", "concerned by the violence in Ethiopia") up to three
  phrases deep, never a city after a locative preposition ("the signature
  in Washington"); failing those, the targets of the clause a control verb
  governs ("refused to apologise to China");
- **mood** (:func:`modality`): negated, hypothetical (a modal, or a clause
  under a verb of wishing, urging or intending), conditional ("if"), future,
  reported (under a reporting verb), else asserted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .arguments import STATE_NAMES, Sentence, agents, held_in, objects, unique, venue
from .objects import pobjs
from .lexicon import frame_words
from .moods import APPEALING, REPORTING, aim_of, governing_verb, lemma_of, modality, sought
from .verbclasses import (ARRIVING, DETAINING, DRAWING, FIRING, FREEING, LIGHT, MOVING, RECEIVING, RESCUING, STATIVE,
                          SUPPORT, VOICING, WITHDRAWING)

__all__ = ["Frame", "frames", "statement_frame", "DRAWING", "LIGHT", "MOVING", "RECEIVING", "SUPPORT", "VOICING"]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
VERB_PREPS = frozenset({"to", "with", "against", "on", "at", "toward", "towards", "into", "for", "upon", "onto"})
ADJ_PREPS = VERB_PREPS | {"by", "about", "over", "of", "in"}
NOUN_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "for", "between", "of", "over",
                        "at", "upon"})
_AVERTING = frozenset({"against", "from"})  # "warned X against doing", "kept X from doing"
_RELATIVE = frozenset({"which", "who", "that", "whom"})
# Adjectives of a comment on how things stand (CAMEO 012, 013, 018): "concerned", "optimistic", "saddened"
_COMMENTS = frozenset({"concerned", "worried", "alarmed", "disturbed", "troubled", "dismayed", "saddened",
                       "optimistic", "hopeful", "encouraged", "pessimistic"})
_SETTING = frozenset({"at", "during", "in", "after", "before", "following", "on"})  # "at a meeting with X"


@dataclass(frozen=True, slots=True)
class Frame:
    """One predicate with its actors and the words that code it."""

    head: int                 # token index in the sentence
    lemma: str
    pos: str                  # verb, adj, noun
    particle: str
    sources: tuple            # FoundMention, ...
    targets: tuple
    subj: str                 # the subject's head lemma
    objs: frozenset           # object head lemmas (and the noun of "hours of talks")
    preps: frozenset          # (preposition, head lemma)
    prts: frozenset           # particles
    modality: str
    content: int | None       # the reported clause's head, for a speech verb
    clause: tuple[int, int]   # character span of the predicate's own words (sentence-local)
    passive: bool = False
    addressee: tuple = ()     # who a speech act is told to ("told X", "urged X")
    nested: bool = False      # the targets are named inside an object, not the object itself
    args: tuple = ()          # token indices of the objects (a passive verb's subject first)
    content_subjects: tuple = ()  # the actors the reported clause has for subject ("that Libya must ...")
    content_actors: tuple = ()    # every actor the reported clause names
    primary: str = ""             # the first object's head lemma: a pattern on it reads first
    agents: tuple = ()            # who did what the object names ("condemned attacks by X"): X
    drawn: bool = False           # a reaction drawn from the sources ("drew criticism from X"): the object's act


def _subject_tok(verb):
    return next((c for c in verb.children if c.dep_ in _SUBJ), None)


def _primary(direct) -> str:
    return direct[0].lemma_.lower() if direct else ""


def _is_passive(verb) -> bool:
    if verb.lemma_.lower() in STATIVE and not any(c.dep_ == "agent" for c in verb.children):
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and \
            any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ not in ("conj", "ROOT"):
        return True  # a bare participle with a "subject": a reduced relative misparsed ("every American detained")
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
        (verb.dep_ in ("acl", "relcl", "amod") and verb.tag_ == "VBN"
         and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children))  # "every American detained"


def _clause_span(tok, base) -> tuple[int, int]:
    """The predicate's own words: its subtree up to the first relative or reported clause inside it
    ("met at the residence where Bolivar died in 1830": the meeting is not dated 1830). A projective
    subtree is the span from its left to its right edge."""
    left, right = tok.left_edge, tok.right_edge
    doc = tok.doc
    end = right.idx + len(right.text)
    for i in range(tok.i + 1, right.i + 1):
        t = doc[i]
        if t.dep_ in ("relcl", "ccomp"):
            first = t.left_edge
            if first.i > tok.i:
                prev = doc[first.i - 1]
                end = prev.idx + len(prev.text)
            break
    return left.idx - base, end - base


def frames(doc, mentions, *, lexicon, party=lambda m: m.country) -> list[Frame]:
    """The frames of one parsed sentence (a spaCy Doc or Span) whose source is an actor."""
    sent = Sentence(doc, [m for m in mentions if m.country or m.kind == "group"], party)
    out = []
    for tok in doc:
        pos = tok.pos_
        lemma = tok.lemma_.lower()
        # the form the lexicon knows the predicate by: as written ("talks", "concerned") or its lemma
        adj_key = tok.lower_ if lexicon.predicate(tok.lower_, "adj") else lemma if lexicon.predicate(lemma, "adj") \
            else None
        noun_key = lexicon.noun_key(tok)
        adjective = (pos == "ADJ" or pos == "VERB" and tok.tag_ == "VBN") and adj_key
        if adjective and (pos == "ADJ" or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
                          or tok.dep_ in ("acomp", "xcomp")):
            f = _adj_frame(sent, tok, adj_key)  # "I am deeply disturbed by", "is committed to"
        elif pos == "VERB":  # a verb the lexicon does not know still has a frame, for a classifier to type
            f = _verb_frame(sent, tok, lemma_of(tok))
        elif pos in ("NOUN", "PROPN") and noun_key:
            noun = lexicon.predicate(noun_key, "noun")
            f = _noun_frame(sent, tok, noun_key, force=noun is not None and noun.code[:2] in ("18", "19", "20"))
        else:
            f = None
        if f is not None:
            out.append(f)
            if f.content is not None:
                # "maintains the crew is held ... and that the US should apologise": each reported clause
                for c in doc[f.content].children:
                    if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and _subject_tok(c) is not None:
                        out.append(_with_content(sent, f, c))
    return out


def statement_frame(doc, mentions, speaker, *, party=lambda m: m.country) -> Frame | None:
    """The frame of a sentence read as said by ``speaker`` (the author of a statement, the speaker of a
    quotation): the sentence's main clause is its content."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    sent = Sentence(doc, [m for m in mentions if m.country or m.kind == "group"], party)
    base = Frame(head=root.i - sent.first, lemma="say", pos="verb", particle="", sources=(speaker,), targets=(),
                 subj="", objs=frozenset(), preps=frozenset(), prts=frozenset(), modality="asserted",
                 content=None, clause=_clause_span(root, sent.base))
    return _with_content(sent, base, root)


def _with_content(sent, f: Frame, clause) -> Frame:
    subj_tok = _subject_tok(clause)
    c_subj = tuple(sent.actors_at(subj_tok)) if subj_tok is not None else ()
    c_actors = tuple(unique(m for t in clause.subtree for m in sent.at(t)))
    return replace(f, content=clause.i - sent.first, content_subjects=c_subj, content_actors=c_actors)


def _sources(sent, verb, depth: int = 0) -> list:
    """The actors doing what ``verb`` says."""
    if depth > 4:
        return []
    if _is_passive(verb):
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return [m for a in agent for m in sent.actors_at(a)]
        if verb.dep_ in ("acl", "relcl", "amod"):
            return []
    subj = _subject_tok(verb)
    if subj is not None and subj.dep_ == "nsubj" and _is_passive(verb) and \
            not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []  # the misparsed "subject" of a bare participle is what was done to
    if subj is not None and not _is_passive(verb):
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return sent.actors_at(verb.head)
        return sent.actors_at(subj)
    if subj is not None:
        return []  # passive without an agent: nobody named
    if verb.dep_ == "relcl":
        return sent.actors_at(verb.head)
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "ccomp") and verb.head is not verb:
        head = verb.head if verb.dep_ != "pcomp" else verb.head.head
        if verb.dep_ == "pcomp" and verb.head.lower_ in _AVERTING:
            # "warned Finland against joining NATO", "stopped Iran from enriching": the object would act
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None and sent.actors_at(obj):
                return sent.actors_at(obj)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "for" and verb.tag_ == "VBG":
            # "sanctioned three Chinese companies for supplying Russia", "thanked Cuba for hosting the talks":
            # the one the reason is about did it, not the subject
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return sent.actors_at(obj)
        if verb.dep_ == "xcomp":
            # object control: "urged all parties to cease", "helped Israel take down"
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None and sent.actors_at(obj):
                return sent.actors_at(obj)
        if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and lemma_of(head) in APPEALING:
            # "called on Burma to free", "appealed to Japan to stop", "pressed for Iran to release": the one asked
            asked = [m for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "for")
                     for g in c.children if g.dep_ == "pobj" for m in sent.actors_at(g)]
            if asked:
                return asked
        aim = aim_of(verb)
        if aim is not None:
            # "Japan's aim is to restore ties", "the priority of the government is to": the aim's owner
            return [m for c in aim.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                    for m in sent.actors_at(c)] + [m for c in aim.children if c.dep_ == "prep" and c.lower_ == "of"
                                                   for g in c.children for m in sent.actors_at(g)]
        if verb.dep_ == "ccomp" and head.pos_ != "VERB":
            return []
        if verb.dep_ == "ccomp":
            return []
        return _sources(sent, head, depth + 1)
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Sudan's decision to expel the envoy", "China's plan to build": the noun's owner would act
        return [m for c in verb.head.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                for m in sent.actors_at(c)]
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.dep_ == "ROOT" and \
            any(c.dep_ == "dobj" for c in verb.children):
        # "Israeli air strikes killed 40 people", parsed as a participle of its subject: the noun does it
        return sent.actors_at(verb.head)
    return []


def _targets(sent, tok, direct, preps, allowed, sources) -> list:
    return _targets_how(sent, tok, direct, preps, allowed, sources)[0]


def _targets_how(sent, tok, direct, preps, allowed, sources) -> tuple[list, bool]:
    """(targets, nested): the actors acted on, and whether they were found only inside the objects."""
    own = {party for m in sources if (party := sent.party(m))}
    out = []
    for o in direct:
        out.extend(sent.actors_at(o))
    for p, o in preps:
        if p.lower_ in allowed:
            out.extend(m for m in sent.actors_at(o) if not venue(p.lower_, m, tok))
    out = [m for m in unique(out) if sent.party(m) not in own]
    if out:
        return out, False
    nested = []
    for o in direct:
        # "condemns North Korea's launch of a missile over Japan": the act's owner, not where it went
        owners = [m for c in o.children if c.dep_ == "poss" for m in sent.actors_at(c) if sent.party(m) not in own]
        nested.extend(owners or sent.nested(o))
    for p, o in preps:
        if p.lower_ in allowed or p.lower_ in ("over", "about", "of", "in"):
            nested.extend(sent.nested(o))
    return [m for m in unique(nested) if sent.party(m) not in own], True


def _verb_frame(sent, verb, lemma) -> Frame | None:
    sources = _sources(sent, verb)
    passive = _is_passive(verb)
    direct, preps = objects(verb)
    if passive:
        patient = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
        if verb.dep_ in ("acl", "relcl", "amod") and not patient:
            patient = [verb.head]
        elif not patient and verb.dep_ == "xcomp":
            # "soldiers are reported to have been sent": the subject of the raising verb
            patient = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if patient and patient[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
            patient = [verb.head]  # "Americans who have been detained": the noun the clause hangs on
        direct = patient + direct
    if not sources and passive and lemma in MOVING:
        # "10,000 North Korean soldiers were sent to Russia": a state's own forces, sent by it
        sources = [m for p in direct[:1] for m in sent.actors_at(p) if m.kind == "sector" and m.role
                   and m.role.startswith(("MIL", "GOV"))]
    if not sources and passive and lemma in FIRING and not any(c.dep_ == "agent" for c in verb.children):
        # "a rocket was fired at Israel from Lebanon", "missiles launched from Yemen": from where it was fired
        sources = [m for p, o in preps if p.lower_ == "from" for m in sent.actors_at(o) if m.kind in STATE_NAMES]
    if not sources and passive and lemma in DETAINING:
        # "Americans detained in Russia": the state the prison is in holds them; "detained Americans in
        # Syria": the place hangs on the noun the participle modifies
        sources = held_in(sent, preps) or (held_in(sent, objects(verb.head)[1]) if verb.dep_ == "amod" else [])
    if not sources and passive and lemma in FREEING and direct:
        # "Americans who have been detained in Venezuela have been released": freed by the state that held them
        held = [c for c in direct[0].children if c.dep_ in ("relcl", "acl", "amod") and c.lemma_.lower() in DETAINING]
        for h in held:
            sources = held_in(sent, objects(h if h.dep_ != "amod" else direct[0])[1])
            if sources:
                break
        if not sources and lemma not in RESCUING:
            # "deported from the US", "released from Russia"; not "evacuated from Niger" (by someone else)
            sources = [m for p, o in preps if p.lower_ == "from" for m in sent.actors_at(o)
                       if m.kind in STATE_NAMES]
    drawn = []
    if lemma in DRAWING and direct and not passive:
        # "Sudan's decision drew criticism from the US", "the test sparked protests from Beijing": the
        # reaction is the giver's, aimed at whoever did what drew it
        givers = [m for p, o in preps + [(c, g) for c in direct[0].children if c.dep_ == "prep"
                                          for g in c.children if g.dep_ == "pobj"]
                  if p.lower_ in ("from", "by") for m in sent.actors_at(o)]
        subj = _subject_tok(verb)
        if givers and subj is not None:
            drawn = sent.actors_at(subj) or sent.nested(subj, 2)
            sources = givers if drawn else sources
    if not sources:
        return None
    objs, pp, prts = frame_words(verb, direct, preps, sent)
    targets, nested = _targets_how(sent, verb, direct, preps, VERB_PREPS, sources)
    if lemma in MOVING and not passive and direct:
        # "sent peacekeepers to Mali": what is sent goes where the "to" names; it is not acted on itself
        goal = [m for p, o in preps if p.lower_ in ("to", "into") for m in sent.actors_at(o)]
        if goal:
            sent_off = {id(m) for o in direct for m in sent.actors_at(o)}
            targets = [m for m in targets if id(m) not in sent_off] or targets
    if drawn:
        targets, nested = [m for m in drawn if sent.party(m) not in {sent.party(x) for x in sources}], False
    if not targets and lemma in WITHDRAWING:
        # "withdrew its troops from Syria", "pulled out of Afghanistan": the state left is the one acted on
        own = {sent.party(m) for m in sources}
        targets = [m for p, o in preps if p.lower_ in ("from", "of") for m in sent.actors_at(o)
                   if sent.party(m) not in own]
        nested = False
    if not targets and lemma in ARRIVING:
        # "arrived in Tehran", "landed in Kabul": where one arrives is the place visited, not a venue
        own = {sent.party(m) for m in sources}
        targets = [m for p, o in preps if p.lower_ in ("in", "at") for m in sent.actors_at(o)
                   if sent.party(m) not in own]
        nested = False
    addressee = []
    if lemma in REPORTING:
        addressee = [m for c in verb.children if c.dep_ in ("dative", "dobj") for m in sent.actors_at(c)]
        addressee += [m for p, o in preps if p.lower_ == "to" for m in sent.actors_at(o)]
    if not targets:
        # a control verb's clause: "refused to apologise to the Chinese government"
        for c in verb.children:
            purpose = c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            if c.dep_ == "xcomp" or purpose:  # "sending 400,000 soldiers to support Kim Il-sung"
                d2, p2 = objects(c)
                targets, nested = _targets_how(sent, c, d2, p2, VERB_PREPS, sources)
                if nested and direct and c.dep_ == "xcomp":
                    # "ordered former president Menem to appear ... in an inquiry into arms sales to Croatia": the
                    # one ordered is the object; a state deep inside what he is to do is not the one acted on
                    targets = []
                if targets:
                    break
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None and lemma in REPORTING:
        clause = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    content = clause.i - sent.first if clause is not None else None
    c_subj, c_actors = (), ()
    if clause is not None:
        subj_tok = _subject_tok(clause)
        c_subj = tuple(sent.actors_at(subj_tok)) if subj_tok is not None else ()
        inside = {t.i for t in clause.subtree}
        c_actors = tuple(unique(m for t in clause.subtree for m in sent.at(t) if t.i in inside))
    subj = _subject_tok(verb)
    return Frame(head=verb.i - sent.first, lemma=lemma, pos="verb",
                 particle=" ".join(c.lower_ for c in verb.children if c.dep_ == "prt"),
                 sources=tuple(sources), targets=tuple(targets), subj=subj.lemma_.lower() if subj is not None else "",
                 objs=frozenset(objs), preps=frozenset(pp), prts=frozenset(prts), modality=modality(verb),
                 content=content, clause=_clause_span(verb, sent.base), passive=passive,
                 addressee=tuple(unique(addressee)), nested=nested,
                 args=tuple(o.i - sent.first for o in direct), content_subjects=c_subj, content_actors=c_actors,
                 primary=_primary(direct), agents=tuple(agents(sent, direct, preps, sources)), drawn=bool(drawn))


def _adj_frame(sent, adj, key: str) -> Frame | None:
    # "I am deeply concerned by ...", "The United States is committed to helping Ethiopia"
    holder = adj if adj.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl") else adj.head
    subj = _subject_tok(holder) or _subject_tok(adj)
    sources = sent.actors_at(subj) if subj is not None else _sources(sent, holder)
    if not sources:
        return None
    direct, preps = objects(adj)
    targets = _targets(sent, adj, direct, preps, ADJ_PREPS, sources)
    if not targets:
        for c in list(adj.children) + [g for p, o in preps for g in [o]]:
            if c.dep_ in ("xcomp", "pcomp", "ccomp"):
                d2, p2 = objects(c)
                targets = _targets(sent, c, d2, p2, VERB_PREPS, sources)
                if not targets and c.dep_ == "ccomp" and (inner := _subject_tok(c)) is not None:
                    # "confident that Pakistan would honour the ceasefire": the actor the clause is about
                    own = {sent.party(m) for m in sources}
                    targets = [m for m in sent.actors_at(inner) if sent.party(m) not in own]
                if targets:
                    break
    if not targets and key in _COMMENTS:
        # "deeply concerned by the escalating violence in Ethiopia's Amhara region": a comment on a situation
        # is a comment on the state it is in
        own = {sent.party(m) for m in sources}
        topics = [o for p, o in preps if p.lower_ in ADJ_PREPS] + \
            [g for c in adj.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        targets = [m for o in topics for g in pobjs(o, ("in", "inside", "across"))
                   for m in sent.actors_at(g) + sent.nested(g, 1) if sent.party(m) not in own and m.kind != "person"]
    objs, pp, prts = frame_words(adj, direct, preps, sent)
    return Frame(head=adj.i - sent.first, lemma=key, pos="adj", particle="", sources=tuple(sources),
                 targets=tuple(targets), subj=subj.lemma_.lower() if subj is not None else "", objs=frozenset(objs),
                 preps=frozenset(pp), prts=frozenset(prts), modality=modality(holder), content=None,
                 clause=_clause_span(holder, sent.base))


def _noun_frame(sent, noun, key: str, force: bool = False) -> Frame | None:
    """An event noun with its actors: "Russia's support for Assad", "talks between X and Y". ``force``: the
    noun names a use of force, which "in" a state is used on it ("the Turkish offensive in Syria")."""
    sources, targets = [], []
    between, owner, by = [], [], []
    for c in noun.children:
        if c.dep_ == "poss":
            owner.extend(sent.actors_at(c))
        elif c.dep_ in ("amod", "compound", "nmod") and sent.at(c):
            sources.extend(sent.actors_at(c))
        elif c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ == "from" and noun.lemma_.lower() in ("withdrawal", "retreat", "pullout", "evacuation"):
                targets.extend(m for o in objs for m in sent.actors_at(o))  # "the withdrawal from Iraq"
            elif c.lower_ == "of" and noun.lemma_.lower() in ("withdrawal", "retreat", "pullout", "evacuation"):
                # "the withdrawal of its forces from Panama": the state the forces leave
                targets.extend(m for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "from"
                               for g in p.children if g.dep_ == "pobj" for m in sent.actors_at(g))
                targets.extend(m for o in objs for m in sent.actors_at(o))
            elif c.lower_ in ("by", "from"):
                by.extend(m for o in objs for m in sent.actors_at(o))
            elif c.lower_ in ("between", "among"):
                between.extend(m for o in objs for m in sent.actors_at(o))
            elif c.lower_ in NOUN_PREPS:
                targets.extend(m for o in objs for m in sent.actors_at(o))
        elif c.dep_ == "agent":
            by.extend(m for g in c.children for m in sent.actors_at(g))
    if not owner and not sources:
        sources.extend(sent.leaders(noun))  # "the US-led invasion of Iraq"
    if by and owner and {sent.party(m) for m in owner} - {sent.party(m) for m in by}:
        # "her release by Russia", "Kuwait's invasion by Iraq": the owner is what was done to
        sources, targets = by + sources, owner + targets
    else:
        sources = owner + by + sources
    if not sources and not by and noun.lemma_.lower() in FREEING:
        # "the release of four French hostages held in Lebanon": freed by the state that held them
        freed = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        # or by the state they are released from: "the release of 16 people from Russia"
        sources = [m for g in freed for c in g.children if c.dep_ == "prep" and c.lower_ == "from"
                   for o in c.children if o.dep_ == "pobj" for m in sent.actors_at(o) if m.kind in STATE_NAMES]
        for h in (h for g in freed for h in g.children if h.dep_ in ("acl", "relcl", "amod")
                  and h.lemma_.lower() in DETAINING):
            if sources:
                break
            sources = held_in(sent, objects(h if h.dep_ != "amod" else h.head)[1])  # "detained Britons in Iran"
        if sources:
            targets = targets or [m for g in freed for m in sent.actors_at(g) or sent.nested(g, 1)]
    if between and len({sent.party(m) for m in between}) >= 2:
        sources, targets = [between[0]], [m for m in between[1:] if sent.party(m) != sent.party(between[0])]
    if not sources and targets and noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB" and \
            (noun.dep_ == "attr" or noun.head.lemma_.lower() in SUPPORT):
        # "Kerry held talks with Lavrov", "launched an attack on": the subject of the verb of the noun; not
        # "condemned the attack on Israel", "lifted the sanctions on Iran": that act is someone else's
        sources = _sources(sent, noun.head)
    elif not sources and targets and noun.dep_ == "pobj" and noun.head.lower_ in _SETTING \
            and noun.head.head.pos_ in ("VERB", "AUX"):
        # "at a meeting with Tang, the ambassador refused ...", "during talks with X, Y said": who took part
        sources = _sources(sent, noun.head.head)
    if sources and not targets and noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING:
        # "they received official pardons from President Poroshenko": the receiver is acted on
        targets = _sources(sent, noun.head)
    if sources and not targets and force:
        own = {sent.party(m) for m in sources}
        targets = [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "inside", "into")
                   for g in c.children if g.dep_ == "pobj" for m in sent.actors_at(g)
                   if sent.party(m) not in own and m.kind != "person"]
    if not sources or not targets:
        return None
    own = {sent.party(m) for m in sources}
    targets = [m for m in unique(targets) if sent.party(m) not in own]
    if not targets:
        return None
    governing = governing_verb(noun)
    mood = modality(governing) if governing is not None else "asserted"
    if mood in ("hypothetical", "future") and any(c.dep_ == "poss" for c in noun.children):
        mood = "asserted"  # "gauge the status of Russia's support": a possessed event is taken as given
    if sought(noun):
        mood = "hypothetical"  # "called for the release of", "urged a ceasefire": asked for, not done
    objs = {g.lemma_.lower() for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"}
    pp = {(c.lower_, g.lemma_.lower()) for c in noun.children if c.dep_ == "prep" for g in c.children
          if g.dep_ == "pobj"}
    span = _clause_span(noun, sent.base)
    return Frame(head=noun.i - sent.first, lemma=key, pos="noun", particle="",
                 sources=tuple(unique(sources)), targets=tuple(targets), subj="", objs=frozenset(objs),
                 preps=frozenset(pp), prts=frozenset(), modality=mood, content=None, clause=span)
