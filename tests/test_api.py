"""The public Python API."""

import geopol

EXPECTED_ALL = {
    "__version__", "open", "Geopol", "Store", "Registry", "IngestReport",
    "Actor", "Claim", "Document", "Event", "Evidence", "Hypothesis", "Mention", "Quantity", "Relation",
    "Sentence", "Tenure", "TimeSpan",
    "GeopolError", "InputError", "NoTextError", "DecodeError", "RegistryError", "StoreError", "NotAStoreError",
    "SchemaTooNewError", "StoreLockedError",
}


def test_all_is_the_public_surface():
    assert set(geopol.__all__) == EXPECTED_ALL
    for name in geopol.__all__:
        assert hasattr(geopol, name), name


def test_errors_share_one_base():
    for name in geopol.__all__:
        obj = getattr(geopol, name)
        if isinstance(obj, type) and name.endswith("Error"):
            assert issubclass(obj, geopol.GeopolError)


def test_open_ingest_and_read(tmp_path, example_path):
    with geopol.open(tmp_path / "a.duckdb") as g:
        report = g.ingest(example_path, date="2024-11-01")
        assert report.ingested == 1 and report.sentences > 20
        codes = {a["code"] for a in g.actors()}
        assert {"CHN", "PRK", "RUS", "USA", "KOR", "JPN", "UKR"} <= codes
        assert g.documents()[0].date.isoformat() == "2024-11-01"
        assert len(g.events()) >= 4 and len(g.relations()) >= 5 and len(g.hypotheses()) == 1


def test_ingest_text_is_idempotent():
    with geopol.open(":memory:") as g:
        first = g.ingest_text("Seoul protested to Tokyo on Monday.", date="2024-03-04")
        counts = g.store.counts()
        again = g.ingest_text("Seoul protested to Tokyo on Monday.", date="2024-03-04")
        assert first.ingested == 1 and again.ingested == 0 and again.unchanged == 1
        assert g.store.counts() == counts


def test_show_pair_quotes_sentences_naming_both(example_store):
    with geopol.open(example_store, read_only=True) as g:
        view = g.show("China", "Pyongyang", limit=100)
        mentions = g.mentions()
        full = g.store.text(g.documents()[0].id)
    assert (view["a"], view["b"]) == ("CHN", "PRK")
    # recount independently: sentences with a mention of each side
    by_sentence = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, set()).add(m.country)
    expected = sorted(k for k, cs in by_sentence.items() if {"CHN", "PRK"} <= cs)
    assert [s["sentence"] for s in view["sentences"]] == expected
    assert view["co_mentions"] == len(expected) >= 10
    for s in view["sentences"]:
        assert s["text"] == full[s["start"]:s["end"]]


def test_environment_variable_selects_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOPOL_DB", str(tmp_path / "env.duckdb"))
    with geopol.open() as g:
        g.ingest_text("Moscow and Kyiv.")
    assert (tmp_path / "env.duckdb").exists()
