"""The store's schema as registered migrations.

Each migration is a function registered with the version it brings the
store to; :func:`migrate` applies the missing ones in order, each in its own
transaction, and records it in ``schema_version``. A store with a version
above :data:`SCHEMA_VERSION` was written by a newer geopol and is refused.
"""

from __future__ import annotations

from typing import Callable

from ..model import FACT_MODALITIES

FACT_SQL = "(" + ", ".join(f"'{m}'" for m in FACT_MODALITIES) + ")"

__all__ = ["SCHEMA_VERSION", "MIGRATIONS", "migration", "current_version", "migrate", "TABLES"]

MIGRATIONS: dict[int, Callable] = {}


def migration(version: int):
    def deco(fn):
        if version in MIGRATIONS:
            raise RuntimeError(f"two migrations for schema version {version}")
        MIGRATIONS[version] = fn
        return fn

    return deco


@migration(1)
def _v1(con) -> None:
    # The per-document tables (text, sentences, mentions) carry no primary key: DuckDB keeps
    # ART indexes in memory, which would make memory grow with the corpus. Their uniqueness
    # follows from writing each document once, in one transaction, after deleting its rows.
    con.execute("""
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL, title VARCHAR, date DATE, date_source VARCHAR,
            source VARCHAR, format VARCHAR NOT NULL, n_chars BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL,
            complete BOOLEAN NOT NULL)""")
    # readers see only documents whose ingest finished
    con.execute("CREATE VIEW complete_documents AS SELECT * FROM documents WHERE complete")
    con.execute("""
        CREATE TABLE document_text (
            doc VARCHAR NOT NULL, chunk INTEGER NOT NULL, start BIGINT NOT NULL, n_chars BIGINT NOT NULL,
            text BLOB NOT NULL)""")  # zlib-compressed UTF-8: raw text is kept, in a quarter of the space
    con.execute("""
        CREATE TABLE sentences (
            doc VARCHAR NOT NULL, idx INTEGER NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
            paragraph INTEGER NOT NULL)""")
    con.execute("""
        CREATE TABLE mentions (
            doc VARCHAR NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL, text VARCHAR NOT NULL,
            actor VARCHAR NOT NULL, country VARCHAR, kind VARCHAR NOT NULL, sentence INTEGER NOT NULL,
            role VARCHAR, person VARCHAR)""")
    con.execute("""
        CREATE TABLE actors (
            code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, country VARCHAR,
            aliases VARCHAR[] NOT NULL, tenures VARCHAR NOT NULL, attributes VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY, source VARCHAR, target VARCHAR, cameo VARCHAR NOT NULL, plover VARCHAR,
            quad TINYINT, goldstein DOUBLE, start DATE, "end" DATE, precision VARCHAR NOT NULL,
            modality VARCHAR NOT NULL, quantity_value DOUBLE, quantity_unit VARCHAR, attributed_to VARCHAR,
            source_actor VARCHAR, target_actor VARCHAR, source_text VARCHAR, target_text VARCHAR,
            origin VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE relations (
            id VARCHAR PRIMARY KEY, a VARCHAR NOT NULL, b VARCHAR NOT NULL, sign TINYINT NOT NULL,
            strength DOUBLE NOT NULL, kind VARCHAR NOT NULL, start DATE, "end" DATE, precision VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE claims (
            id VARCHAR PRIMARY KEY, speaker VARCHAR NOT NULL, speaker_actor VARCHAR, about VARCHAR[] NOT NULL,
            content VARCHAR NOT NULL, stance DOUBLE, start DATE, "end" DATE, precision VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE hypotheses (
            id VARCHAR PRIMARY KEY, condition VARCHAR NOT NULL, consequence VARCHAR NOT NULL,
            actors VARCHAR[] NOT NULL)""")
    con.execute("""
        CREATE TABLE evidence (
            fact VARCHAR NOT NULL, seq INTEGER NOT NULL, doc VARCHAR NOT NULL, start BIGINT NOT NULL,
            "end" BIGINT NOT NULL, text VARCHAR NOT NULL, PRIMARY KEY (fact, seq))""")
    con.execute("""
        CREATE TABLE quarantine (
            dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, row BIGINT, reason VARCHAR NOT NULL,
            raw VARCHAR, quarantined_at TIMESTAMP NOT NULL)""")


@migration(2)
def _v2(con) -> None:
    """Background data: formal alliances (dyad-year) and national material capabilities."""
    con.execute("""
        CREATE TABLE alliances (
            a VARCHAR NOT NULL, b VARCHAR NOT NULL, year INTEGER NOT NULL, defense BOOLEAN NOT NULL,
            neutrality BOOLEAN NOT NULL, nonaggression BOOLEAN NOT NULL, entente BOOLEAN NOT NULL,
            source VARCHAR NOT NULL, PRIMARY KEY (a, b, year, source))""")  # a < b
    con.execute("""
        CREATE TABLE power (
            actor VARCHAR NOT NULL, year INTEGER NOT NULL, cinc DOUBLE, milex DOUBLE, milper DOUBLE, irst DOUBLE,
            pec DOUBLE, tpop DOUBLE, upop DOUBLE, source VARCHAR NOT NULL, PRIMARY KEY (actor, year, source))""")


@migration(3)
def _v3(con) -> None:
    """Imported event datasets (GDELT, ICEWS, POLECAT, Phoenix), with provenance and their own fields."""
    con.execute("""
        CREATE TABLE dataset_events (
            dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, row BIGINT NOT NULL, event_id VARCHAR,
            day DATE NOT NULL, source VARCHAR, target VARCHAR, source_actor VARCHAR, target_actor VARCHAR,
            source_name VARCHAR, target_name VARCHAR, cameo VARCHAR, plover VARCHAR,
            quad TINYINT,           -- GDELT convention, from the CAMEO root (or the PLOVER type)
            quad_dataset TINYINT,   -- the class as the dataset itself defines it
            goldstein DOUBLE, layout VARCHAR NOT NULL,
            line VARCHAR NOT NULL)  -- the row as the dataset wrote it: its own fields, tab-separated""")
    con.execute("""
        CREATE TABLE imports (
            dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, read BIGINT NOT NULL,
            imported BIGINT NOT NULL, duplicates BIGINT NOT NULL, quarantined BIGINT NOT NULL,
            finished_at TIMESTAMP NOT NULL, PRIMARY KEY (dataset, sha256))""")
    # one relation over every event, imported or read from text, for panels and ties
    con.execute("""
        CREATE VIEW all_events AS
        SELECT dataset, day, source, target, quad, goldstein FROM dataset_events
        UNION ALL
        SELECT 'text', start, source, target, quad, goldstein FROM events
        WHERE modality = 'asserted' AND start IS NOT NULL""")


@migration(4)
def _v4(con) -> None:
    """The raw line of an imported event compressed with Zstandard.

    DuckDB's default analysis picks FSST for long strings, which made writing
    the raw lines the costliest step of an import (1 M GDELT rows: 3.5 s for
    the lines alone, 0.8 s with Zstandard).
    """
    con.execute("""
        CREATE TABLE dataset_events_v4 (
            dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, row BIGINT NOT NULL, event_id VARCHAR,
            day DATE NOT NULL, source VARCHAR, target VARCHAR, source_actor VARCHAR, target_actor VARCHAR,
            source_name VARCHAR, target_name VARCHAR, cameo VARCHAR, plover VARCHAR,
            quad TINYINT, quad_dataset TINYINT, goldstein DOUBLE, layout VARCHAR NOT NULL,
            line VARCHAR NOT NULL USING COMPRESSION zstd)""")
    con.execute("INSERT INTO dataset_events_v4 SELECT * FROM dataset_events")
    con.execute("DROP TABLE dataset_events")
    con.execute("ALTER TABLE dataset_events_v4 RENAME TO dataset_events")


@migration(5)
def _v5(con) -> None:
    """Where a mention's reading came from (registry, dictionary, title, apposition, coreference ...), and
    reported events ("Turkey says a Russian jet violated its airspace") counted as facts with asserted ones."""
    con.execute("ALTER TABLE mentions ADD COLUMN origin VARCHAR")
    con.execute("DROP VIEW all_events")
    con.execute(f"""
        CREATE VIEW all_events AS
        SELECT dataset, day, source, target, quad, goldstein FROM dataset_events
        UNION ALL
        SELECT 'text', start, source, target, quad, goldstein FROM events
        WHERE modality IN {FACT_SQL} AND start IS NOT NULL""")


@migration(6)
def _v6(con) -> None:
    """Background dyad-years beside alliances: UN-vote agreement, militarized disputes, wars, rivalries,
    shared IGOs (one row per pair, year, kind and source; a < b)."""
    con.execute("""
        CREATE TABLE dyad_years (
            a VARCHAR NOT NULL, b VARCHAR NOT NULL, year INTEGER NOT NULL, kind VARCHAR NOT NULL,
            value DOUBLE NOT NULL, n INTEGER, detail VARCHAR,
            intensity DOUBLE,  -- a second measure where the source has one: a dispute's fatality level
            source VARCHAR NOT NULL,
            PRIMARY KEY (a, b, year, kind, source))""")


SCHEMA_VERSION = max(MIGRATIONS)

TABLES = ("documents", "document_text", "sentences", "mentions", "actors", "events", "relations", "claims",
          "hypotheses", "evidence", "quarantine", "alliances", "power", "dataset_events", "imports",
          "dyad_years")


def current_version(con) -> int:
    """The store's schema version; 0 for a store without geopol tables."""
    has = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchall()[0][0]
    if not has:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(row[0] or 0)


def migrate(con) -> int:
    """Apply every missing migration, each in one transaction; return the new version."""
    version = current_version(con)
    if version == 0:
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    for v in sorted(MIGRATIONS):
        if v <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            MIGRATIONS[v](con)
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [v])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        version = v
    return version
