"""Experiment (issue 17, 6 December): the screen's settings on a group of writers, the shipped reader kept.

``--root`` runs another checkout (a worktree of the commit whose reader had not learned the writers: their first
sight). A config is ``name=key:value,...`` with the keys of ``lowo.py`` (``floor``, ``selfharm``, ``learned``,
``threshold``, ``overrule``, ``nolearned``, ``fh``, ``lr``, ``fam``). Totals only.

    python benchmarks/experiments/screen_quiet/configs.py --root /tmp/head --writers 43-47 \
        --config shipped= nl=nolearned:1
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"


def _rows(w: str, kind: str) -> list[dict]:
    with open(DATA / f"{w}_youth_{kind}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[3])
    p.add_argument("--writers", default="43-47")
    p.add_argument("--config", nargs="+", default=["shipped="])
    args = p.parse_args(argv)
    sys.path.insert(0, str(args.root))
    sys.path.insert(1, str(Path(__file__).parent))
    sys.path.insert(2, str(Path(__file__).parents[1] / "screen_more_writers"))
    from lowo import _apply  # noqa: PLC0415
    from lowo_all import _parse  # noqa: PLC0415

    from analysis.screening import DisclosureScreener  # noqa: PLC0415

    lo, _, hi = args.writers.partition("-")
    data = [(_rows(w, "ordinary"), _rows(w, "disclosures"))
            for w in (f"fresh{n}" for n in range(int(lo), int(hi or lo) + 1))]
    screeners = {}
    for spec in args.config:
        name, cfg = _parse(spec)
        ablate = frozenset(_apply(cfg))
        if ablate not in screeners:
            screeners[ablate] = DisclosureScreener(ablate=ablate).fit()
        s = screeners[ablate]
        alerts = caught = n_o = n_d = 0
        for ords, dis in data:
            alerts += sum(s.screen(r["answer"], question=r["question"]).flagged for r in ords)
            caught += sum(s.screen(r["answer"], question=r["question"]).flagged for r in dis)
            n_o, n_d = n_o + len(ords), n_d + len(dis)
        print(f"| {name} | {caught / n_d:.3f} ({caught}) | {1000 * alerts / n_o:.1f} ({alerts}) |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
