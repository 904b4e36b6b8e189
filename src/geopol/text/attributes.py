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

__all__ = ["FastAttributes", "speed_up"]

_GET = {"TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
        "IS_SPACE": lambda t: t.is_space}


def _test(spec):
    """A predicate for one Matcher token attribute value (exact, IN or NOT_IN), or None when unsupported."""
    if isinstance(spec, (str, bool)):
        return lambda v: v == spec
    if isinstance(spec, dict) and len(spec) == 1 and isinstance(next(iter(spec.values())), list):
        (op, values), = spec.items()
        values = frozenset(values)
        if op == "IN":
            return values.__contains__
        if op == "NOT_IN":
            return lambda v: v not in values
    return None


def _compile(token: dict):
    """(key attribute, its values, checks of the other attributes) for a one-token pattern, or None."""
    checks = {}
    for attr, spec in token.items():
        test = _test(spec)
        if attr not in _GET or test is None:
            return None
        checks[attr] = (_GET[attr], test)
    for key in ("LOWER", "TAG"):
        spec = token.get(key)
        if isinstance(spec, str) or isinstance(spec, dict) and "IN" in spec:
            values = [spec] if isinstance(spec, str) else spec["IN"]
            return key, values, [c for a, c in checks.items() if a != key]
    return None, None, list(checks.values())


class FastAttributes:
    """Apply an ``AttributeRuler``'s patterns: one-token ones by lookup and checks, the rest by a Matcher."""

    def __init__(self, ruler):
        from spacy.matcher import Matcher

        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self.keyed: dict[str, dict[str, list]] = {"LOWER": defaultdict(list), "TAG": defaultdict(list)}
        self.anywhere: list = []
        self.matcher = Matcher(ruler.vocab)
        self.vocab = ruler.vocab
        self.n_matcher = 0
        for i, p in enumerate(ruler.patterns):
            compiled = None
            if p["index"] in (0, -1) and all(len(alt) == 1 for alt in p["patterns"]):
                compiled = [_compile(alt[0]) for alt in p["patterns"]]
            if compiled is None or None in compiled:
                self.matcher.add(str(i), p["patterns"])
                self.n_matcher += 1
                continue
            for key, values, checks in compiled:
                if key is None:
                    self.anywhere.append((i, checks))
                for v in values or ():
                    self.keyed[key][v].append((i, checks))

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        hits = set()
        by_lower, by_tag, anywhere = self.keyed["LOWER"], self.keyed["TAG"], self.anywhere
        for tok in doc:
            for i, checks in (*by_lower.get(tok.lower_, ()), *by_tag.get(tok.tag_, ()), *anywhere):
                if all(test(get(tok)) for get, test in checks):
                    hits.add((i, tok.i))
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
        Language.factory("geopol_attributes")(lambda nlp, name: _Deferred())
    fast = nlp.add_pipe("geopol_attributes", before="attribute_ruler")
    fast.ruler = FastAttributes(nlp.get_pipe("attribute_ruler"))
    nlp.remove_pipe("attribute_ruler")
    return nlp


class _Deferred:
    """The registered component: holds the :class:`FastAttributes` built from the model's ruler."""

    ruler: FastAttributes | None = None

    def __call__(self, doc):
        return self.ruler(doc)
