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


def write(path: Path, text: str) -> Path:
    path.write_text(text.strip() + "\n", encoding="utf-8")
    return path


@pytest.fixture
def background_folder(tmp_path) -> Path:
    """A folder laid out like ../shared/data/background, a few rows each (made up, real codes)."""
    d = tmp_path / "background"
    d.mkdir()
    write(d / "un_roll_calls.csv", "rcid,session,date\n1,30,1975-10-01\n2,30,1975-11-01\n3,30,1975-12-01\n")
    write(d / "un_votes.csv", """
rcid,country,country_code,vote
1,United States,US,yes
1,Russia,RU,no
1,Poland,PL,no
1,United Kingdom,GB,yes
1,Atlantis,AT1,yes
2,United States,US,no
2,Russia,RU,yes
2,Poland,PL,yes
2,United Kingdom,GB,abstain
3,United States,US,yes
3,Russia,RU,yes
3,Poland,PL,yes
3,United Kingdom,GB,yes
""")
    write(d / "gml_dirdisp.csv", """
dispnum,ccode1,ccode2,year,hostlev1,hostlev2,fatality
10,2,365,1975,3,2,0
11,365,2,1975,4,1,1
12,817,816,1965,4,4,3
13,2,99999,1975,2,2,0
""")
    write(d / "tss_rivalries.csv", """
tssr_id,rivalry,ccode1,ccode2,start,end
1,Russia-United States,2,365,1947,1989
2,Nowhere,2,20,1990,1980
""")
    write(d / "cow_war_inter.csv", """
warnum,ccode1,ccode2,year,sidea1,sidea2
151,2,731,1950,1,2
151,731,2,1950,2,1
152,2,200,1950,1,1
""")
    write(d / "cow_igo_ndy.csv", "ccode1,ccode2,year,dyadigos\n2,200,1975,40\n2,365,1975,20\n200,365,1975,-9\n")
    return d
