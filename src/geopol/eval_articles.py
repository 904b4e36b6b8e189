"""Score the text pipeline on a user's own annotated articles (``geopol eval articles GOLD.json DIR``).

The gold format is that of ``shared/data/text-dev/README.md``: ``articles``
maps file names to ``{"date", "events", "relations", "claims",
"quantities"}``; an event has ``source``, ``target`` (null: any target),
``roots`` (CAMEO roots) or ``quads``, ``when`` ([first, last] day, null:
any), ``core``, ``undirected``. The matching is the development set's
scorer's (``shared/tools/score_articles.py``), so the figures agree:

- an extracted event matches a gold event when its source and target match
  (either direction for an undirected one; ``UN`` matches the UN's codes), its
  CAMEO root is among the gold roots (or its quad class among the quads) and
  its time overlaps the gold window; only facts count (not negated,
  hypothetical or conditional);
- **recall**: gold events matched one to one (a maximum bipartite matching),
  on all events and on core events;
- **precision** (when the gold says it is exhaustive): the share of extracted
  facts that match some gold event of their article;
- **actors**: the share of gold events whose source and target (when it has
  one) are both among the actors the document's mentions resolve to
  (coreference included): how much of what could be read has its actors;
  **actors_in_sentence** the same within the sentences that hold the gold
  event's quoted span;
- **relations**: a gold (a, b, sign) found with the same pair and sign;
  **claims**: the speaker's last name in the extracted speaker (or the
  speaker's actor starting with the gold country) and an overlap of ``about``;
  **quantities**: an extracted event of the gold actor carrying the value
  within 1 %.

Each article is read into its own in-memory store with the article's date,
as ``geopol ingest FILE --date D`` would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import InputError
from .model import to_jsonable

__all__ = ["ArticleScores", "score_articles", "event_matches", "match_events", "UN_CODES"]

UN_CODES = frozenset({"UN", "UNO", "IGO", "UNSC", "IGOUNO", "IGOUNOSEC", "UNSG"})
_NOT_FACTS = {"negated", "hypothetical", "conditional"}


@dataclass
class ArticleScores:
    """Hits and totals per measure, and what was missed, for a set of articles."""

    counts: dict = field(default_factory=lambda: {k: [0, 0] for k in (
        "events", "core", "precision", "relations", "claims", "quantities", "actors",
        "actors_in_sentence")})
    exhaustive: bool = False
    missed: list = field(default_factory=list)       # "article: what" lines
    unmatched: list = field(default_factory=list)
    articles: int = 0

    def rate(self, key: str) -> float | None:
        hit, total = self.counts[key]
        return hit / total if total else None

    def as_dict(self) -> dict:
        out = {k: {"hit": h, "total": t, "rate": (h / t if t else None)} for k, (h, t) in self.counts.items()}
        if not self.exhaustive:
            out.pop("precision")
        return {"articles": self.articles, "exhaustive": self.exhaustive, "scores": out,
                "missed": self.missed, "unmatched": self.unmatched}


def _code_ok(code, want, un) -> bool:
    if want is None:
        return True
    if want == "UN":
        return code in un or str(code or "").startswith("IGOUNO")
    return code == want


def event_matches(ev: dict, g: dict, un=UN_CODES) -> bool:
    """Whether an extracted event (the export's row) matches a gold event."""
    if (ev.get("modality") or "asserted") in _NOT_FACTS:
        return False
    pairs = [(g["source"], g.get("target"))]
    if g.get("undirected"):
        pairs.append((g.get("target"), g["source"]))
    if not any(_code_ok(ev.get("source"), a, un) and _code_ok(ev.get("target"), b, un) for a, b in pairs):
        return False
    if "roots" in g and str(ev.get("cameo") or "")[:2] not in g["roots"]:
        return False
    if "quads" in g and ev.get("quad") not in g["quads"]:
        return False
    when = g.get("when")
    if not when:
        return True
    s, e = ev.get("start"), ev.get("end") or ev.get("start")
    return bool(s) and str(s)[:10] <= when[1] and str(e)[:10] >= when[0]


def match_events(events: list[dict], gold: list[dict], un=UN_CODES) -> set[int]:
    """The gold events matched one to one (augmenting paths); returns their indices."""
    cands = [[j for j, ev in enumerate(events) if event_matches(ev, g, un)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i, seen):
        for j in cands[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return set(owner.values())


def _read_gold(path: Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the gold file ({exc})") from None
    except ValueError as exc:
        raise InputError(f"{path}: not JSON ({exc})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), dict):
        raise InputError(f"{path}: not an articles gold file (it needs an 'articles' object; see "
                         "docs/text.md, 'Scoring on your own articles')")
    return gold


def score_articles(gold_path, articles_dir, *, stages=None, registry_files=()) -> ArticleScores:
    """Read every article of a gold file with the pipeline and score what it extracts."""
    from . import records
    from .api import Geopol
    from .store import Store
    from .text.pipeline import DEFAULT_STAGES

    gold = _read_gold(Path(gold_path))
    articles_dir = Path(articles_dir)
    if not articles_dir.is_dir():
        raise InputError(f"{articles_dir}: not a directory of articles")
    un = set(gold.get("un_codes") or []) | UN_CODES
    out = ArticleScores(exhaustive="EXHAUSTIVE" in str(gold.get("notes", "")))
    for name, g in gold["articles"].items():
        path = articles_dir / name
        if not path.is_file():
            raise InputError(f"{path}: the gold file names an article that is not in {articles_dir}")
        label = name[:2] if name[:2].isdigit() else name
        with Geopol(Store.open(":memory:"), registry_files, stages=stages or DEFAULT_STAGES) as geo:
            geo.ingest([path], date=date.fromisoformat(g["date"]) if g.get("date") else None)
            events = [to_jsonable(records.event_row(e)) for e in geo.events()]
            relations = geo.relations()
            claims = geo.claims()
            ms = geo.mentions()
            named = {m.country for m in ms} | {m.actor for m in ms}
            sentences = geo.store.sentences()
            text = geo.store.text(sentences[0].doc) if sentences else ""
        out.articles += 1
        _score_one(out, label, g, events, relations, claims, un)
        for x in g.get("events", []):
            ok = all(want is None or any(_code_ok(code, want, un) for code in named)
                     for want in (x["source"], x.get("target")))
            out.counts["actors"][0] += ok
            out.counts["actors"][1] += 1
            if not ok:
                out.missed.append(f"{label} actors of {x.get('id')}: {x['source']}->{x.get('target')}")
            k = text.find(str(x.get("sentence", ""))[:80])
            if k < 0:
                continue
            end = k + len(str(x.get("sentence", "")))
            spans = [(se.start, se.end) for se in sentences if se.start < end and se.end > k]
            local = {c for m in ms if any(a <= m.start < b for a, b in spans) for c in (m.country, m.actor)}
            ok = all(want is None or any(_code_ok(code, want, un) for code in local)
                     for want in (x["source"], x.get("target")))
            out.counts["actors_in_sentence"][0] += ok
            out.counts["actors_in_sentence"][1] += 1
    return out


def _score_one(out: ArticleScores, label, g, events, relations, claims, un) -> None:
    c = out.counts
    gev = g.get("events", [])
    hit = match_events(events, gev, un)
    c["events"][0] += len(hit)
    c["events"][1] += len(gev)
    core = [i for i, x in enumerate(gev) if x.get("core")]
    c["core"][0] += sum(1 for i in core if i in hit)
    c["core"][1] += len(core)
    for i, x in enumerate(gev):
        if i not in hit:
            out.missed.append(f"{label} event {x.get('id')}: {x.get('source')}->{x.get('target')} "
                              f"{x.get('roots') or x.get('quads')} | {str(x.get('sentence', ''))[:120]}")
    if out.exhaustive:
        for e in events:
            if (e.get("modality") or "asserted") in _NOT_FACTS:
                continue
            ok = any(event_matches(e, x, un) for x in gev)
            c["precision"][0] += ok
            c["precision"][1] += 1
            if not ok:
                out.unmatched.append(f"{label} {e.get('source')}->{e.get('target')} {e.get('cameo')} "
                                     f"{str(e.get('start'))[:10]} | {str((e.get('evidence') or {}).get('text', ''))[:120]}")
    for x in g.get("relations", []):
        sign = x["sign"] if isinstance(x["sign"], int) else (1 if str(x["sign"]).startswith("+") else -1)
        ok = any({r.a, r.b} == {x["a"], x["b"]} and r.sign == sign for r in relations)
        c["relations"][0] += ok
        c["relations"][1] += 1
        if not ok:
            out.missed.append(f"{label} relation {x['a']}{'+' if sign > 0 else '-'}{x['b']}")
    for x in g.get("claims", []):
        last = x["speaker"].split()[-1].lower()
        ok = any((last in (cl.speaker or "").lower() or (cl.speaker_actor or "")[:3] == x.get("speaker_country"))
                 and set(x.get("about") or []) & set(cl.about or ()) for cl in claims)
        c["claims"][0] += ok
        c["claims"][1] += 1
        if not ok:
            out.missed.append(f"{label} claim {x['speaker']}")
    for x in g.get("quantities", []):
        ok = any(e.get("quantity") and e["quantity"].get("value") is not None
                 and abs(float(e["quantity"]["value"]) - x["value"]) <= 0.01 * abs(x["value"])
                 and e.get("source") == x["actor"] for e in events)
        c["quantities"][0] += ok
        c["quantities"][1] += 1
        if not ok:
            out.missed.append(f"{label} quantity {x['value']} ({x.get('actor')})")
