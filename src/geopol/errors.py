"""Every error geopol raises on purpose.

One hierarchy, so callers can catch ``GeopolError`` and print its message::

    GeopolError
     ├── InputError             bad input from the user: a path, a file, a value
     │    ├── NoTextError       a path or directory that holds no text to ingest
     │    └── DecodeError       a binary or undecodable file
     ├── RegistryError          a registry file that cannot be read or is inconsistent
     └── StoreError             the DuckDB store
          ├── NotAStoreError    the file is not a DuckDB database
          ├── SchemaTooNewError written by a newer geopol
          └── StoreLockedError  another process holds the write lock

Each message says what went wrong, where, and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "GeopolError",
    "InputError",
    "NoTextError",
    "DecodeError",
    "RegistryError",
    "StoreError",
    "NotAStoreError",
    "SchemaTooNewError",
    "StoreLockedError",
]


class GeopolError(Exception):
    """Base class of all errors geopol raises on purpose."""


class InputError(GeopolError):
    """Bad input: a missing path, an empty file, an invalid value."""


class NoTextError(InputError):
    """A path, directory or glob with no text to ingest."""


class DecodeError(InputError):
    """A file that is binary or not in the expected text encoding."""


class RegistryError(GeopolError):
    """A registry file that cannot be read or contradicts itself."""


class StoreError(GeopolError):
    """A problem with the DuckDB store."""


class NotAStoreError(StoreError):
    """The given store path is not a DuckDB database."""


class SchemaTooNewError(StoreError):
    """The store was written by a newer schema version than this geopol knows."""


class StoreLockedError(StoreError):
    """Another process has the store open for writing."""
