"""Persistence: the DuckDB store, its schema and migrations, and exports."""

from ._faults import point as kill_point
from ._store import DEFAULT_DB, Store, fact_id, file_stamp
from .export import EXPORT_FORMATS, write_records, export_table
from .schema import SCHEMA_VERSION, TABLES

__all__ = ["DEFAULT_DB", "EXPORT_FORMATS", "SCHEMA_VERSION", "Store", "TABLES", "export_table", "fact_id",
           "file_stamp", "kill_point", "write_records"]
