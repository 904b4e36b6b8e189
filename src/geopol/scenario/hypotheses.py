"""Turn the conditional statements extracted from articles into ready-made what-if scenarios.

A hypothesis such as "Should Russia's economic support wane due to increased
North Korean military involvement, Beijing's influence in the region could
diminish" has a condition and a consequence. Its condition names actors and a
direction of change; the scenario changes the tie between the first two
actors the condition names (or, with one actor and a word of power —
power, influence, strength, capabilities —, that actor's power):

- a *weakening* word (wane, weaken, decline, diminish, erode, sour, cool, cut,
  end, withdraw, collapse, falter, fade, shrink, deteriorate) moves the tie
  down by 0.5 (power × 0.8);
- a *strengthening* word (deepen, strengthen, grow, increase, expand, improve,
  rise, warm, intensify, boost, bolster, tighten) moves it up by 0.5 (power × 1.2).

A condition that names no actor or no direction gives no scenario, and says
why. The consequence is carried along so that the output can be read against
it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Hypothesis

__all__ = ["HypothesisScenario", "scenarios_from_hypotheses", "WEAKEN", "STRENGTHEN"]

WEAKEN = ("wane", "weaken", "decline", "diminish", "erode", "sour", "cool", "cut", "end", "withdraw", "collapse",
          "falter", "fade", "shrink", "deteriorate", "drop", "fall", "lose")
STRENGTHEN = ("deepen", "strengthen", "grow", "increase", "expand", "improve", "rise", "warm", "intensify", "boost",
              "bolster", "tighten", "gain")
POWER_WORDS = ("power", "influence", "strength", "capabilit", "military might", "economy")


@dataclass(frozen=True, kw_only=True)
class HypothesisScenario:
    hypothesis: Hypothesis
    set_ties: dict | None = None
    scale_power: dict | None = None
    reason: str = ""  # why no scenario could be built, when none

    @property
    def usable(self) -> bool:
        return bool(self.set_ties or self.scale_power)


def _direction(text: str) -> int:
    words = re.findall(r"[a-z]+", text.lower())
    for w in words:
        if any(w.startswith(s) for s in WEAKEN):
            return -1
        if any(w.startswith(s) for s in STRENGTHEN):
            return 1
    return 0


def scenarios_from_hypotheses(hypotheses, ties: dict, *, registry, day: date | None = None):
    """One :class:`HypothesisScenario` per hypothesis, using ``ties`` for the current values."""
    from ..text.mentions import MentionFinder

    finder = MentionFinder(registry)
    out = []
    for h in hypotheses:
        found = []
        for m in finder.find(h.condition, day):
            if m.country and m.country not in found:
                found.append(m.country)
        direction = _direction(h.condition)
        if not found:
            out.append(HypothesisScenario(hypothesis=h, reason="the condition names no actor"))
            continue
        if direction == 0:
            out.append(HypothesisScenario(hypothesis=h, reason="the condition gives no direction of change"))
            continue
        if len(found) >= 2:
            pair = tuple(sorted(found[:2]))
            new = max(-1.0, min(1.0, ties.get(pair, 0.0) + 0.5 * direction))
            out.append(HypothesisScenario(hypothesis=h, set_ties={pair: round(new, 6)}))
        elif any(w in h.condition.lower() for w in POWER_WORDS) or len(found) == 1:
            out.append(HypothesisScenario(hypothesis=h, scale_power={found[0]: 1.2 if direction > 0 else 0.8}))
    return out
