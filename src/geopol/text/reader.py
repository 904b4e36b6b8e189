"""Read articles from disk: plain text, Markdown and HTML, streamed.

Two passes over each file keep memory bounded whatever its size:
:func:`inspect` validates, extracts metadata and hashes the text;
:func:`chunks` yields the text again in pieces that end at paragraph or
sentence boundaries. Every problem becomes one :class:`~geopol.errors.InputError`
naming the file.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from ..errors import DecodeError, InputError
from .language import check_english
from ..paths import discover as _discover
from .dates import find_date

__all__ = ["SourceFile", "TEXT_SUFFIXES", "discover", "inspect", "chunks", "text_source"]

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}
CHUNK_CHARS = 1 << 20
LANGUAGE_SAMPLE = 20_000  # characters from the start of a file that decide whether it is English
HTML_MAX_BYTES = 64 << 20
_SNIFF = 8192


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceFile:
    """What pass one learned about a file."""

    path: Path | None
    format: str
    sha256: str
    n_chars: int
    title: str | None
    date: date | None
    date_source: str | None
    encoding: str = "utf-8"
    unread_date: str | None = None  # a "Date: ..." line that could not be read as a date

    @property
    def id(self) -> str:
        return self.sha256[:16]


def discover(paths: list[str | Path], passed_over: list | None = None) -> list[Path]:
    """Expand files, directories and globs into an ordered list of files (directories: text files only;
    the other files of a directory are appended to ``passed_over``)."""
    return _discover(paths, suffixes=TEXT_SUFFIXES, kind=".txt, .md or .html", passed_over=passed_over)


# formats a user may hand over that are not text: what they are and what to do
_NOT_TEXT = ((b"%PDF", "a PDF: geopol reads plain text, Markdown and HTML; convert it first (e.g. pdftotext FILE)"),
             (b"PK\x03\x04", "a ZIP archive or an Office document (.docx, .odt, .xlsx): save it as text or HTML "
                              "first"),
             (b"{\\rtf", "an RTF document: save it as text or HTML first"),
             (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls): save it as text or HTML first"))


def _format(path: Path) -> str:
    return TEXT_SUFFIXES.get(path.suffix.lower(), "text")


def _check_bytes(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if size == 0:
        raise InputError(f"{path}: empty file, nothing to ingest")
    for magic, what in _NOT_TEXT:
        if head.startswith(magic):
            raise DecodeError(f"{path}: {what}")
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeError(f"{path}: binary file (it contains NUL bytes), not text")


def _decoded_lines(path: Path, encoding: str) -> Iterator[str]:
    """Lines with universal newlines; raises DecodeError with the byte offset."""
    enc = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        codecs.lookup(enc)
    except LookupError:
        raise InputError(f"unknown text encoding {encoding!r}") from None
    raw = path.open("rb")
    try:
        with io.TextIOWrapper(raw, encoding=enc, errors="strict", newline=None) as fh:
            yield from fh
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{path}: not {encoding} text (invalid byte 0x{exc.object[exc.start]:02x}); "
                          f"convert it to UTF-8 or pass --encoding") from None


_MD_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s+"), ""),           # headings
    (re.compile(r"^\s{0,3}>\s?"), ""),                  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+"), ""),      # list markers
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),     # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),      # links
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),           # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),                  # inline code
    (re.compile(r"^\s*(```|~~~).*$"), ""),              # fences
    (re.compile(r"^\s*([-*_]\s*){3,}$"), ""),           # rules
]


def _markdown_lines(lines: Iterator[str]) -> tuple[dict[str, str], Iterator[str]]:
    first = next(lines, "")
    meta: dict[str, str] = {}
    if first.strip() == "---":  # YAML front matter: keep title and date, drop the block
        for line in lines:
            if line.strip() in ("---", "..."):
                break
            m = re.match(r"^(\w+)\s*:\s*(.+?)\s*$", line)
            if m:
                meta[m.group(1).lower()] = m.group(2).strip("'\"")
        pending: list[str] = []
    else:
        pending = [first]

    def strip(line: str) -> str:
        for rx, rep in _MD_RULES:
            line = rx.sub(rep, line)
        return line

    def gen():
        for line in pending:
            yield strip(line)
        for line in lines:
            yield strip(line)

    return meta, gen()


def _html_text(path: Path, encoding: str) -> tuple[dict[str, str], str]:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    if path.stat().st_size > HTML_MAX_BYTES:
        raise InputError(f"{path}: HTML file larger than {HTML_MAX_BYTES >> 20} MB; convert it to text first")
    raw = "".join(_decoded_lines(path, encoding))
    tree = HTMLParser(raw)
    meta: dict[str, str] = {}
    if tree.css_first("title"):
        meta["title"] = tree.css_first("title").text(strip=True)
    for sel, attr in (('meta[property="article:published_time"]', "content"), ('meta[name="date"]', "content"),
                      ('meta[name="pubdate"]', "content"), ("time[datetime]", "datetime")):
        node = tree.css_first(sel)
        if node and node.attributes.get(attr):
            meta["date"] = node.attributes[attr]
            break
    for node in tree.css("script, style, noscript, nav, footer, header, aside, form, template, svg"):
        node.decompose()
    body = tree.body or tree.root
    if body is None:
        return meta, ""
    blocks = []
    for node in body.css("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, figcaption, dt, dd"):
        if len(node.css("p, li, blockquote, h1, h2, h3, h4, h5, h6")) > 1:
            continue  # the inner blocks carry the text (css() includes the node itself)
        text = re.sub(r"\s+", " ", node.text()).strip()
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [re.sub(r"[ \t]+", " ", body.text(separator="\n")).strip()]
    return meta, "\n\n".join(blocks) + "\n"


def _lines(path: Path, fmt: str, encoding: str) -> tuple[dict[str, str], Iterator[str]]:
    if fmt == "html":
        meta, text = _html_text(path, encoding)
        return meta, iter(text.splitlines(keepends=True))
    lines = _decoded_lines(path, encoding)
    if fmt == "markdown":
        return _markdown_lines(lines)
    return {}, lines


_META_LINE = re.compile(r"^(?:date|published|posted|updated|dateline|by|byline|author|source|filed)\s*:", re.I)


def _header_meta(head: str, unread: list | None = None) -> tuple[str | None, date | None]:
    """Title (a short first line that is not a "Date: ..." or "By: ..." line) and a date line in the
    first lines; a date line that cannot be read is appended to ``unread``."""
    lines = [l.strip() for l in head.splitlines()]
    title = next((l for l in lines if l and not _META_LINE.match(l)), None)
    if title and (len(title) > 200 or title.endswith((".", "!", "?", ":"))):
        title = None
    for line in lines[:20]:
        m = re.match(r"^(?:date|published|posted|updated|dateline)\s*:\s*(.+)$", line, re.I)
        if m:
            d = find_date(m.group(1))
            if d:
                return title, d
            if unread is not None:
                unread.append(m.group(1).strip()[:60])
    return title, None


def inspect(path: Path, *, encoding: str = "utf-8") -> SourceFile:
    """Pass one: validate, hash and read metadata; raises InputError on bad input."""
    _check_bytes(path)
    fmt = _format(path)
    meta, lines = _lines(path, fmt, encoding)
    h = hashlib.sha256()
    n = 0
    head: list[str] = []
    content = False
    sample: list[str] = []
    sampled = 0
    for line in lines:
        if len(head) < 40:
            head.append(line)
        if sampled < LANGUAGE_SAMPLE:
            sample.append(line)
            sampled += len(line)
        content = content or bool(line.strip())
        h.update(line.encode("utf-8"))
        n += len(line)
    if not content:
        raise InputError(f"{path}: no text in this file (only whitespace or markup)")
    check_english("".join(sample), str(path))
    unread: list[str] = []
    title, found = _header_meta("".join(head), unread)
    day, day_source = None, None
    if meta.get("date"):
        day, day_source = find_date(meta["date"]), "metadata"
    if day is None and found:
        day, day_source = found, "header"
    if day is None:  # a saved article often carries its date in its name: 2001-12-05-kabul-talks.txt
        m = re.search(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)", path.name)
        if m:
            try:
                day, day_source = date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "file name"
            except ValueError:
                pass
    return SourceFile(path=path, format=fmt, sha256=h.hexdigest(), n_chars=n, title=meta.get("title") or title,
                      date=day, date_source=day_source if day else None, encoding=encoding,
                      unread_date=unread[0] if unread and day is None else None)


def text_source(text: str, *, title: str | None = None) -> SourceFile:
    """A SourceFile for text handed over in memory (the Python API)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty text, nothing to ingest")
    check_english(text[:LANGUAGE_SAMPLE], "the text")
    unread: list[str] = []
    head_title, found = _header_meta(text[:8000], unread)
    return SourceFile(path=None, format="text", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                      n_chars=len(text), title=title or head_title, date=found,
                      date_source="header" if found else None, unread_date=unread[0] if unread and not found else None)


def _cut(buf: str) -> int:
    """Where to end a chunk: the last paragraph break, else line break, else sentence end."""
    for sep in ("\n\n", "\n", ". "):
        i = buf.rfind(sep)
        if i > 0:
            return i + len(sep)
    i = buf.rfind(" ")
    return i + 1 if i > 0 else len(buf)


def chunks(source: SourceFile, *, text: str | None = None, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Pass two: ``(offset, text)`` pieces of about ``size`` characters that end at a boundary."""
    if text is not None:
        lines: Iterator[str] = iter(text.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True))
    else:
        _, lines = _lines(source.path, source.format, source.encoding)
    buf: list[str] = []
    n = 0
    offset = 0
    for line in lines:
        buf.append(line)
        n += len(line)
        if n >= size:
            joined = "".join(buf)
            cut = _cut(joined)
            yield offset, joined[:cut]
            offset += cut
            rest = joined[cut:]
            buf, n = ([rest], len(rest)) if rest else ([], 0)
    if buf:
        yield offset, "".join(buf)
