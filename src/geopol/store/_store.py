"""The DuckDB store: one file, one writer, every write in a transaction."""

from __future__ import annotations

import json
import os
import zlib
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

import duckdb

from ..errors import NotAStoreError, SchemaTooNewError, StoreError, StoreLockedError
from ..model import (Actor, Claim, Document, Event, Evidence, Hypothesis, Mention, Quantity, Relation, Sentence,
                     Tenure, TimeSpan, record_id)
from ._background import BackgroundTables
from ._faults import counted
from .schema import SCHEMA_VERSION, current_version, migrate

__all__ = ["Store", "fact_id", "file_stamp", "DEFAULT_DB"]

DEFAULT_DB = "geopol.duckdb"
_FACT_TABLES = ("events", "relations", "claims", "hypotheses")
# a fact is shown once a complete document supports it, or when it has no evidence at all (added through
# the API); one read only from a document still being written (a large ingest, or one killed) is not
_VISIBLE = ("id NOT IN (SELECT e.fact FROM evidence e JOIN documents d ON e.doc = d.id WHERE NOT d.complete "
            "EXCEPT SELECT e.fact FROM evidence e JOIN documents d ON e.doc = d.id WHERE d.complete)")
_MAGIC = b"DUCK"
# DuckDB caches pages up to 80% of RAM by default. A bound keeps the process small; too low a
# bound makes checkpoints of large strings fail, so text is stored in pieces of TEXT_PIECE chars.
MEMORY_LIMIT = os.environ.get("GEOPOL_MEMORY_LIMIT", "1GB")
TEXT_PIECE = 1 << 16


def fact_id(record) -> str:
    """Identity of a fact regardless of who reported it: its content without evidence."""
    return record_id(replace(record, evidence=()))


def _check_file(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from None
    if len(head) < 12 or head[8:12] != _MAGIC:
        raise NotAStoreError(f"{path}: not a DuckDB database; pass another --db or move this file away")


def _connect(path: Path, read_only: bool):
    try:
        return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
    except duckdb.IOException as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            pid = ""
            if "PID" in msg:
                pid = " (PID " + msg.split("PID", 1)[1].strip(" )").split()[0].rstrip(")") + ")"
            raise StoreLockedError(f"{path}: the store is in use by another process{pid}; "
                                   "wait for it to finish or pass another --db") from None
        if "No space left on device" in msg:
            raise StoreError(f"{path}: no space left on its disk; free some space or pass another --db") from None
        if "Read-only file system" in msg or "Permission denied" in msg:
            raise StoreError(f"{path}: cannot write there ({msg.splitlines()[0].rsplit(': ', 1)[-1]}); "
                             "pass --db on a writable disk") from None
        if "not a valid" in msg.lower() or "database file" in msg.lower():
            raise NotAStoreError(f"{path}: not a DuckDB database; pass another --db or move this file away") from None
        raise StoreError(f"{path}: cannot open the store ({msg.splitlines()[0]})") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store ({str(exc).splitlines()[0]})") from None


def file_stamp(path: str | Path) -> tuple:
    """What changes when a process commits to the store: its file's and its write-ahead log's time and size."""
    out: list = []
    for f in (Path(path), Path(str(path) + ".wal")):
        try:
            st = f.stat()
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [None, None]
    return tuple(out)


def _span_cols(t: TimeSpan) -> list:
    return [t.start, t.end, t.precision]


def _span(start, end, precision) -> TimeSpan:
    return TimeSpan(start=start, end=end, precision=precision)


class Store(BackgroundTables):
    """A geopol store in one DuckDB file.

    Open with :meth:`open`; use as a context manager to close it. Writes go
    through :meth:`transaction`; readers see only committed data.
    """

    def __init__(self, con, path: Path | None, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only
        self.recovered: list[str] = []
        self._table_columns: dict[str, list[str]] = {}

    # -- lifecycle ----------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> "Store":
        """Open (or create) the store at ``path``; ``":memory:"`` for a throw-away one."""
        if str(path) == ":memory:":
            con = duckdb.connect(":memory:")
            migrate(con)
            return cls(con, None, False)
        p = Path(path or DEFAULT_DB)
        if p.is_dir():
            raise NotAStoreError(f"{p}: is a directory, not a store file; pass a file path with --db")
        if p.exists() and p.stat().st_size == 0 and not read_only:
            p.unlink()  # an empty file is no store: what a creation that failed (a full disk) leaves
        if p.exists():
            _check_file(p)
        elif read_only:
            raise StoreError(f"{p}: no store here yet; run `geopol ingest FILE` or `geopol demo` first")
        elif not p.parent.exists():
            raise StoreError(f"{p.parent}: directory does not exist; create it or pass another --db")
        created = not p.exists()
        try:
            con = _connect(p, read_only)
        except StoreError:
            if created:  # leave no empty or half-made file behind
                for leftover in (p, Path(str(p) + ".wal")):
                    leftover.unlink(missing_ok=True)
            raise
        try:
            version = current_version(con)
            if version > SCHEMA_VERSION:
                raise SchemaTooNewError(f"{p}: written by a newer geopol (schema version {version}; this geopol "
                                        f"knows up to {SCHEMA_VERSION}); upgrade geopol to use it")
            if version < SCHEMA_VERSION:
                if read_only:
                    raise StoreError(f"{p}: schema version {version} needs upgrading; open it once for writing "
                                     "(e.g. `geopol ingest`) to migrate")
                migrate(con)
        except BaseException:
            con.close()
            if created:
                for leftover in (p, Path(str(p) + ".wal")):
                    leftover.unlink(missing_ok=True)
            raise
        store = cls(con if read_only else counted(con), p, read_only)
        if not read_only:
            store.recovered = store.recover()
            store.clear_staging()
        store.attach_event_files()
        return store

    @property
    def events_dir(self) -> Path | None:
        """Where large imports land as Parquet, partitioned by dataset and event month: ``<store>.events/``."""
        return Path(str(self.path) + ".events") if self.path else None

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """All writes inside commit together or not at all."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def version(self) -> int:
        return current_version(self.con)

    # -- documents ----------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """True when the document is stored completely."""
        return self.con.execute("SELECT 1 FROM documents WHERE id = ? AND complete", [doc_id]).fetchall() != []

    def add_document(self, doc: Document, *, complete: bool = True) -> None:
        """Add a document row; a large document is added incomplete and marked complete at the end."""
        self.con.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [doc.id, doc.sha256, doc.title, doc.date, doc.date_source, doc.source, doc.format,
                          doc.n_chars, datetime.now(), complete])

    def mark_complete(self, doc_id: str) -> None:
        self.con.execute("UPDATE documents SET complete = true WHERE id = ?", [doc_id])

    def incomplete_documents(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM documents WHERE NOT complete").fetchall()]

    def recover(self) -> list[str]:
        """Remove what an interrupted ingest of a large document left; return their ids."""
        ids = self.incomplete_documents()
        if ids:
            with self.transaction():
                for doc_id in ids:
                    self.delete_document(doc_id)
        return ids

    def delete_document(self, doc_id: str) -> None:
        """Remove a document, everything read from it, and the facts no other document supports (a fact
        several documents report keeps the others' evidence). Call inside a transaction."""
        facts = [r[0] for r in self.con.execute("SELECT DISTINCT fact FROM evidence WHERE doc = ?",
                                                [doc_id]).fetchall()]
        for table in ("mentions", "sentences", "document_text", "evidence"):
            self.con.execute(f"DELETE FROM {table} WHERE doc = ?", [doc_id])
        if facts:
            for table in _FACT_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                                 "AND id NOT IN (SELECT fact FROM evidence)", [facts])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def add_text(self, doc_id: str, start: int, text: str) -> None:
        """Store a stretch of the document's text that begins at character ``start``."""
        first = self.con.execute("SELECT coalesce(max(chunk) + 1, 0) FROM document_text WHERE doc = ?",
                                 [doc_id]).fetchall()[0][0]
        pieces = [text[i:i + TEXT_PIECE] for i in range(0, len(text), TEXT_PIECE)]
        self._insert_columns("document_text", {
            "doc": [doc_id] * len(pieces), "chunk": list(range(first, first + len(pieces))),
            "start": [start + i * TEXT_PIECE for i in range(len(pieces))], "n_chars": [len(p) for p in pieces],
            "text": [zlib.compress(p.encode("utf-8"), 1) for p in pieces]})

    def _insert_columns(self, table: str, columns: dict[str, list], *, ignore: bool = False) -> None:
        """Bulk insert through Arrow: far faster than one statement per row."""
        import pyarrow as pa

        if not next(iter(columns.values())):
            return
        self.con.register("_geopol_rows", pa.table(columns))
        try:
            cols = ", ".join(f'"{c}"' for c in columns)
            self.con.execute(f"INSERT {'OR IGNORE ' if ignore else ''}INTO {table} ({cols}) "
                             f"SELECT {cols} FROM _geopol_rows")
        finally:
            self.con.unregister("_geopol_rows")

    def add_sentences(self, sentences: Iterable[Sentence]) -> None:
        ss = list(sentences)
        self._insert_columns("sentences", {
            "doc": [s.doc for s in ss], "idx": [s.index for s in ss], "start": [s.start for s in ss],
            "end": [s.end for s in ss], "paragraph": [s.paragraph for s in ss]})

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        ms = list(mentions)
        self._insert_columns("mentions", {
            "doc": [m.doc for m in ms], "start": [m.start for m in ms], "end": [m.end for m in ms],
            "text": [m.text for m in ms], "actor": [m.actor for m in ms], "country": [m.country for m in ms],
            "kind": [m.kind for m in ms], "sentence": [m.sentence for m in ms], "role": [m.role for m in ms],
            "person": [m.person for m in ms], "origin": [m.origin for m in ms]})

    def documents(self) -> list[Document]:
        rows = self.con.execute("SELECT id, sha256, title, date, date_source, source, format, n_chars "
                                "FROM documents WHERE complete ORDER BY ingested_at, id").fetchall()
        return [Document(id=r[0], sha256=r[1], title=r[2], date=r[3], date_source=r[4], source=r[5], format=r[6],
                         n_chars=r[7]) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents() if d.id == doc_id), None)

    def text(self, doc_id: str, start: int = 0, end: int | None = None) -> str:
        """The document's text, or the ``start:end`` slice of it, read from its chunks."""
        q = "SELECT start, text FROM document_text WHERE doc = ?"
        args: list = [doc_id]
        if end is not None:
            q += " AND start < ? AND start + n_chars > ?"
            args += [end, start]
        parts = self.con.execute(q + " ORDER BY chunk", args).fetchall()
        if not parts:
            return ""
        base = parts[0][0]
        joined = "".join(zlib.decompress(p[1]).decode("utf-8") for p in parts)
        return joined[start - base:(end - base) if end is not None else None]

    def sentences(self, doc_id: str | None = None) -> list[Sentence]:
        q = 'SELECT doc, idx, start, "end", paragraph FROM sentences WHERE doc IN (SELECT id FROM complete_documents)'
        rows = self.con.execute(q + (" AND doc = ?" if doc_id else "") + " ORDER BY doc, idx",
                                [doc_id] if doc_id else []).fetchall()
        return [Sentence(doc=r[0], index=r[1], start=r[2], end=r[3], paragraph=r[4]) for r in rows]

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        q = ('SELECT doc, start, "end", text, actor, country, kind, sentence, role, person, origin FROM mentions '
             'WHERE doc IN (SELECT id FROM complete_documents)')
        rows = self.con.execute(q + (" AND doc = ?" if doc_id else "") + " ORDER BY doc, start",
                                [doc_id] if doc_id else []).fetchall()
        return [Mention(doc=r[0], start=r[1], end=r[2], text=r[3], actor=r[4], country=r[5], kind=r[6],
                        sentence=r[7], role=r[8], person=r[9], origin=r[10]) for r in rows]

    # -- actors added by users ----------------------------------------
    def put_actor(self, actor: Actor) -> None:
        tenures = json.dumps([{"country": t.country, "role": t.role, "title": t.title,
                               "start": t.start.isoformat() if t.start else None,
                               "end": t.end.isoformat() if t.end else None, "source": t.source}
                              for t in actor.tenures])
        self.con.execute("INSERT OR REPLACE INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [actor.code, actor.name, actor.kind, actor.country, list(actor.aliases), tenures,
                          json.dumps([list(kv) for kv in actor.attributes])])

    def actors(self) -> list[Actor]:
        out = []
        for code, name, kind, country, aliases, tenures, attributes in self.con.execute(
                "SELECT * FROM actors ORDER BY code").fetchall():
            ts = tuple(Tenure(country=t["country"], role=t["role"], title=t["title"],
                              start=date.fromisoformat(t["start"]) if t["start"] else None,
                              end=date.fromisoformat(t["end"]) if t["end"] else None, source=t["source"])
                       for t in json.loads(tenures))
            out.append(Actor(code=code, name=name, kind=kind, country=country, aliases=tuple(aliases), tenures=ts,
                             attributes=tuple(tuple(kv) for kv in json.loads(attributes))))
        return out

    # -- facts --------------------------------------------------------
    def _add_evidence(self, pairs: list[tuple[str, Evidence]]) -> None:
        """Add (fact id, evidence) pairs in one insert; a piece a fact already holds is skipped."""
        if not pairs:
            return
        fids = sorted({f for f, _ in pairs})
        known: dict[str, set] = {}
        next_seq: dict[str, int] = {}
        for fact, doc, start, end, seq in self.con.execute(
                'SELECT fact, doc, start, "end", seq FROM evidence WHERE fact IN (SELECT unnest(?::VARCHAR[]))',
                [fids]).fetchall():
            known.setdefault(fact, set()).add((doc, start, end))
            next_seq[fact] = max(next_seq.get(fact, 0), seq + 1)
        rows: dict[str, list] = {"fact": [], "seq": [], "doc": [], "start": [], "end": [], "text": []}
        for fid, ev in pairs:
            have = known.setdefault(fid, set())
            if (ev.doc, ev.start, ev.end) in have:
                continue
            have.add((ev.doc, ev.start, ev.end))
            seq = next_seq.get(fid, 0)
            next_seq[fid] = seq + 1
            for k, v in zip(rows, (fid, seq, ev.doc, ev.start, ev.end, ev.text)):
                rows[k].append(v)
        self._insert_columns("evidence", rows)

    def _evidence(self, fid: str) -> tuple[Evidence, ...]:
        return tuple(Evidence(doc=r[0], start=r[1], end=r[2], text=r[3]) for r in self.con.execute(
            'SELECT doc, start, "end", text FROM evidence WHERE fact = ? ORDER BY seq', [fid]).fetchall())

    def _put_many(self, table: str, rows: list[tuple[str, list, tuple]]) -> list[str]:
        """Insert facts (id, columns, evidence) in one statement; a known fact gains only new evidence."""
        if not rows:
            return []
        if table not in self._table_columns:
            self._table_columns[table] = [r[0] for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' "
                "ORDER BY ordinal_position", [table]).fetchall()]
        names = self._table_columns[table]
        data: dict[str, list] = {n: [] for n in names}
        seen = set()
        for fid, cols, _ in rows:
            if fid not in seen:
                seen.add(fid)
                for n, v in zip(names, (fid, *cols)):
                    data[n].append(v)
        self._insert_columns(table, data, ignore=True)
        self._add_evidence([(fid, ev) for fid, _, evidence in rows for ev in evidence])
        return [r[0] for r in rows]

    def put_events(self, events: Iterable[Event]) -> list[str]:
        """Store events; a known event (same content) gains the new evidence."""
        return self._put_many("events", [(fact_id(e), [
            e.source, e.target, e.cameo, e.plover, e.quad, e.goldstein, *_span_cols(e.time), e.modality,
            e.quantity.value if e.quantity else None, e.quantity.unit if e.quantity else None, e.attributed_to,
            e.source_actor, e.target_actor, e.source_text, e.target_text, e.origin], e.evidence) for e in events])

    def events(self) -> list[Event]:
        out = []
        for r in self.con.execute(f"SELECT * FROM events WHERE {_VISIBLE} ORDER BY start NULLS LAST, id").fetchall():
            (fid, source, target, cameo, plover, quad, goldstein, start, end, precision, modality, qv, qu,
             attributed_to, source_actor, target_actor, source_text, target_text, origin) = r
            out.append(Event(source=source, target=target, cameo=cameo, plover=plover, quad=quad, goldstein=goldstein,
                             time=_span(start, end, precision), modality=modality,
                             quantity=Quantity(value=qv, unit=qu) if qu is not None else None,
                             attributed_to=attributed_to, source_actor=source_actor, target_actor=target_actor,
                             source_text=source_text, target_text=target_text, origin=origin,
                             evidence=self._evidence(fid)))
        return out

    def put_relations(self, relations: Iterable[Relation]) -> list[str]:
        return self._put_many("relations", [(fact_id(r), [r.a, r.b, r.sign, r.strength, r.kind, *_span_cols(r.time)],
                                             r.evidence) for r in relations])

    def relations(self) -> list[Relation]:
        return [Relation(a=a, b=b, sign=sign, strength=strength, kind=kind, time=_span(start, end, precision),
                         evidence=self._evidence(fid))
                for fid, a, b, sign, strength, kind, start, end, precision in self.con.execute(
                    f"SELECT * FROM relations WHERE {_VISIBLE} ORDER BY start NULLS LAST, id").fetchall()]

    def put_claims(self, claims: Iterable[Claim]) -> list[str]:
        return self._put_many("claims", [(fact_id(c), [c.speaker, c.speaker_actor, list(c.about), c.content, c.stance,
                                                        *_span_cols(c.time)], c.evidence) for c in claims])

    def claims(self) -> list[Claim]:
        return [Claim(speaker=speaker, speaker_actor=speaker_actor, about=tuple(about), content=content, stance=stance,
                      time=_span(start, end, precision), evidence=self._evidence(fid))
                for fid, speaker, speaker_actor, about, content, stance, start, end, precision in self.con.execute(
                    f"SELECT * FROM claims WHERE {_VISIBLE} ORDER BY start NULLS LAST, id").fetchall()]

    def put_hypotheses(self, hypotheses: Iterable[Hypothesis]) -> list[str]:
        return self._put_many("hypotheses", [(fact_id(h), [h.condition, h.consequence, list(h.actors)], h.evidence)
                                             for h in hypotheses])

    def hypotheses(self) -> list[Hypothesis]:
        return [Hypothesis(condition=c, consequence=q, actors=tuple(a), evidence=self._evidence(fid))
                for fid, c, q, a in self.con.execute(f"SELECT * FROM hypotheses WHERE {_VISIBLE} ORDER BY id").fetchall()]

    def counts(self) -> dict[str, int]:
        from .schema import TABLES

        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
