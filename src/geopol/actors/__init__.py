"""The actor registry and the date-aware resolution of names to actors."""

from .overrides import load_registry_file
from .registry import Alias, Registry, slug

__all__ = ["Alias", "Registry", "load_registry_file", "slug"]
