"""Event datasets: where each field of GDELT, ICEWS, POLECAT and Phoenix lives.

Each format is described once, as data: how to recognise a row of it (the
number of fields, or a header), where the event id, date, actors, code and
score sit, and which date formats it uses. :mod:`geopol.sources.importer`
turns these specs into one DuckDB query per file.

Column lists: GDELT 1.0 (57 fields before April 2013, 58 with SOURCEURL after)
and 2.0 (61 fields, adding the three ADM2 codes) from GDELT's own column-label
files; ICEWS from its header (the 2017 file lacks "CAMEO Code" and writes dates
m/d/Y); POLECAT from its 40-column header; Phoenix from its 26-column
documentation (no header).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Layout", "DatasetSpec", "DATASETS", "PHOENIX_COLUMNS", "POLECAT_COLUMNS", "GDELT1_COLUMNS",
           "GDELT2_COLUMNS", "ICEWS_COLUMNS"]

GDELT1_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode "
    "Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode "
    "EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type "
    "Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_Lat Actor2Geo_Long "
    "Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_Lat "
    "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL").split()
GDELT2_COLUMNS = tuple(
    c for col in GDELT1_COLUMNS
    for c in ((col, col.replace("ADM1Code", "ADM2Code")) if col.endswith("_ADM1Code") else (col,)))
ICEWS_COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude")
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version")
PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources")


@dataclass(frozen=True)
class Layout:
    """One variant of a format: its field count (or header) and where things are (field names)."""

    name: str
    columns: tuple[str, ...]
    event_id: str
    date: str
    date_formats: tuple[str, ...]
    source_actor: str | None
    target_actor: str | None
    source_country: str | None
    target_country: str | None
    country_kind: str            # "cameo" codes, "iso3" codes or "icews" names
    cameo: str | None = None
    cameo_from_name: str | None = None   # a column holding the CAMEO event name instead of its code
    plover: str | None = None
    quad: str | None = None              # the dataset's own class column
    goldstein: str | None = None
    source_sectors: str | None = None
    target_sectors: str | None = None


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    header: bool                          # a header row names the columns
    layouts: tuple[Layout, ...]
    quad_convention: str                  # how the dataset's own class column counts
    required: tuple[str, ...] = field(default=())  # header names that identify the format


_GDELT_COMMON = dict(event_id="GLOBALEVENTID", date="SQLDATE", date_formats=("%Y%m%d",), source_actor="Actor1Code",
                     target_actor="Actor2Code", source_country="Actor1CountryCode",
                     target_country="Actor2CountryCode", country_kind="cameo", cameo="EventCode", quad="QuadClass",
                     goldstein="GoldsteinScale")

DATASETS: dict[str, DatasetSpec] = {
    "gdelt": DatasetSpec(
        name="gdelt", header=False, quad_convention="gdelt",
        layouts=(Layout(name="gdelt1-backfile", columns=tuple(GDELT1_COLUMNS[:-1]), **_GDELT_COMMON),
                 Layout(name="gdelt1", columns=tuple(GDELT1_COLUMNS), **_GDELT_COMMON),
                 Layout(name="gdelt2", columns=GDELT2_COLUMNS, **_GDELT_COMMON))),
    "phoenix": DatasetSpec(
        name="phoenix", header=False, quad_convention="phoenix",
        layouts=(Layout(name="phoenix", columns=PHOENIX_COLUMNS, event_id="EventID", date="Date",
                        date_formats=("%Y%m%d",), source_actor="SourceActorFull", target_actor="TargetActorFull",
                        source_country="SourceActorEntity", target_country="TargetActorEntity",
                        country_kind="cameo", cameo="EventCode", quad="PentaClass", goldstein="GoldsteinScore"),)),
    "icews": DatasetSpec(
        name="icews", header=True, quad_convention="icews", required=("Event ID", "Event Date", "Source Country"),
        layouts=(Layout(name="icews", columns=ICEWS_COLUMNS, event_id="Event ID", date="Event Date",
                        date_formats=("%Y-%m-%d", "%m/%d/%Y"), source_actor="Source Name",
                        target_actor="Target Name", source_country="Source Country",
                        target_country="Target Country", country_kind="icews", cameo="CAMEO Code",
                        cameo_from_name="Event Text", goldstein="Intensity", source_sectors="Source Sectors",
                        target_sectors="Target Sectors"),)),
    "polecat": DatasetSpec(
        name="polecat", header=True, quad_convention="polecat", required=("Event ID", "Event Date", "Event Type"),
        layouts=(Layout(name="polecat", columns=POLECAT_COLUMNS, event_id="Event ID", date="Event Date",
                        date_formats=("%Y-%m-%d", "%Y%m%d"), source_actor="Actor Name",
                        target_actor="Recipient Name", source_country="Actor Country",
                        target_country="Recipient Country", country_kind="iso3", plover="Event Type",
                        quad="Quad Code", goldstein="Intensity"),)),
}
