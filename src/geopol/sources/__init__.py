"""Readers for outside data formats: Pajek signed networks, Correlates of War tables."""
