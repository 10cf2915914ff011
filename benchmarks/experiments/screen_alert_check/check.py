"""Experiment (issue 17, 6 December, afternoon): an alert check over the shipped screen's alerts.

The reader's model (``analysis.screening.charmodel.CharModel``: word and character n-grams, a logistic regression)
learned from blind writers' answers alone (disclosures against ordinary answers, no hand-made cases, no adults'
feedback). An alert of the shipped screen stands only where the check gives the answer at least ``floor`` (or, with
``--reader R``, where the shipped reader gives it at least R). Learned from writers 18-52 and scored on 53-57 (never
read) and 58-62 (the second brief); learned from 18-62 and scored on writers 63-67 (their first sight); learned
from 18-67 and scored on writers 68-72 (first sight: care, special schools, young carers). Also
prints what the check gives a few of the screen tests' hand-made disclosures (terse and slang wordings).

    python benchmarks/experiments/screen_alert_check/check.py [--reader 0.7]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "benchmarks" / "data"
HAND_MADE = ["my brother is doing county lines", "kms honestly", "im sucidal", "been sh-ing again",
             "getting bullied by my stepbrother every day", "my friends mum because my mum throws things at me",
             "probably my nan, she doesnt know about the cutting", "the wifi died and then i just wanted to die"]
FLOORS = (0.0, 0.2, 0.25, 0.3)


def rows_of(n: int) -> list[tuple[str, str, int]]:
    out = []
    for kind, label in (("ordinary", 0), ("disclosures", 1)):
        with open(DATA / f"fresh{n}_youth_{kind}.csv", encoding="utf-8", newline="") as fh:
            out += [(r["question"], r["answer"], label) for r in csv.DictReader(fh)]
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--reader", type=float, default=None, help="an alert also stands where the reader gives this")
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from analysis.screening import DisclosureScreener
    from analysis.screening.charmodel import CharModel, model_text, shipped_reader
    from analysis.screening.questions import question_kind

    screener, reader = DisclosureScreener().fit(), shipped_reader()

    def text(q, a):
        return model_text(a, question_kind(q))

    for learned, scored in (((18, 52), (53, 57)), ((18, 52), (58, 62)), ((18, 62), (63, 67)), ((18, 67), (68, 72))):
        train = [r for n in range(learned[0], learned[1] + 1) for r in rows_of(n)]
        check = CharModel().fit([text(q, a) for q, a, _ in train], [y for *_, y in train])
        rows = [r for n in range(scored[0], scored[1] + 1) for r in rows_of(n)]
        flagged = [r for r in rows if screener.screen(r[1], question=r[0]).flagged]
        pc = check.probabilities([text(q, a) for q, a, _ in flagged])
        pr = reader.probabilities([text(q, a) for q, a, _ in flagged])
        n_ord = sum(1 for r in rows if r[2] == 0)
        n_dis = len(rows) - n_ord
        cells = []
        for floor in FLOORS:
            kept = [r for r, c, d in zip(flagged, pc, pr, strict=True)
                    if c >= floor or (args.reader is not None and d >= args.reader)]
            caught = sum(r[2] for r in kept)
            cells.append(f"{floor}: {caught / n_dis:.3f} / {1000 * (len(kept) - caught) / n_ord:.1f}")
        print(f"learned {learned[0]}-{learned[1]}, scored {scored[0]}-{scored[1]} (recall / alerts per 1,000 "
              f"ordinary at each floor): " + " | ".join(cells))
        hand = check.probabilities([text(None, a) for a in HAND_MADE])
        print("  hand-made disclosures, the check's probability: " +
              ", ".join(f"{a!r} {p:.2f}" for a, p in zip(HAND_MADE, hand, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
