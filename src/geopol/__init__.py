"""geopol: what the news says about states, as an evidence-backed model of how they relate.

The public API::

    import geopol
    with geopol.open("geopol.duckdb") as g:
        g.ingest("examples/china-north-korea-ties.txt", date="2024-11-05")
        g.actors()
        g.show("CHN", "PRK")
"""

from .api import Geopol, open
from .errors import (DecodeError, GeopolError, InputError, NoTextError, NotAStoreError, RegistryError,
                     SchemaTooNewError, StoreError, StoreLockedError)
from .actors import Registry
from .ingest import IngestReport
from .model import (Actor, Claim, Document, Event, Evidence, Hypothesis, Mention, Quantity, Relation, Sentence,
                    Tenure, TimeSpan)
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "open",
    "Geopol",
    "Store",
    "Registry",
    "IngestReport",
    "Actor",
    "Claim",
    "Document",
    "Event",
    "Evidence",
    "Hypothesis",
    "Mention",
    "Quantity",
    "Relation",
    "Sentence",
    "Tenure",
    "TimeSpan",
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
