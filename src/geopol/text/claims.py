"""Claims: who says what, about whom, on whose authority.

A reporting verb (say, claim, note, warn, declare, perceive, view, …) with a
subject is a claim: the speaker is the subject (an actor mention, or the
subject's words when the registry does not know them — "Eric Ballbach"), the
speaker's actor is the mention's code or the actor named inside the subject
("… of the German Institute …" → DEU); the content is the verb's clausal
complement (or, for perceive/view/see, its object with the "as …" phrase);
``about`` lists the actors the content names. The stance is the balance of
favourable and hostile words in the content, in [-1, 1], or None when it has
neither.
"""

from __future__ import annotations

import re

__all__ = ["REPORTING", "find_claims", "might_hold_claim"]

REPORTING = {"say", "claim", "state", "note", "argue", "warn", "insist", "indicate", "assert", "declare",
             "announce", "perceive", "view", "consider", "believe", "stress", "tell", "add", "allege", "see",
             "maintain", "hope", "reiterate", "emphasise", "emphasize", "caution", "deny", "complain", "accuse",
             "blame", "charge", "criticise", "criticize", "condemn", "praise", "welcome", "urge"}
# Verbs whose claim is said of their object ("accused Venezuela of harbouring guerrillas").
_OF_OBJECT = {"perceive", "view", "see", "consider", "accuse", "blame", "charge", "criticise", "criticize", "condemn",
              "praise", "welcome", "urge"}
_FORMS = re.compile(r"\b(sa(?:y|ys|id)|claim(?:s|ed)?|stat(?:es|ed)|not(?:es|ed)|argu(?:es|ed)|warn(?:s|ed)?|"
                    r"insist(?:s|ed)?|indicat(?:e|es|ed)|assert(?:s|ed)?|declar(?:e|es|ed)|announc(?:e|es|ed)|"
                    r"perceiv(?:e|es|ed)|views?|viewed|consider(?:s|ed)?|believ(?:e|es|ed)|stress(?:es|ed)?|"
                    r"told|tells?|alleg(?:e|es|ed)|sees?|saw)\b", re.I)
_POSITIVE = ("friend", "withstood", "vital", "support", "cooperat", "ally", "allies", "partner", "peace", "stab")
_NEGATIVE = ("threat", "destabiliz", "destabilis", "enemy", "enemies", "hostil", "concern", "curtail",
             "interference", "provocat", "aggress", "danger", "strain", "nato")


def might_hold_claim(text: str) -> bool:
    return bool(_FORMS.search(text))


def _stance(text: str) -> float | None:
    low = text.lower()
    pos = sum(low.count(w) for w in _POSITIVE)
    neg = sum(low.count(w) for w in _NEGATIVE)
    return None if pos + neg == 0 else round((pos - neg) / (pos + neg), 3)


def _span_text(tokens) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc.text[tokens[0].idx - doc[0].idx:tokens[-1].idx + len(tokens[-1].text) - doc[0].idx].strip()


def find_claims(doc, mentions) -> list[dict]:
    """Claims in one parsed sentence: speaker, speaker_actor, speaker_country, content, about, stance."""
    actors = [m for m in mentions if m.country]
    base = doc[0].idx if len(doc) else 0
    out = []
    for verb in doc:
        if verb.lemma_ not in REPORTING or verb.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        subj_tokens = list(subj.subtree)
        inside = [m for m in actors if subj_tokens[0].idx - base <= m.start - 0 and m.end <= subj_tokens[-1].idx
                  + len(subj_tokens[-1].text) - base + 0]
        speaker_mention = next((m for m in actors if m.start <= subj.idx - base < m.end), None)
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None:
            content_tokens = list(comp.subtree)
        elif verb.lemma_ in _OF_OBJECT:
            content_tokens = [t for c in verb.children if c.dep_ in ("dobj", "prep", "oprd") for t in c.subtree]
        else:
            continue
        if not content_tokens:
            continue
        content = _span_text(content_tokens)
        c0, c1 = content_tokens[0].idx - base, max(t.idx + len(t.text) for t in content_tokens) - base
        s0 = subj_tokens[0].idx - base
        s1 = subj_tokens[-1].idx + len(subj_tokens[-1].text) - base
        about = tuple(dict.fromkeys(m.country for m in actors if c0 <= m.start < c1 and not s0 <= m.start < s1))
        if speaker_mention is not None:
            speaker, speaker_actor, country = speaker_mention.text, speaker_mention.actor, speaker_mention.country
        else:
            # the first run of proper nouns in the subject: "analysts like Eric Ballbach of ..." -> Eric Ballbach
            run: list = []
            for t in subj_tokens:
                if t.pos_ == "PROPN" and (not run or t.i == run[-1].i + 1):
                    run.append(t)
                elif run:
                    break
            if not run:
                continue
            speaker = " ".join(t.text for t in run)
            affiliation = inside[0] if inside else None
            speaker_actor = affiliation.actor if affiliation else None
            country = affiliation.country if affiliation else None
        out.append({"speaker": speaker, "speaker_actor": speaker_actor, "speaker_country": country,
                    "content": content, "about": about, "stance": _stance(content), "verb": verb.lemma_})
    return out
