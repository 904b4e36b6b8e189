"""Convert PETRARCH2's CAMEO verb dictionary (MIT) into geopol's verb-pattern table.

    python3 scripts/build_verbs.py [SHARED_DIR]      # default ../shared

Reads ``data/petrarch/CAMEO.2.0.txt`` (format: ``dictionaries.rst``, "Verb
Dictionary") and writes ``src/geopol/text/data/petrarch_verbs.tsv`` with one
row per verb and per pattern:

- ``lemma``: the verb's base form, lower case ("ask");
- ``particle``: the word a multi-word verb adds ("for" of ``+ASK_FOR``, "off"
  of ``+CALL_OFF``), or empty;
- ``pattern``: empty for the verb itself, else the pattern's constraints
  joined by ``;``: ``obj=aid|help`` (the head noun of the object; a synset
  expands to its words; ``obj=financial aid`` a head with the modifier it
  must carry), ``prep=to`` or ``prep=to:border`` (a prepositional
  phrase and its head noun), ``prt=out`` (a particle), ``subj=troop|army``
  (the head noun of the subject, from the pre-verb part);
- ``code``: the CAMEO code (the first of ``[A:B]``; empty for the null code
  ``---``, which means "no event"; ``:B`` for ``[:B]``, an act of the other
  party on the subject: "receive a loan from X" is X's aid);
- ``block``: on a pattern row, ``own`` when the pattern was written for this
  verb (the dictionary's comment names it), else ``from:VERB`` (borrowed from
  a synonym of the block); on a verb's
  own row, ``verb`` when the code is the verb's own (``ASK [020]``, or the
  block named after the verb), else the label of the block whose code it
  inherits (a weaker reading: ``deepen`` takes the ``BOOST`` block's 060).

Patterns whose pre-verb part holds anything but nouns ("WILL NOT *") are left
out: modality is read from the parse. Markers of the source, target and
skipped phrases (``$ + ^ %``) carry no constraint here.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "geopol" / "text" / "data" / "petrarch_verbs.tsv"
PREPS = {"to", "with", "against", "on", "at", "for", "from", "in", "into", "of", "over", "toward", "towards",
         "by", "about", "under", "between", "among", "across", "through", "as", "behind", "before", "after",
         "upon", "onto", "within", "without", "along", "near", "beyond", "off", "out", "up", "down", "around"}
PARTICLES = {"out", "off", "up", "down", "back", "away", "aside", "forward", "over", "in", "on", "together",
             "apart", "ahead", "through", "around", "across", "open", "home"}
_CODE = re.compile(r"\[([^\]]*)\]")


def _singular(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _code(text: str) -> str | None:
    """``'042:043'`` → ``'042'``; ``':173'`` → ``':173'``; ``'---'`` → ``''``; None when not a code.

    ``[A:B]`` pairs the code A of the subject's act on the other party with the code B of the other
    party's act on the subject ("RECEIVE * ENVOY [043:042]": X hosts, the envoy's state visits); ``[:B]``
    has only the second ("RECEIVE * LOAN [:071]": the lender aids the subject), kept with its colon.
    """
    parts = [p.strip() for p in text.split(":")]
    if len(parts) == 2 and not parts[0] and re.fullmatch(r"\d{2,4}", parts[1]):
        return ":" + parts[1]
    for p in parts:
        if p.startswith("---"):
            return ""
        if re.fullmatch(r"\d{2,4}", p):
            return p
    return None


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = None
    for raw in lines:
        line = raw.partition("#")[0].rstrip()
        if line.startswith("&"):
            cur = line[1:].strip().rstrip("_")
            out[cur] = []
        elif line.startswith("+") and cur is not None:
            words = line[1:].strip().rstrip("_").replace("_", " ").lower()
            if words:
                out[cur].append(words.split()[-1])
        elif line.strip() and not line.startswith("+"):
            cur = None
        if line.startswith("####### VERB PATTERNS"):
            break
    return out


def _items(part: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """Constraints of the post-verb part of a pattern, or None when it cannot be read."""
    out = []
    tokens = re.findall(r"\(([^)]*)\)|\{([^}]*)\}|(\S+)", part)
    for paren, brace, word in tokens:
        if paren:
            words = re.findall(r"\{[^}]*\}|\S+", paren)
            if not words:
                continue
            prep = words[0].lower()
            head = ""
            if len(words) > 1:
                head = _phrase(words[-1].strip("{}").split(), synsets)
            out.append(f"prep={prep}" + (f":{head}" if head else ""))
        elif brace:
            ws = brace.split()
            if ws:
                out.append("obj=" + _phrase(ws, synsets))
        elif word:
            if word in ("$", "+", "^", "%", "*"):
                continue
            low = word.lower()
            if not out and low in PARTICLES:
                out.append(f"prt={low}")
            elif low in PREPS and out and out[-1].startswith("obj="):
                out.append(f"prep={low}")
            elif re.fullmatch(r"[&A-Za-z][\w'-]*", word):
                out.append("obj=" + _expand(word, synsets))
            else:
                return None
    return out


def _phrase(words: list[str], synsets: dict[str, list[str]]) -> str:
    """A noun phrase as alternatives of "modifier head" ({FINANCIAL AID} -> "financial aid"), or the head alone."""
    if not words:
        return ""
    heads = _expand(words[-1], synsets).split("|")
    if len(words) == 1:
        return "|".join(heads)
    mods = _expand(words[-2], synsets).split("|")
    return "|".join(dict.fromkeys(f"{m} {h}" for m in mods for h in heads))


def _expand(word: str, synsets: dict[str, list[str]]) -> str:
    if word.startswith("&"):
        return "|".join(dict.fromkeys(_singular(w) for w in synsets.get(word[1:].rstrip("_"), []) if w)) or "?"
    return _singular(word.lower().replace("_", " ").split()[-1])


def build(shared: Path) -> list[list[str]]:
    lines = (shared / "data" / "petrarch" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    rows: list[list[str]] = []
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    block, block_code, verbs = "", "", []
    for raw in lines[start + 1:]:
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block, block_code, verbs = m.group(1).rstrip("_"), _code(m.group(2)) or "", []
            continue
        if line.startswith("~"):
            continue  # transformations: read the combination from the parse instead
        if line.startswith("-"):
            body = line[1:]
            codes = _CODE.findall(body)
            if not codes:
                continue
            code = _code(codes[-1])
            if code is None:
                continue
            body = _CODE.sub(" ", body)
            if "*" not in body:
                continue
            pre, post = body.split("*", 1)
            pre_words = [w for w in re.findall(r"\{[^}]*\}|\S+", pre) if w not in ("$", "+", "^", "%")]
            cons = []
            if pre_words:
                head = pre_words[-1].strip("{}").split()
                if len(pre_words) > 1 or not head or head[-1].upper() in ("WILL", "NOT", "BEEN", "HAS", "HAVE",
                                                                          "WOULD", "TO", "BE", "WAS", "IS"):
                    continue
                cons.append("subj=" + _expand(head[-1], synsets))
            items = _items(post, synsets)
            if items is None or "?" in ";".join(items):
                continue
            cons.extend(items)
            if not cons:
                continue
            # the comment names the verb the pattern was written for ("# CONDEMN"); the block's other
            # verbs borrow it
            origin = re.match(r"\s*([A-Z][A-Z_'-]*)", comment or "")
            origin = origin.group(1).lower() if origin else ""
            for lemma, particle in verbs:
                own = origin in (lemma, f"{lemma}_{particle}".strip("_"))
                rows.append([lemma, particle, ";".join(cons), code, "own" if own else f"from:{origin or block}"])
            continue
        # a verb line: VERB, VERB {forms}, VERB [code], +MULTI_WORD {forms} [code], WIRE_+TAP
        codes = _CODE.findall(line)
        own = _code(codes[0]) if codes else None
        head = re.sub(r"\{[^}]*\}", " ", _CODE.sub(" ", line)).strip()
        if not head:
            continue
        word = head.split()[0]
        parts = word.split("_")
        if len(parts) > 1 and any(p.startswith("+") for p in parts):
            k = next(i for i, p in enumerate(parts) if p.startswith("+"))
            lemma = parts[k].lstrip("+").lower()
            particle = " ".join(p.lower() for p in parts[k + 1:])
            if k > 0:
                continue  # a word before the verb ("WIRE_+TAP"): the parse rarely keeps it as one verb
        else:
            lemma, particle = word.lstrip("+").lower(), ""
        if not re.fullmatch(r"[a-z][a-z-]*", lemma):
            continue
        verbs.append((lemma, particle))
        code = own if own is not None else block_code
        # "verb": the verb's own code or the block named after it; "block": a synonym's inherited code
        rows.append([lemma, particle, "", code, block if own is None and lemma.upper() != block.split("_")[0]
                     else "verb"])
    return rows


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    rows, seen = [], set()
    for r in build(shared):  # the same pattern in two blocks: the first wins
        if (r[0], r[1], r[2]) not in seen:
            seen.add((r[0], r[1], r[2]))
            rows.append(r)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["lemma", "particle", "pattern", "code", "block"])
        w.writerows(rows)
    verbs = {(r[0], r[1]) for r in rows}
    print(f"{len(rows)} rows, {len(verbs)} verbs, {sum(1 for r in rows if r[2])} patterns -> {OUT}")


if __name__ == "__main__":
    main()
