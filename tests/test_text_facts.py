"""Facts read from text: events, relations, hypotheses and their times, sentence by sentence and on the example."""

import json
from datetime import date

import pytest

import geopol
from geopol.actors import Registry
from geopol.text.events import code_events
from geopol.text.hypotheses import find_hypothesis
from geopol.text.mentions import MentionFinder
from geopol.text.parse import load_nlp
from geopol.text.relations import find_relations
from geopol.text.timex import resolve

DAY = date(2024, 11, 1)


@pytest.fixture(scope="module")
def coder():
    nlp, finder = load_nlp(), MentionFinder(Registry.default())

    def run(text):
        mentions = finder.find(text, DAY)
        doc = nlp(text)
        return ([(e.source.country, e.cameo, e.target.country if e.target else None, e.modality)
                 for e in code_events(doc, mentions)],
                [(a.country, b.country, sign, kind) for a, b, sign, _, kind, _, _ in find_relations(doc, mentions)])

    return run


@pytest.mark.parametrize("sentence, expected", [
    ("Xi Jinping met Vladimir Putin in Moscow on Wednesday.", [("CHN", "040", "RUS", "asserted")]),
    ("Zhao Leji traveled to North Korea in April.", [("CHN", "042", "PRK", "asserted")]),
    ("The United States imposed sanctions on Iran.", [("USA", "163", "IRN", "asserted")]),
    ("Japan did not condemn China.", [("JPN", "111", "CHN", "negated")]),
    ("Russia may attack Ukraine.", [("RUS", "190", "UKR", "hypothetical")]),
    # the UN's sanctions: China endorses the UN's measure (an actor named inside the object)
    ("China has supported UN sanctions aimed at moderating North Korea's trade.", [("CHN", "051", "UNO", "asserted")]),
    ("The weather in Paris was fine on Sunday.", []),
    ("Beijing later established diplomatic relations with Seoul.", [("CHN", "050", "KOR", "asserted")]),
])
def test_events(coder, sentence, expected):
    assert coder(sentence)[0] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("While China stands firmly with Russia amid the Ukraine conflict, markets fell.", [("CHN", "RUS", 1, "alignment")]),
    ("Kim Jong-un has since declared South Korea as an unyielding enemy.", [("PRK", "KOR", -1, "enemy")]),
    ("Kim Il-sung wielded tensions between Beijing and Moscow.", [("CHN", "RUS", -1, "tension")]),
    ("North Korea may emerge as a more critical buffer for Beijing.", [("PRK", "CHN", 1, "buffer")]),
    ("The weather was fine in Paris.", []),
])
def test_relations(coder, sentence, expected):
    assert coder(sentence)[1] == expected


def test_hypotheses():
    assert find_hypothesis("Should Russia's support wane, Beijing's influence could diminish.") == (
        "if Russia's support wane", "Beijing's influence could diminish")
    assert find_hypothesis("If talks fail, Seoul will respond.") == ("talks fail", "Seoul will respond")
    assert find_hypothesis("China stands firmly with Russia, as always.") is None


@pytest.mark.parametrize("text, start, end, precision", [
    ("in 1949", date(1949, 1, 1), date(1949, 12, 31), "year"),
    ("during the Korean War", date(1950, 6, 25), date(1953, 7, 27), "day"),
    ("on Wednesday", date(2024, 10, 30), date(2024, 10, 30), "day"),
    ("in December", date(2023, 12, 1), date(2023, 12, 31), "month"),
    ("on 5 November 2024", date(2024, 11, 5), date(2024, 11, 5), "day"),
    ("nothing here", DAY, DAY, "unknown"),
    ("just six days after Mao Zedong declared the founding of the People’s Republic of China in 1949",
     date(1949, 10, 7), date(1949, 10, 7), "day"),
    ("two years after the invasion of Ukraine", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("three months before the fall of the Berlin Wall", date(1989, 8, 1), date(1989, 8, 31), "month"),
])
def test_time_expressions(text, start, end, precision):
    span = resolve(text, DAY)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_claims():
    from geopol.text.claims import find_claims

    nlp, finder = load_nlp(), MentionFinder(Registry.default())
    s = ("On this anniversary, state and party leader Xi Jinping claimed in October that the friendship has "
         "withstood the test of time and remains a vital resource.")
    [c] = find_claims(nlp(s), finder.find(s, DAY))
    assert (c["speaker"], c["speaker_actor"], c["stance"]) == ("Xi Jinping", "CHNGOV", 1.0)
    assert c["content"].startswith("that the friendship has withstood")
    s = "Eric Ballbach notes that sending North Korean troops to Ukraine remains uncertain."
    [c] = find_claims(nlp(s), finder.find(s, DAY))
    assert c["speaker"] == "Eric Ballbach" and c["speaker_actor"] is None and c["about"] == ("PRK", "UKR")
    s = "Beijing perceives the alliance between South Korea and Japan as a threat."
    [c] = find_claims(nlp(s), finder.find(s, DAY))
    assert c["speaker_actor"] == "CHN" and c["about"] == ("KOR", "JPN") and c["stance"] == -1.0


def test_the_example_article(example_store):
    """Golden facts of the founding example, as an analyst reads them (the ones geopol extracts today)."""
    with geopol.open(example_store, read_only=True) as g:
        events = {(e.source, e.cameo, e.target): e for e in g.events()}
        relations = {(r.a, r.b, r.kind) for r in g.relations()}
        [hyp] = g.hypotheses()
    korean_war = events[("CHN", "072", "PRK")]
    assert (korean_war.time.start, korean_war.time.end) == (date(1950, 6, 25), date(1953, 7, 27))
    assert (korean_war.quantity.value, korean_war.quantity.unit) == (400000, "soldiers")
    ties = events[("CHN", "050", "KOR")]
    assert ties.time.start == date(1990, 1, 1) and ties.time.precision == "decade"
    visit = events[("CHN", "042", "PRK")]
    assert visit.time.start == date(2024, 4, 1) and visit.time.precision == "month"
    troops = events[("PRK", "072", "RUS")]
    assert troops.modality == "reported" and troops.attributed_to == "USA" and troops.quantity.value == 10000
    for e in events.values():  # every event quotes its sentence
        assert e.evidence and e.evidence[0].text
    assert {("CHN", "RUS", "alignment"), ("PRK", "KOR", "enemy"), ("CHN", "PRK", "protector"),
            ("PRK", "CHN", "buffer"), ("CHN", "USA", "rivalry")} <= relations
    assert hyp.condition.startswith("if Russia's economic support wane") and "diminish" in hyp.consequence
    assert set(hyp.actors) == {"RUS", "PRK", "CHN"}
    with geopol.open(example_store, read_only=True) as g:
        claims = {(c.speaker, c.speaker_actor) for c in g.claims()}
    assert ("Xi Jinping", "CHNGOV") in claims and ("Beijing", "CHN") in claims
    assert any(speaker == "Eric Ballbach" for speaker, _ in claims)


def test_several_documents_one_fact_two_evidence_and_conflicting_figures_kept(tmp_path):
    """The same report in two documents is one fact with both sentences; a different figure is its own fact."""
    with geopol.open(tmp_path / "m.duckdb") as g:
        g.ingest_text("North Korea sent 10,000 soldiers to Russia in October, according to the U.S. "
                      "Department of Defense.", date="2024-11-01", title="a")
        g.ingest_text("Seoul was cold on Friday. North Korea sent 10,000 soldiers to Russia in October, according "
                      "to the U.S. Department of Defense.", date="2024-11-02", title="b")
        g.ingest_text("North Korea sent 12,000 soldiers to Russia in October, according to South Korea.",
                      date="2024-11-03", title="c")
        events = sorted(g.events(), key=lambda e: e.quantity.value)
    assert [(e.source, e.target, e.cameo) for e in events] == [("PRK", "RUS", "072")] * 2
    ten, twelve = events
    assert (ten.quantity.value, ten.quantity.unit, ten.attributed_to) == (10000, "soldiers", "USA")
    assert len({ev.doc for ev in ten.evidence}) == 2
    assert (twelve.quantity.value, twelve.attributed_to) == (12000, "KOR")
    assert len(twelve.evidence) == 1
    assert ten.time.start == twelve.time.start == date(2024, 10, 1)
