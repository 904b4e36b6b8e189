"""Ingest articles: read, run the text pipeline, write to the store.

Every file is validated and hashed before anything is written, so bad input
leaves the store as it was. Documents are then written in batches, each in
one transaction; progress is reported only after a commit, so whatever was
reported done survives a crash, and re-running the same command skips the
documents already stored (their id is their content hash).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from .errors import InputError
from .model import Document, Mention, Sentence
from .store import Store
from .text.pipeline import Pipeline
from .text.reader import CHUNK_CHARS, SourceFile, discover, inspect, text_source

__all__ = ["BackgroundReport", "import_background", "import_background_dir", "IngestReport", "prepare_paths", "ingest_sources", "ingest_paths", "ingest_text", "BATCH_DOCS",
           "BATCH_CHARS"]

BATCH_DOCS = 25
BATCH_CHARS = 4_000_000

Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    """What an ingest did; ``documents`` lists the ids written or already present."""

    read: int = 0
    ingested: int = 0
    unchanged: int = 0
    duplicates: int = 0
    sentences: int = 0
    mentions: int = 0
    events: int = 0
    relations: int = 0
    hypotheses: int = 0
    claims: int = 0
    documents: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path: reason", with skip_bad
    notes: list[str] = field(default_factory=list)    # what the user should know: a --date not applied

    def summary(self) -> str:
        parts = [f"read {self.read}", f"ingested {self.ingested}", f"unchanged {self.unchanged}"]
        if self.duplicates:
            parts.append(f"duplicates {self.duplicates}")
        if self.skipped:
            parts.append(f"skipped {len(self.skipped)}")
        parts += [f"sentences {self.sentences}", f"mentions {self.mentions}", f"events {self.events}",
                  f"relations {self.relations}", f"claims {self.claims}", f"hypotheses {self.hypotheses}"]
        return ", ".join(parts)


def _write_chunk(store: Store, doc_id: str, chunk, report: IngestReport) -> None:
    store.add_text(doc_id, chunk.offset, chunk.text)
    store.add_sentences(Sentence(doc=doc_id, index=chunk.first_sentence + i, start=s, end=e, paragraph=p)
                        for i, (s, e, p) in enumerate(chunk.sentences))
    store.add_mentions(Mention(doc=doc_id, start=m.start, end=m.end, text=m.text, actor=m.actor, country=m.country,
                               kind=m.kind, sentence=idx, role=m.role, person=m.person,
                               origin=m.origin)
                       for idx, m in chunk.mentions)
    if chunk.events:
        store.put_events(chunk.events)
    if chunk.relations:
        store.put_relations(chunk.relations)
    if chunk.hypotheses:
        store.put_hypotheses(chunk.hypotheses)
    if chunk.claims:
        store.put_claims(chunk.claims)
    report.sentences += len(chunk.sentences)
    report.mentions += len(chunk.mentions)
    report.events += len(chunk.events)
    report.relations += len(chunk.relations)
    report.hypotheses += len(chunk.hypotheses)
    report.claims += len(chunk.claims)


def _document(src: SourceFile, day: date | None, date_source: str | None) -> Document:
    return Document(id=src.id, sha256=src.sha256, title=src.title, date=day, date_source=date_source,
                    source=str(src.path) if src.path else None, format=src.format, n_chars=src.n_chars)


def _write_small(store: Store, pipeline: Pipeline, batch: list[tuple], report) -> None:
    """Documents (source, document, text) that fit in memory together: read in one pipeline batch, written
    inside the caller's transaction."""
    results = pipeline.run_many([(src, doc.date, text) for src, doc, text in batch])
    for (src, doc, _), pieces in zip(batch, results):
        store.delete_document(src.id)  # a forced re-ingest, or leftovers of a crash
        store.add_document(doc)
        for chunk in pieces:
            _write_chunk(store, src.id, chunk, report)


def _write_large(store: Store, pipeline: Pipeline, src, doc, text, report) -> None:
    """A large document: one transaction per chunk, so memory stays bounded.

    The document row is written incomplete first and marked complete in the
    last transaction; readers never see it before, and the next writer that
    opens the store removes it if the process died in between.
    """
    with store.transaction():
        store.add_document(doc, complete=False)
    for chunk in pipeline.run(src, day=doc.date, text=text):
        with store.transaction():
            _write_chunk(store, src.id, chunk, report)
    with store.transaction():
        store.mark_complete(src.id)


def ingest_sources(store: Store, pipeline: Pipeline, sources: list[tuple[SourceFile, str | None]], *,
                   day: date | None = None, force: bool = False, on_progress: Progress | None = None,
                   report: IngestReport | None = None) -> IngestReport:
    """Write validated sources (with in-memory text, or None to re-read the file) in batches."""
    report = report or IngestReport()
    seen: set[str] = set()
    todo = []
    for src, text in sources:
        report.read += 1
        if src.id in seen:
            report.duplicates += 1
            continue
        seen.add(src.id)
        report.documents.append(src.id)
        if src.unread_date and not day:
            report.notes.append(f"{src.path or 'the text'}: the date line {src.unread_date!r} is not a date geopol "
                                "reads; the document is undated (give --date YYYY-MM-DD)")
        if store.has_document(src.id) and not force:
            report.unchanged += 1
            old = store.document(src.id)
            if day and old is not None and old.date != day:
                report.notes.append(f"{src.path or src.id}: already stored with date {old.date or 'none'}; "
                                    f"--date {day} not applied (add --force to read it again with it)")
            continue
        todo.append((src, text))
    total = len(todo)
    done = 0
    if on_progress:
        on_progress(0, total)

    def doc_for(src):
        return _document(src, day, "option") if day else _document(src, src.date, src.date_source)

    i = 0
    while i < total:
        src, text = todo[i]
        if src.n_chars > CHUNK_CHARS:
            if force:
                with store.transaction():
                    store.delete_document(src.id)
            _write_large(store, pipeline, src, doc_for(src), text, report)
            batch = [todo[i]]
            i += 1
        else:
            batch, chars = [], 0
            while i < total and todo[i][0].n_chars <= CHUNK_CHARS and len(batch) < BATCH_DOCS \
                    and chars + todo[i][0].n_chars <= BATCH_CHARS:
                batch.append(todo[i])
                chars += todo[i][0].n_chars
                i += 1
            with store.transaction():
                _write_small(store, pipeline, [(src, doc_for(src), text) for src, text in batch], report)
        done += len(batch)
        report.ingested += len(batch)
        if on_progress:
            on_progress(done, total)
    return report


def prepare_paths(paths: list[str | Path], *, encoding: str = "utf-8", skip_bad: bool = False,
                  report: IngestReport | None = None) -> list[tuple[SourceFile, None]]:
    """Pass one over files, directories and globs: validate and hash them, write nothing.

    Without ``skip_bad`` the first bad file raises; with it, bad files are
    listed in ``report.skipped``.
    """
    sources = []
    passed_over: list = []
    found = discover(paths, passed_over)
    if passed_over and report is not None:
        shown = ", ".join(p.name for p in passed_over[:5]) + (" ..." if len(passed_over) > 5 else "")
        report.notes.append(f"passed over {len(passed_over)} file(s) that are not .txt, .md or .html: {shown} "
                            "(convert PDFs and Office files to text first)")
    for path in found:
        try:
            sources.append((inspect(path, encoding=encoding), None))
        except InputError as exc:
            if not skip_bad:
                raise
            if report is not None:
                report.skipped.append(str(exc))
    if not sources:
        raise InputError("nothing to ingest: every file was skipped" if skip_bad else "nothing to ingest")
    return sources


def ingest_paths(store: Store, pipeline: Pipeline, paths: list[str | Path], *, day: date | None = None,
                 encoding: str = "utf-8", force: bool = False, skip_bad: bool = False,
                 on_progress: Progress | None = None, prepared: list | None = None,
                 report: IngestReport | None = None) -> IngestReport:
    """Ingest files, directories and globs; nothing is written unless every file is readable
    (or ``skip_bad``). ``prepared`` passes the result of :func:`prepare_paths` to skip pass one."""
    report = report or IngestReport()
    sources = prepared if prepared is not None else prepare_paths(paths, encoding=encoding, skip_bad=skip_bad,
                                                                  report=report)
    return ingest_sources(store, pipeline, sources, day=day, force=force, on_progress=on_progress, report=report)


def ingest_text(store: Store, pipeline: Pipeline, text: str, *, title: str | None = None, day: date | None = None,
                source: str | None = None) -> IngestReport:
    """Ingest one text held in memory."""
    src = text_source(text, title=title)
    if source:
        from dataclasses import replace

        src = replace(src, path=Path(source))
    return ingest_sources(store, pipeline, [(src, text)], day=day)


@dataclass
class BackgroundReport:
    """What one background file gave: rows read, dyad-years (or rows) stored, rows quarantined."""

    file: str
    kind: str
    source: str
    read: int
    imported: int
    quarantined: int

    def summary(self) -> str:
        if self.kind in ("cow-alliance", "cow-nmc"):  # the form `geopol import cow-*` always printed
            dup = self.read - self.imported - self.quarantined if self.kind == "cow-alliance" else 0
            return f"read {self.read}, imported {self.imported}, duplicates {dup}, quarantined {self.quarantined}"
        return (f"{Path(self.file).name}: {self.source}: read {self.read} rows, imported {self.imported} dyad-years, "
                f"quarantined {self.quarantined}")


def import_background(store: Store, kind: str, path: str | Path, *, roll_calls: str | Path | None = None
                      ) -> BackgroundReport:
    """Read one background file (``un-votes``, ``mids``, ``rivalries``, ``wars``, ``igos``, ``cow-alliance``,
    ``cow-nmc``) and replace that source's rows in the store in one transaction; bad rows go to quarantine."""
    from .sources import background as bg
    from .sources.cow import read_alliances, read_nmc

    p = Path(path)
    if kind == "un-votes":
        result = bg.read_un_votes(p, roll_calls)
    elif kind in bg.READERS:
        result = bg.READERS[kind](p)
    elif kind in ("cow-alliance", "cow-nmc"):
        result = (read_alliances if kind == "cow-alliance" else read_nmc)(p)
    else:
        raise InputError(f"unknown background kind {kind!r}: use {', '.join([*bg.READERS, 'cow-alliance', 'cow-nmc'])}")
    table = {"cow-alliance": "alliances", "cow-nmc": "power"}.get(kind, "dyad_years")
    with store.transaction():
        n = store.replace_rows(table, result.table, source=result.source)
        q = store.quarantine(result.source, str(p), [(row, reason, None) for row, reason in result.rejected],
                             replace=True)
    return BackgroundReport(file=str(p), kind=kind, source=result.source, read=result.read, imported=n,
                            quarantined=q)


def import_background_dir(store: Store, path: str | Path, *, progress: Callable[[str], None] | None = None
                          ) -> list[BackgroundReport]:
    """Every background file of a folder laid out like ``../shared/data/background`` (and ``cow/``)."""
    from .sources.background import read_background_dir

    reports = []
    for file, kind in read_background_dir(path):
        if progress:
            progress(str(file))
        reports.append(import_background(store, kind, file))
    return reports
