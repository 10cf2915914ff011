"""Experiment (issue 17): does the reader carry over better to new writers when it learns more writers?

Leave one writer out over ``--test`` writers. For each, the reader learns what it ships with (``reader_sources()``)
less that writer, plus the ``--add`` writers' answers (never the left-out one), and the screen with that reader
scores the left-out writer at the shipped settings. Totals only: no answer is printed.

    python benchmarks/experiments/screen_more_writers/curve.py --test 18-23 --add ''        # as shipped
    python benchmarks/experiments/screen_more_writers/curve.py --test 18-23 --add 24-27     # four more writers
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from analysis.screening import DisclosureScreener  # noqa: E402
from analysis.screening.charmodel import CharModel, model_text, reader_sources  # noqa: E402
from analysis.screening.learned import read_rows  # noqa: E402
from analysis.screening.questions import question_kind  # noqa: E402
from analysis.screening.writers import LATER_WRITERS, writer_rows  # noqa: E402

DIRS = (ROOT / "benchmarks" / "data", ROOT / "analysis" / "screening" / "data")


def _names(spec: str) -> list[str]:
    if not spec:
        return []
    out = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out += [f"fresh{n}" for n in range(int(lo), int(hi or lo) + 1)]
    return out


def _rows(name: str) -> list[tuple]:
    """``read_rows``-shaped rows of one writer: (answer, categories, writer, question kind)."""
    LATER_WRITERS.setdefault(name, (f"{name}_youth_ordinary.csv", f"{name}_youth_disclosures.csv"))
    return [(r["answer"], r["cats"] if r["kind"] == "disclosure" else (), name, question_kind(r["question"]))
            for r in writer_rows(name, DIRS)]


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--test", default="18-23")
    p.add_argument("--add", default="")
    p.add_argument("--c", type=float, default=None, help="the reader's C (default: CharModel's)")
    args = p.parse_args(argv)
    base = read_rows(reader_sources())
    tests, added = _names(args.test), _names(args.add)
    extra = {w: _rows(w) for w in set(added) | set(tests)}
    screener = DisclosureScreener().fit()
    total = {"disclosure": [0, 0], "ordinary": [0, 0]}
    for w in tests:
        train = [r for r in base if r[2] != w] + [r for a in added if a != w for r in extra[a]]
        kwargs = {} if args.c is None else {"C": args.c}
        screener.reader_ = CharModel(**kwargs).fit([model_text(r[0], r[3]) for r in train],
                                                   [1 if r[1] else 0 for r in train])
        n = {"disclosure": [0, 0], "ordinary": [0, 0]}
        for r in writer_rows(w, DIRS):
            kind = "disclosure" if r["kind"] == "disclosure" else "ordinary"
            n[kind][0] += screener.screen(r["answer"], question=r["question"]).flagged
            n[kind][1] += 1
        for k in n:
            total[k][0] += n[k][0]
            total[k][1] += n[k][1]
        print(f"{w}: recall {n['disclosure'][0] / n['disclosure'][1]:.3f} ({n['disclosure'][0]}), "
              f"{1000 * n['ordinary'][0] / n['ordinary'][1]:.1f} per 1,000 ({n['ordinary'][0]})", flush=True)
    d, o = total["disclosure"], total["ordinary"]
    print(f"ALL test={args.test} add={args.add or '-'}: recall {d[0] / d[1]:.3f} ({d[0]} of {d[1]}), "
          f"{1000 * o[0] / o[1]:.1f} per 1,000 ordinary ({o[0]} of {o[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
