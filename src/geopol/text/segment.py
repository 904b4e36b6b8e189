"""Split text into paragraphs and sentences, by character offsets.

A rule-based splitter that needs no model, so that ingest stays fast and
memory-bounded on any size of input; the spaCy parse of the text pipeline
refines sentences later without changing this contract.

Contract: requires a text; assigns ``(start, end, paragraph)`` spans that
cover every non-blank stretch of the text exactly once, in order.

>>> text = "Mr. Kim met U.S. envoys in Seoul. They left.\\n\\nNew paragraph here."
>>> [text[s:e] for s, e, _ in split_sentences(text)]
['Mr. Kim met U.S. envoys in Seoul.', 'They left.', 'New paragraph here.']
"""

from __future__ import annotations

import re
from typing import Iterator

__all__ = ["split_sentences", "ABBREVIATIONS"]

# Words that end in a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep rev st jr sr
    no nos vs etc inc corp ltd co dept univ est approx fig al
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"\n")
# A candidate boundary: terminal punctuation, optional closing quotes or
# brackets, then whitespace.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)""")
_NEXT_START = re.compile(r"""\s+["'“‘(\[]*[A-Z0-9•\-–—]""")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, dot - 20):dot])
    if not m:
        return False
    word = m.group(1)
    if "." in word:  # U.S., e.g., D.P.R.K.
        return len(word.replace(".", "")) <= 4
    if len(word) == 1 and word.isupper():  # an initial: George H. W. Bush
        return True
    return word.lower() in ABBREVIATIONS


def _sentences_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        punct = text[m.start()]
        if punct == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        nxt = _NEXT_START.match(text, stop, end)
        if nxt is None:
            continue
        yield pos, stop
        pos = stop
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        yield pos, end


def split_sentences(text: str, *, offset: int = 0, first_paragraph: int = 0) -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, paragraph)`` for each sentence; offsets are shifted by ``offset``.

    Paragraphs are separated by blank lines; a single line break also ends a
    sentence (headlines and list items carry no final period).
    """
    paragraph = first_paragraph
    pos = 0
    had_content = False
    for para in list(_PARAGRAPH.finditer(text)) + [None]:
        p_end = para.start() if para else len(text)
        line_start = pos
        for line in list(_LINE.finditer(text, pos, p_end)) + [None]:
            l_end = line.start() if line else p_end
            s, e = line_start, l_end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                for a, b in _sentences_in(text, s, e):
                    while b > a and text[b - 1].isspace():
                        b -= 1
                    yield a + offset, b + offset, paragraph
                    had_content = True
            line_start = line.end() if line else p_end
        if para is None:
            break
        pos = para.end()
        if had_content:
            paragraph += 1
            had_content = False
