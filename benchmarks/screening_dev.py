"""Every development set of the youth screen in one run, each writer on its own line.

Usage::

    python benchmarks/screening_dev.py [--dump out.json] [--diff before.json]

Prints, for each blind writer's youth sets (heldout = second writer, blind = first writer's benign set
and minimal pairs, fresh3 = third writer, fresh4/fresh5 = fourth and fifth writers' tuning two
thirds): alerts per 1,000 ordinary answers and recall on disclosures;
then the NHS score part (alerts per 1,000), rounds 19-20 (untouched: recall / false alarms) and rounds
1-18 with the development cases (tuned: recall / false alarms).  ``--dump`` writes every answer's
verdict; ``--diff`` prints the answers whose verdict changed since a dump (what a change costs / buys;
for the NHS score part only the counts).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.screening import DisclosureScreener  # noqa: E402
from benchmarks.realtext import load_nhs  # noqa: E402
from benchmarks.screening_heldout import NEW_WRITERS, new_writer_part  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
YOUTH = (  # writer, ordinary file, disclosures file
    ("heldout", "heldout_youth_ordinary.csv", "heldout_youth_disclosures.csv"),
    ("blind", "blind_youth_benign.csv", None),
    ("fresh3", "fresh3_youth_ordinary.csv", "fresh3_youth_disclosures.csv"),
)


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _rounds(numbers) -> list[dict]:
    rows = []
    for k in numbers:
        path = DATA / f"screening_fresh_round_{k}.csv"
        if path.exists():
            rows += _rows(path.name)
    return rows


def run(screener) -> dict[str, dict]:
    """``{set: {key: (gold, flagged, categories)}}`` for every development set."""
    out: dict[str, dict] = {}

    def put(name, rows, texts, questions, golds):
        res = screener.transform(texts, questions)
        out[name] = {f"{i}|{q or ''}|{t}": (g, x.flagged, list(x.categories))
                     for i, (t, q, g, x) in enumerate(zip(texts, questions, golds, res, strict=True))}

    for writer, ordinary, disclosures in YOUTH:
        rows = _rows(ordinary)
        put(f"{writer}:ordinary", rows, [r["answer"] for r in rows], [r.get("question") for r in rows],
            [0] * len(rows))
        if disclosures:
            rows = _rows(disclosures)
            put(f"{writer}:disclosures", rows, [r["answer"] for r in rows], [r.get("question") for r in rows],
                [1] * len(rows))
    for prefix in NEW_WRITERS.values():  # the tuning two thirds only: the set-aside third is never listed
        for kind, gold in (("ordinary", 0), ("disclosures", 1)):
            rows = [r for r in _rows(f"{prefix}_youth_{kind}.csv") if new_writer_part(prefix, r["id"]) == "tune"]
            put(f"{prefix}-tune:{kind}", rows, [r["answer"] for r in rows], [r["question"] for r in rows],
                [gold] * len(rows))
    rows = _rows("blind_youth_disclosures_contrast.csv")
    put("blind:pairs", rows, [r["answer"] for r in rows], [None] * len(rows), [int(r["label"]) for r in rows])
    rows = load_nhs("score")
    put("nhs:score", rows, [r["feedback"] for r in rows], [None] * len(rows), [0] * len(rows))
    for name, rows in (("rounds:19-20", _rounds((19, 20))),
                       ("rounds:1-18+dev", _rounds(range(1, 19)) + _rows("screening_cases.csv"))):
        put(name, rows, [r["text"] for r in rows], [None] * len(rows), [int(r["flagged"] == "1") for r in rows])
    return out


def summary(out: dict[str, dict]) -> list[str]:
    lines = []
    for name, res in out.items():
        vals = list(res.values())
        pos = [f for g, f, _c in vals if g]
        neg = [f for g, f, _c in vals if not g]
        cells = []
        if neg:
            cells.append(f"ordinary {len(neg)}: {sum(neg)} flagged = {1000 * sum(neg) / len(neg):.1f} per 1,000")
        if pos:
            cells.append(f"disclosures {len(pos)}: recall {sum(pos) / len(pos):.3f} ({sum(pos)})")
        lines.append(f"{name:18s} " + "; ".join(cells))
    return lines


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dump", type=Path)
    p.add_argument("--diff", type=Path)
    args = p.parse_args(argv)
    out = run(DisclosureScreener().fit())
    print("\n".join(summary(out)))
    if args.dump:
        args.dump.write_text(json.dumps(out))
    if args.diff:
        before = json.loads(args.diff.read_text())
        for name, res in out.items():
            if name == "nhs:score":  # only scored, never tuned on: counts, not texts
                old = before.get(name, {})
                moved = [(k, f) for k, (_g, f, _c) in res.items() if k in old and old[k][1] != f]
                print(f"{name}: {sum(f for _k, f in moved)} newly flagged, "
                      f"{sum(not f for _k, f in moved)} no longer flagged (texts not shown)")
                continue
            for key, (gold, flagged, cats) in res.items():
                old = before.get(name, {}).get(key)
                if old and old[1] != flagged:
                    good = "BETTER" if bool(gold) == flagged else "WORSE"
                    print(f"{good} {name} {'flagged' if flagged else 'unflagged'} {cats or old[2]} "
                          f"{key.split('|', 1)[1][:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
