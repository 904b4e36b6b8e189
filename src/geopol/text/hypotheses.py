"""Conditional statements: "Should Russia's support wane, Beijing's influence could diminish."

A sentence opening with a conditional (should, if, unless, were, in case) has
its condition up to the first comma that closes the clause and its
consequence after it; "X could Y if Z" is read the same way the other way
round. The actors are those the sentence names.
"""

from __future__ import annotations

import re

__all__ = ["find_hypothesis"]

_OPENING = re.compile(r"^\s*(should|if|unless|were|in case|in the event that|as long as)\b\s*(.+?),\s+(.+)$",
                      re.I | re.S)
_TRAILING = re.compile(r"^(.+?\b(?:could|would|might|may|will)\b.+?)\s+\b(if|unless|should)\b\s+(.+)$", re.I | re.S)


def find_hypothesis(text: str) -> tuple[str, str] | None:
    """(condition, consequence) of a conditional sentence, or None."""
    m = _OPENING.match(text)
    if m:
        opener, condition, consequence = m.groups()
        if opener.lower() == "should":  # "Should X wane" reads "if X wane"
            condition = "if " + condition
        return condition.strip(), consequence.strip().rstrip(".")
    m = _TRAILING.match(text)
    if m:
        consequence, _, condition = m.groups()
        return condition.strip().rstrip("."), consequence.strip()
    return None
