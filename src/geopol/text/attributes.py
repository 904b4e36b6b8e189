"""The model's attribute ruler, applied by dictionary lookups: the same annotations, a fraction of the time.

spaCy's English pipelines set coarse part-of-speech and morphology with an
``attribute_ruler``: a tag map (one pattern per fine tag) and exceptions keyed
on a tag and a word. It runs them through the token Matcher, which costs about
as much as the parser (~1 ms per sentence here). :class:`FastAttributes` reads
the same patterns at load time and applies the single-token ones — nearly all —
by looking up each token's tag and lower-case form; the rest (several tokens,
other attributes) still go through a Matcher. Matches are applied in the
ruler's order, later patterns overriding earlier ones, so the annotations are
those of the ruler (a test compares them token by token).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens._retokenize import set_token_attrs  # what spaCy's AttributeRuler itself applies

__all__ = ["FastAttributes", "speed_up"]

_COLS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the attributes read, one column each of ``Doc.to_array``


def _test(spec, h):
    """A predicate on one attribute's array value for a Matcher value spec (exact, IN or NOT_IN; ``h`` hashes
    a string), or None when unsupported."""
    if isinstance(spec, (str, bool)):
        want = h(spec)
        return lambda v: v == want
    if isinstance(spec, dict) and len(spec) == 1 and isinstance(next(iter(spec.values())), list):
        (op, values), = spec.items()
        values = frozenset(h(x) for x in values)
        if op == "IN":
            return values.__contains__
        if op == "NOT_IN":
            return lambda v: v not in values
    return None


def _compile(token: dict, h):
    """(key column, its values, checks on the other columns) for a one-token pattern, or None."""
    checks = {}
    for attr, spec in token.items():
        test = _test(spec, h) if attr in _COLS else None
        if test is None:
            return None
        checks[attr] = (_COLS.index(attr), test)
    for key in _COLS:
        spec = token.get(key)
        if isinstance(spec, (str, bool)) or isinstance(spec, dict) and "IN" in spec:
            values = [spec] if isinstance(spec, (str, bool)) else spec["IN"]
            return key, [h(v) for v in values], tuple(c for a, c in checks.items() if a != key)
    return None, None, tuple(checks.values())


class FastAttributes:
    """Apply an ``AttributeRuler``'s patterns: one-token ones by lookup and checks, the rest by a Matcher."""

    def __init__(self, ruler):
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings

        def h(value):  # the value as ``Doc.to_array`` holds it: a string's hash (0 for ""), a flag's 0 or 1
            return int(value) if isinstance(value, bool) else (strings.add(value) if value else 0)

        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        keyed: dict[str, dict[int, list]] = {c: defaultdict(list) for c in _COLS}
        self.anywhere: list = []
        self.matcher = Matcher(ruler.vocab)
        self.vocab = ruler.vocab
        self.n_matcher = 0
        for i, p in enumerate(ruler.patterns):
            compiled = None
            if p["index"] in (0, -1) and all(len(alt) == 1 for alt in p["patterns"]):
                compiled = [_compile(alt[0], h) for alt in p["patterns"]]
            if compiled is None or None in compiled:
                self.matcher.add(str(i), p["patterns"])
                self.n_matcher += 1
                continue
            for key, values, checks in compiled:
                if key is None:
                    self.anywhere.append((i, checks))
                for v in values or ():
                    keyed[key][v].append((i, checks))
        self._tables = [keyed[c] for c in _COLS]

    def __call__(self, doc):
        hits = set()
        tables, anywhere = self._tables, self.anywhere
        for t, row in enumerate(doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()):
            for table, value in zip(tables, row):
                for i, checks in table.get(value, ()):
                    if all(test(row[col]) for col, test in checks):
                        hits.add((i, t))
            for i, checks in anywhere:
                if all(test(row[col]) for col, test in checks):
                    hits.add((i, t))
        if self.n_matcher:
            for m_id, s, e in self.matcher(doc, allow_missing=True, as_spans=False):
                i = int(self.vocab.strings[m_id])
                k = self.indices[i]
                hits.add((i, (s + k) if k >= 0 else (e + k)))
        for i, t in sorted(hits):
            set_token_attrs(doc[t], self.attrs[i])
        return doc


def speed_up(nlp):
    """Replace the pipeline's ``attribute_ruler`` by :class:`FastAttributes` over its patterns (in place)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    from spacy.language import Language

    if not Language.has_factory("geopol_attributes"):
        Language.factory("geopol_attributes")(lambda nlp, name: FastAttributes(nlp.get_pipe("attribute_ruler")))
    nlp.add_pipe("geopol_attributes", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return nlp
