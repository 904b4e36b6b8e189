"""The local web app (``geopol serve``): the network at a date, a pair's timeline and evidence, what-ifs."""

from .app import PAGES, create_app

__all__ = ["create_app", "PAGES"]
