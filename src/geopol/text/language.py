"""Is this text English? The share of its words that are common English function words.

English prose runs at 35–50% function words ("the", "of", "and", "to" …);
French, German or Spanish text at under 10% of these English ones (the
German "in", "an", "so", "was" are the same words), and text in other
scripts at none. A text of at least ``MIN_WORDS`` words is refused when under
``THRESHOLD`` of its words are English function words and either most of its
letters are outside the Latin alphabet or ``OTHER`` of its words are function
words of French, German, Spanish, Italian, Portuguese or Dutch. A list of
names, a table or other text without function words is let through.

>>> english_share("The government of China said on Monday that it would send aid.") is None  # too short to judge
True
>>> german = ("Die Regierung in Peking hat am Montag erklärt, dass sie Hilfe in die vom Hochwasser betroffene "
...           "Region schicken werde. Nordkorea hat Truppen nach Russland entsandt, berichten südkoreanische Medien.")
>>> round(english_share(german * 2), 2)
0.07
"""

from __future__ import annotations

import re

__all__ = ["english_share", "check_english", "THRESHOLD", "MIN_WORDS", "OTHER"]

THRESHOLD = 0.18
OTHER = 0.15
MIN_WORDS = 30
_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION = frozenset("""a about after against all also an and are as at be been before between but by can could
did do does for from had has have he her his how i if in into is it its more most no not of on or our out over
said she should so some than that the their them then there these they this those through to under up was we
were what when where which while who whom why will with would you""".split())


_OTHER = frozenset("""le la les des du et est une un dans pour que qui sur par pas au aux ce cette sont
der die das und ist nicht ein eine den dem des zu mit sich auf für von im sie wird
el los las del y en que por con para una es al lo se su como más pero
il di che non per gli della delle è sono nel alla
o da em não os uma com para mais foi
het een van en niet op te zijn dat voor met""".split())


def english_share(text: str) -> float | None:
    """The share of English function words among the words of ``text`` (None under ``MIN_WORDS`` words)."""
    return _share(_WORD.findall(text.lower()), _FUNCTION)


def _share(words: list[str], vocabulary: frozenset) -> float | None:
    return sum(w in vocabulary for w in words) / len(words) if len(words) >= MIN_WORDS else None


def check_english(text: str, what: str) -> None:
    """Raise InputError when ``text`` is long enough to judge and in another language."""
    from ..errors import InputError

    words = _WORD.findall(text.lower())
    share = _share(words, _FUNCTION)
    if share is None or share >= THRESHOLD:
        return
    letters = "".join(words)
    latin = sum(ch < "\u0250" for ch in letters) / len(letters)
    if latin < 0.5 or _share(words, _OTHER) >= OTHER:
        raise InputError(f"{what}: not English text ({share:.0%} of its words are common English words, "
                         f"English runs at 35-50%); geopol reads English")
