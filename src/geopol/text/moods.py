"""The mood of a predicate: negated, hypothetical, conditional, future, reported or asserted.

Contract: requires a parsed token (a verb, an adjective, or a noun whose
governing verb decides); returns one of the model's modalities. Used by the
frames (:mod:`geopol.text.frames`) and by the coding of speech acts.
"""

from __future__ import annotations

__all__ = ["APPEALING", "aim_of", "modality", "performed", "sought", "refusal", "consequence", "own_mood", "governing_verb", "lemma_of", "REPORTING"]

REPORTING = frozenset("""say state tell add announce declare insist maintain note stress warn claim argue assert
    reiterate repeat affirm reaffirm confirm explain indicate comment respond reply write acknowledge allege
    report caution emphasise emphasize underline point remark observe predict contend""".split())
_MODALS = {"may": "hypothetical", "might": "hypothetical", "could": "hypothetical", "would": "hypothetical",
           "should": "hypothetical", "must": "hypothetical", "will": "future", "shall": "future",
           "'ll": "future", "wo": "future", "ca": "hypothetical"}
# Verbs whose clause is not (yet) done: wishes, requests, intentions, attempts, fears.
_IRREALIS = frozenset("""hope want wish seek aim try attempt urge ask call appeal request demand plan intend expect
    propose suggest encourage need fear threaten offer promise pledge vow agree prepare consider
    recommend advise invite press push lobby allow permit enable order""".split())
# Verbs whose prepositional object is asked to do what the infinitive says: "called on X to", "appealed to X to".
APPEALING = frozenset({"call", "appeal", "press", "push", "plead", "lobby", "rely", "count", "look", "wait"})
_NEGATING = frozenset({"refuse", "fail", "decline", "reject", "deny", "avoid", "stop", "cease", "prevent", "block",
                       "halt", "forbid", "ban", "prohibit"})
_ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep", "help", "go", "come", "move", "manage",
                        "proceed", "finish", "complete", "stand"})
# Nouns an infinitive hangs on: what was decided is done, what was refused is not, anything else (a plan,
# an offer, a threat, a bid) is still to come.
_NOUN_DONE = frozenset({"decision", "move", "step", "order", "vote", "choice", "resolution", "agreement"})
_NOUN_NEGATING = frozenset({"refusal", "failure", "reluctance"})
# Nouns whose "that" clause is what someone says or fears, not what is told as done: "accusations that it had
# carried out arrests" is reported (and, when the accusation is denied or rejected, not asserted at all)
_CLAIM_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "report", "rumour", "rumor", "assertion",
                          "suggestion", "speculation", "suspicion", "fear", "concern", "belief", "impression",
                          "notion", "idea", "theory", "possibility", "prospect", "hope", "assumption"})
_CLAIM_DOUBT = frozenset({"fear", "concern", "suspicion", "speculation", "possibility", "prospect", "hope", "idea",
                          "theory", "notion", "assumption", "impression", "belief", "suggestion"})
_BELIEF = frozenset({"believe", "think", "suppose", "assume", "guess", "doubt", "imagine", "suspect", "feel"})
_LIKELIHOOD = frozenset({"likely", "unlikely", "improbable", "probable", "possible", "impossible", "doubtful",
                         "uncertain", "conceivable", "plausible", "clear"})


def modality(tok) -> str:
    """The mood of a predicate: negated, hypothetical, conditional, future, reported or asserted.

    The predicate's own words decide first (not, a modal, "if"); then each
    clause it hangs in, nearest first: under "refuse" it is negated, under a
    verb of wishing, asking or intending, a belief or "it is likely that" it
    is hypothetical, in an "if" clause conditional, under a reporting verb
    reported. Negated, hypothetical and conditional win over future and
    reported, which win over asserted.
    """
    head = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else governing_verb(tok)
    if head is None:
        return "asserted"
    return _strongest(_moods(head))


# Verbs whose object is asked for or worked towards, not done: "urged a ceasefire", "sought the release of";
# and those whose "for" phrase is: "called for the release of", "pressed for sanctions on"
_SEEKING = frozenset("""seek demand urge request want wish ask await propose suggest recommend advocate
    require""".split())
_SEEKING_FOR = frozenset("""call press push appeal plead lobby work campaign ask fight wait hope pray argue
    clamour clamor""".split())


def sought(noun) -> bool:
    """Whether an event noun is what someone asks for or works towards rather than what was done
    ("demanded the withdrawal of", "called for the release of", "urged a ceasefire between")."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head  # "called for the release of X and the withdrawal of Y"
    head = noun.head
    if noun.dep_ == "dobj":
        return lemma_of(head) in _SEEKING
    return noun.dep_ == "pobj" and head.lower_ == "for" and head.head is not head and \
        lemma_of(head.head) in _SEEKING_FOR


# Nouns for what one means to do: "Japan's aim is to restore ties", "our priority is to rebuild relations"
_AIMS = frozenset("""aim goal priority objective intention intent plan purpose ambition mission task wish desire
    target policy strategy commitment resolve determination""".split())


def aim_of(verb):
    """The noun of an aim a verb's infinitive states ("Japan's aim is to restore ties": "aim"), or None."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "ccomp", "attr") or head is verb or head.lemma_ != "be" or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.lemma_.lower() in _AIMS else None


# Explicit performatives: speech acts done by saying one wishes to do them ("I want to thank", "we would like
# to express our condolences", "I wish to reiterate"), as in Austin's and Searle's hedged performatives
_WISHING = frozenset({"want", "wish", "like"})
_PERFORMATIVE = frozenset("""express thank say congratulate welcome condemn commend reiterate stress emphasise
    emphasize assure apologise apologize extend convey acknowledge reaffirm underline applaud praise salute pay
    urge appeal invite announce declare note recall inform offer protest deplore denounce warn""".split())


def performed(verb) -> bool:
    """Whether an infinitive under a first person's present wish is a speech act done by saying so."""
    head = verb.head
    if verb.dep_ != "xcomp" or head is verb or lemma_of(head) not in _WISHING or \
            lemma_of(verb) not in _PERFORMATIVE:
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
    present = head.tag_ in ("VBP", "VBZ") or (head.tag_ == "VB" and aux & {"would", "'d"})
    return subj is not None and subj.lower_ in ("i", "we") and present and not any(
        c.dep_ == "neg" for c in head.children)


def refusal(verb) -> bool:
    """Whether a verb says its subject will not do something, as it stands: "will not accept", "said it
    would not attend", "won't negotiate" (CAMEO codes such a statement as a rejection, 12), not under a
    condition, a wish or a negation of its own ("if Japan will not ...", "hopes Iran will not ...")."""
    if own_mood(verb) != "negated" or not any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children):
        return False
    if any(c.dep_ == "mark" for c in verb.children):
        return False
    return _strongest(_moods(verb)[1:]) in ("asserted", "reported", "future")


def consequence(verb) -> str | None:
    """The mood of the statement a verb is the promised or threatened outcome of, or None: "China will impose
    sanctions on Japan if it does not apologise" (a modal and an "if" or "unless" clause of its own) states,
    as a fact, what China will do under the condition (CAMEO codes the statement: a threat, a promise).
    Not the condition itself ("if Japan attacks"), nor an outcome inside a wish, a negation or a reported
    clause (the report is the threat: "said it would attack if")."""
    if own_mood(verb) != "conditional" or any(c.dep_ == "mark" for c in verb.children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return None
    outer = _strongest(_moods(verb)[1:])
    return outer if outer == "asserted" else None


_WILL = frozenset({"will", "would", "shall", "wo", "'ll"})


def _strongest(moods: list) -> str:
    for strong in moods:
        if strong in ("negated", "hypothetical", "conditional"):
            return strong
    if "future" in moods:
        return "future"
    return "reported" if "reported" in moods else "asserted"


def _moods(head) -> list:
    """The mood of a predicate's own words, then of each clause it hangs in, nearest first."""
    moods = [own_mood(head)]
    cur = head
    for _ in range(6):
        if cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl") or cur.head is cur:
            break
        gov = cur.head if cur.dep_ != "pcomp" else cur.head.head
        lemma = lemma_of(gov)
        dep = cur.dep_
        if dep == "conj":
            moods.append(own_mood(gov))
        elif dep == "xcomp" and performed(cur):
            pass  # "I want to thank Japan", "we would like to express": the thanks are given
        elif dep in ("xcomp", "pcomp", "ccomp"):
            gmood = own_mood(gov)
            if dep == "pcomp" and cur.head.lower_ in ("against", "from") and cur.head.head.i == gov.i:
                moods.append("hypothetical")  # "warned Finland against joining NATO": not done
            elif lemma in _NEGATING:
                moods.append("negated")
            elif (lemma in _BELIEF or lemma in _LIKELIHOOD) and dep == "ccomp":
                moods.append("hypothetical")
            elif lemma == "be" and dep == "ccomp" and any(c.dep_ == "acomp" and c.lower_ in _LIKELIHOOD
                                                          for c in gov.children):
                moods.append("hypothetical")  # "it is improbable that ..."
            elif lemma in _IRREALIS and lemma not in _ASPECTUAL:
                moods.append("hypothetical")
            elif lemma in REPORTING:
                moods.append("hypothetical" if gmood in ("negated", "hypothetical", "conditional") else "reported")
            elif gmood == "negated":
                moods.append("hypothetical" if dep == "ccomp" else "negated")
            else:
                moods.append(gmood)
        elif dep in ("acl", "ccomp") and gov.pos_ == "NOUN" and gov.lemma_.lower() in _CLAIM_NOUNS and \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            noun = gov.lemma_.lower()
            moods.append("hypothetical" if noun in _CLAIM_DOUBT else "reported")
            verb = governing_verb(gov)
            if verb is not None and lemma_of(verb) in _NEGATING | {"dismiss", "rebut", "refute", "dispute"}:
                moods.append("negated")  # "rejected accusations that ...": the act is denied
            elif verb is not None:
                moods.extend(_moods(verb))
            break
        elif dep == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            # "the decision to expel" is done as the decision is told; "the plan to expel" is not yet;
            # "the refusal to expel" is not done
            noun = cur.head.lemma_.lower()
            if noun in _NOUN_NEGATING:
                moods.append("negated")
            elif noun in _NOUN_DONE:
                verb = governing_verb(cur.head)
                moods.extend(_moods(verb) if verb is not None else [])
            else:
                moods.append("hypothetical")
            break
        elif dep == "advcl":
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "lest") for c in cur.children):
                moods.append("conditional")
            elif any(c.dep_ == "mark" and c.lower_ == "for" for c in cur.children) and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                moods.append("hypothetical")  # "called for Burma to institute reforms": "for X to" is not done
            elif any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):  # a purpose clause
                gmood = own_mood(gov)
                # under a verb of asking or intending, the infinitive the parser hangs as a purpose clause is
                # what is asked ("called on Burma to free prisoners"), not done
                asked = lemma in _IRREALIS and lemma not in _ASPECTUAL
                moods.append("hypothetical" if gmood == "negated" or asked else gmood)
        cur = gov
    return moods


def lemma_of(tok) -> str:
    """The lemma, mended where the lemmatiser strays on a verb it reads as another ("hopes" -> "hop")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    for form in (low[:-1] if low.endswith("es") else None, low[:-1] if low.endswith("s") else None,
                 low[:-1] if low.endswith("d") else None):
        if form and form != lemma and form.startswith(lemma) and form in _IRREALIS | _NEGATING | REPORTING:
            return form
    return lemma


def own_mood(verb) -> str | None:
    """The mood a predicate's own words give it (one pass over its children)."""
    modal = to = condition = mark_if = False
    modal_word = ""
    for child in verb.children:
        dep, low = child.dep_, child.lower_
        if dep == "neg":
            return "negated"
        if dep == "mark":
            if low == "whether":
                return "hypothetical"  # "decides whether to extend sanctions"
            if low in ("if", "unless", "lest"):
                mark_if = True
        elif dep in ("aux", "auxpass"):
            if low in _MODALS and not modal:
                modal, modal_word = True, low
            elif low == "to":
                to = True
        elif dep == "advcl" and not condition:
            condition = any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in child.children)
    if modal:
        return "conditional" if condition else _MODALS[modal_word]
    if mark_if:
        return "conditional"
    if to and verb.dep_ == "ROOT":
        return "hypothetical"  # a headline infinitive ("US to send troops") is a plan
    if condition and verb.tag_ in ("VB", "VBP", "VBZ"):
        return "conditional"
    return None


def governing_verb(tok):
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "ADJ"):
            return cur
    return None
