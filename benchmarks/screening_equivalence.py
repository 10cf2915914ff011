"""Prove that a change to how the screen is built leaves every screening result as it was.

Usage::

    python benchmarks/screening_equivalence.py --write before.json   # on the old code
    python benchmarks/screening_equivalence.py --compare before.json # on the new code

Screens every answer in ``analysis/screening/data/*.csv`` and ``benchmarks/data/*.csv``
(about 24,000 distinct texts; ``--nhs`` adds the shared NHS comments) with the default
screen and the rules-only screen (``learned=False``), and normalises every distinct token
of those texts.  The record holds, per text, the flag, the categories and every hit
(category, quoted words, offsets); per token, its normalised form.  ``--compare`` exits 1
and lists the first differences when anything differs.  Takes a few minutes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.screening import DisclosureScreener  # noqa: E402

SOURCES = sorted((ROOT / "analysis" / "screening" / "data").glob("*.csv")) + sorted(
    (ROOT / "benchmarks" / "data").glob("*.csv"))
NHS = ROOT.parent / "shared" / "data" / "px_phase1_text_data.csv"
TEXT_COLUMNS = ("text", "answer", "feedback")
CONFIGS = {"default": {}, "rules_only": {"learned": False}}


def corpus(nhs: Path | None = None) -> list[str]:
    """Distinct texts of the packaged and benchmark CSV files, in a fixed order."""
    seen: dict[str, None] = {}
    for path in SOURCES + ([nhs] if nhs else []):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for col in TEXT_COLUMNS:
                    if row.get(col):
                        seen.setdefault(row[col], None)
    return list(seen)


def record(texts: list[str]) -> dict:
    out: dict = {"texts": len(texts)}
    for name, params in CONFIGS.items():
        t0 = time.process_time()
        screener = DisclosureScreener(**params).fit()
        rows = []
        for text in texts:
            r = screener.screen(text)
            rows.append([r.flagged, list(r.categories), [[h.category, h.evidence, h.start, h.end] for h in r.hits]])
        out[name] = rows
        print(f"{name}: {sum(r[0] for r in rows)} of {len(rows)} flagged ({time.process_time() - t0:.0f} s CPU)",
              file=sys.stderr)
        if name == "default":
            tokens = sorted({t.text for text in texts for t in screener.nlp_.make_doc(text)})
            out["norms"] = {w: screener.normaliser_.norm(w) for w in tokens}
    return out


def digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def compare(old: dict, new: dict, texts: list[str], limit: int = 20) -> int:
    diffs = 0
    for key in ("default", "rules_only"):
        for i, (a, b) in enumerate(zip(old[key], new[key], strict=True)):
            if a != b:
                diffs += 1
                if diffs <= limit:
                    print(f"{key}: {texts[i]!r}\n  before {a}\n  after  {b}")
    for w, n in old["norms"].items():
        if new["norms"].get(w) != n:
            diffs += 1
            if diffs <= limit:
                print(f"norm {w!r}: before {n!r} after {new['norms'].get(w)!r}")
    return diffs


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", type=Path, help="screen the corpus and write the record here")
    g.add_argument("--compare", type=Path, help="screen the corpus and compare with this record")
    p.add_argument("--nhs", nargs="?", type=Path, const=NHS, help="also the shared NHS comments (10,000 more)")
    args = p.parse_args(argv)
    texts = corpus(args.nhs)
    new = record(texts)
    print("digests: " + ", ".join(f"{k} {digest(new[k])}" for k in ("default", "rules_only", "norms"))
          + f" ({len(texts)} texts, {len(new['norms'])} tokens)")
    if args.write:
        args.write.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
        return 0
    old = json.loads(args.compare.read_text(encoding="utf-8"))
    if old["texts"] != len(texts):
        print(f"different corpus: {old['texts']} texts before, {len(texts)} now")
        return 1
    diffs = compare(old, new, texts)
    print(f"{diffs} differences" if diffs else "identical: every flag, category, quote, offset and norm")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
