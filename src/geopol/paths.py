"""Expand what a user typed — files, directories, globs — into an ordered list of files."""

from __future__ import annotations

import glob as globlib
from pathlib import Path

from .errors import InputError, NoTextError

__all__ = ["discover"]


def discover(paths: list[str | Path], *, suffixes=None, kind: str = "", passed_over: list | None = None
             ) -> list[Path]:
    """Files named, found in directories (recursively, hidden ones skipped) or matched by globs.

    ``suffixes`` limits what a directory contributes (files named outright are
    always taken; the others are appended to ``passed_over``); ``kind`` names
    those files in the error for a directory without any ("no .txt, .md or .html files").
    """
    import re

    out: list[Path] = []
    for raw in paths:
        if re.match(r"^[a-z][a-z0-9+.-]*://", str(raw), re.I):
            raise InputError(f"{raw}: a URL: geopol fetches nothing (nothing is downloaded at run time); "
                             "save the page and ingest the file")
        p = Path(raw)
        if p.is_dir():
            visible = [f for f in sorted(p.rglob("*")) if f.is_file()
                       and not any(part.startswith(".") for part in f.relative_to(p).parts)]
            found = [f for f in visible if suffixes is None or f.suffix.lower() in suffixes]
            if passed_over is not None:
                passed_over.extend(f for f in visible if f not in found)
            if not found:
                raise NoTextError(f"{p}: no {kind + ' ' if kind else ''}files in this directory")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        elif any(c in str(raw) for c in "*?["):
            found = sorted(Path(f) for f in globlib.glob(str(raw), recursive=True) if Path(f).is_file())
            if not found:
                raise NoTextError(f"{raw}: no file matches this pattern")
            out.extend(found)
        elif p.exists():
            raise InputError(f"{p}: not a regular file")
        else:
            raise InputError(f"{p}: no such file or directory")
    return list(dict.fromkeys(out))
