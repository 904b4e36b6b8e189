"""The parse geopol loads: the faster attribute ruler and the coder's lazy lemmas change no annotation."""

import spacy

from geopol.text.attributes import speed_up
from geopol.text.parse import DEFAULT_MODEL, load_nlp

# Sentences that reach the ruler's exceptions: negation, contractions, "gonna", "ain't", "y'all",
# pronoun case by dependency, expletive "there is", determiners as pronouns, whitespace tokens.
SENTENCES = [
    "China did not condemn North Korea's missile test, but it said it would send an envoy.",
    "I'm gonna say that y'all ain't ready, and we've got ta leave; let's go.",
    "There is no sign that Pyongyang has stopped, whether or not Seoul asks it to.",
    "That was what he wanted: those who doubt it haven't read the treaty.",
    "Beijing  \n\n announced    sanctions   ,  nothin' more.",
    "Russia's troops, 10,000 of them, were sent because Moscow asked; c'mon, it's clear.",
    "Japan and the US held talks on Monday; Tokyo said it gets what it got.",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_fast_attribute_ruler_sets_what_the_models_ruler_sets():
    plain = spacy.load(DEFAULT_MODEL, disable=["ner"])
    fast = speed_up(spacy.load(DEFAULT_MODEL, disable=["ner"]))
    assert "attribute_ruler" not in fast.pipe_names and "attribute_ruler" in plain.pipe_names
    ruler = fast.get_pipe("geopol_attributes")
    assert ruler.n_matcher < len(ruler.attrs) / 10  # nearly all patterns by lookup
    for a, b in zip(plain.pipe(SENTENCES), fast.pipe(SENTENCES)):
        assert _annotations(a) == _annotations(b)
    assert load_nlp().pipe_names == fast.pipe_names + ["geopol_lemmas"]


def test_lemmas_spelling_rules_out_are_mended_and_no_others():
    """A one-syllable verb ending in vowel + consonant doubles it before -ed/-ing, so "waged" is "wage"."""
    doc = load_nlp()("Rebels waged war, staged raids and hoped for aid; the army stopped them, "
                     "fixed the bridge, played for time and is visiting the town it planned to hold.")
    lemmas = {t.lower_: t.lemma_ for t in doc if t.tag_.startswith("VB")}
    assert lemmas["waged"] == "wage" and lemmas["staged"] == "stage" and lemmas["hoped"] == "hope"
    assert lemmas["stopped"] == "stop" and lemmas["fixed"] == "fix" and lemmas["played"] == "play"
    assert lemmas["visiting"] == "visit" and lemmas["planned"] == "plan"


def test_the_parsed_coders_lazy_lemmas_give_the_same_view():
    from geopol.coder.features import mask
    from geopol.coder.parsed import _dependency_views, dependency_view, parse_window

    marked = ["<s>China</s> did not condemn <t>North Korea</t>'s test, but it said it would send an envoy.",
              "There is no sign that <s>Pyongyang</s> has stopped arming <t>Russia</t>.",
              "<t>Seoul</t> was being warned by <s>Beijing</s>, which gets what it wants."]
    full = spacy.load(DEFAULT_MODEL, disable=["ner"])
    masked = [parse_window(mask(m).replace(" SRC ", " Src ").replace(" TGT ", " Tgt ")) for m in marked]
    assert _dependency_views(marked) == [dependency_view(d) for d in full.pipe(masked)]
