"""Fixtures shared by the whole suite (defined once, here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "china-north-korea-ties.txt"
EXAMPLE_DATE = "2024-11-01"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from geopol.cli import main

    def run(*args: str):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _run_process(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geopol", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, **kw)


@pytest.fixture
def run_process():
    """Run ``python -m geopol`` as a separate process (real exit codes and stderr)."""
    return _run_process


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """A store holding the example article, built once for read-only tests."""
    import geopol

    path = tmp_path_factory.mktemp("example") / "example.duckdb"
    with geopol.open(path) as g:
        g.ingest(EXAMPLE, date=EXAMPLE_DATE)
    return path
