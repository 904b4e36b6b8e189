"""Extract the example sentences of the CAMEO manual, each with the code it illustrates.

Reads ../shared/data/cameo/CAMEO.Manual.1.1b3.pdf through Debian's pdftotext
(poppler-utils) and writes tests/data/cameo_manual_examples.tsv (code, sentence):
line-break hyphens are joined and usage notes are left out.

Run: python3 scripts/extract_cameo_examples.py [PDF] [OUT]
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def examples(pdf: Path) -> list[tuple[str, str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    code, out, cur = None, [], None
    for line in text.splitlines():
        m = re.match(r"^\s*CAMEO\s+(\d{2,4})\s*$", line)
        if m:
            code, cur = m.group(1), None
            continue
        m = re.match(r"^\s*Example\s+(.*)$", line)
        if m and code:
            cur = [m.group(1).strip()]
            out.append((code, cur))
            continue
        if cur is not None:
            if not line.strip() or re.match(r"^\s*(CAMEO|Name|Description|Usage|Example|Note)\b", line):
                cur = None
                continue
            cur.append(line.strip())
    rows = []
    for c, parts in out:
        if parts[0].startswith("Note"):
            continue
        sentence = re.sub(r"\s+", " ", re.sub(r"(\w)- (\w)", r"\1\2", " ".join(parts))).strip()
        rows.append((c, sentence))
    return rows


def main() -> None:
    pdf = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/cameo/CAMEO.Manual.1.1b3.pdf"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests/data/cameo_manual_examples.tsv"
    rows = examples(pdf)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["cameo", "sentence"])
        w.writerows(rows)
    print(f"wrote {len(rows)} examples to {out}")


if __name__ == "__main__":
    main()
