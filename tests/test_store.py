"""The store: schema versions, recovery of interrupted work, text storage, HTML and Markdown input."""

import duckdb
import pytest

import geopol
from geopol.store import SCHEMA_VERSION, Store


def test_new_store_records_its_schema_version(db):
    with Store.open(db) as s:
        assert s.version() == SCHEMA_VERSION
        rows = s.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))


def test_interrupted_large_document_is_invisible_then_removed(db):
    from geopol.model import Document

    with Store.open(db) as s:
        with s.transaction():
            s.add_document(Document(id="half", sha256="x", n_chars=10), complete=False)
            s.add_text("half", 0, "0123456789")
    with Store.open(db, read_only=True) as s:
        assert s.documents() == [] and s.has_document("half") is False
    with Store.open(db) as s:  # the next writer cleans up
        assert s.recovered == ["half"]
        assert s.con.execute("SELECT count(*) FROM document_text").fetchall()[0][0] == 0


def test_text_is_kept_and_sliced_by_span(tmp_path, db):
    text = "Line one about Seoul.\n\n" + "Pyongyang " * 20000 + "\n\nThe end in Tokyo."
    src = tmp_path / "t.txt"
    src.write_text(text)
    with geopol.open(db) as g:
        g.ingest(src)
        doc = g.documents()[0]
        assert g.store.text(doc.id) == text
        assert g.store.text(doc.id, 5, 8) == text[5:8]
        start = text.index("The end")
        assert g.store.text(doc.id, start, len(text)) == "The end in Tokyo."
        # every sentence span quotes real text
        for s in g.store.sentences(doc.id)[:50]:
            assert g.store.text(doc.id, s.start, s.end).strip() == g.store.text(doc.id, s.start, s.end)


def test_html_is_stripped_to_text_with_metadata(tmp_path, db):
    page = tmp_path / "story.html"
    page.write_text("""<html><head><title>Summit in Seoul</title>
<meta property="article:published_time" content="2023-08-18T09:00:00Z">
<script>var tracking = "Moscow";</script><style>p { color: red }</style></head>
<body><nav>Home | World</nav><article><h1>Leaders meet</h1>
<p>The leaders of <b>Japan</b> and South Korea met at Camp David.</p>
<p>Beijing criticised the meeting.</p></article><footer>© Paper</footer></body></html>""")
    with geopol.open(db) as g:
        g.ingest(page)
        doc = g.documents()[0]
        text = g.store.text(doc.id)
        assert doc.title == "Summit in Seoul" and doc.date.isoformat() == "2023-08-18" and doc.format == "html"
        assert "Moscow" not in text and "color" not in text and "Home" not in text
        assert "The leaders of Japan and South Korea met at Camp David." in text
        assert {m.country for m in g.mentions()} == {"JPN", "KOR", "CHN"}


def test_markdown_front_matter_and_syntax(tmp_path, db):
    md = tmp_path / "note.md"
    md.write_text("---\ntitle: Notes\ndate: 2022-02-24\n---\n# Invasion\n\n"
                  "**Russia** attacked [Ukraine](https://example.org) today.\n")
    with geopol.open(db) as g:
        g.ingest(md)
        doc = g.documents()[0]
        assert (doc.title, doc.date.isoformat(), doc.date_source) == ("Notes", "2022-02-24", "metadata")
        text = g.store.text(doc.id)
        assert "Russia attacked Ukraine today." in text and "**" not in text and "https" not in text


def test_header_date_and_option_precedence(tmp_path, db):
    txt = tmp_path / "wire.txt"
    txt.write_text("Wire report\nDate: March 3, 2021\n\nTokyo and Beijing talked.\n")
    with geopol.open(db) as g:
        g.ingest(txt)
        assert (g.documents()[0].date.isoformat(), g.documents()[0].date_source) == ("2021-03-03", "header")
        g.ingest(txt, date="2021-03-04", force=True)
        assert (g.documents()[0].date.isoformat(), g.documents()[0].date_source) == ("2021-03-04", "option")


def test_directories_and_globs(tmp_path, db):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Seoul spoke.")
    (tmp_path / "a" / "two.md").write_text("Tokyo spoke.")
    (tmp_path / "a" / ".hidden.txt").write_text("Moscow spoke.")
    (tmp_path / "a" / "skip.csv").write_text("x,y")
    (tmp_path / "b.txt").write_text("Seoul spoke.")  # same text as one.txt: one document
    with geopol.open(db) as g:
        report = g.ingest([tmp_path / "a", str(tmp_path / "*.txt")])
        assert (report.read, report.ingested, report.duplicates) == (3, 2, 1)


def test_read_only_store_refuses_writes(example_store):
    with Store.open(example_store, read_only=True) as s:
        with pytest.raises(geopol.StoreError, match="read-only"):
            with s.transaction():
                pass


def test_a_version_3_store_is_migrated_with_its_imported_events(db):
    from geopol.store.schema import MIGRATIONS

    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    for v in (1, 2, 3):
        MIGRATIONS[v](con)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [v])
    con.execute("INSERT INTO dataset_events (dataset, file, row, event_id, day, layout, line) "
                "VALUES ('gdelt', 'f.CSV', 7, '42', DATE '2019-10-24', 'gdelt2', 'a\tb')")
    con.close()
    with Store.open(db) as s:
        assert s.version() == SCHEMA_VERSION >= 4
        assert s.con.execute("SELECT file, row, line FROM dataset_events").fetchall() == [("f.CSV", 7, "a\tb")]
        assert s.con.execute("SELECT count(*) FROM all_events WHERE dataset = 'gdelt'").fetchall()[0][0] == 1
