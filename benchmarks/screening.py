"""Benchmark the safeguarding screen and the personal-data redaction.

Usage::

    python benchmarks/screening.py [--cases benchmarks/data/screening_cases.csv]
                                   [--redaction benchmarks/data/redaction_cases.csv]
                                   [--show-errors]

Screening: recall / precision of "flagged" over all cases and per category
(a case counts for a category when its label lists that category; a
prediction counts when the screen names it).  Redaction: recall over the
personal-data items (the item is gone and the right placeholder appears),
plus how many "keep" strings (place names, agencies, job titles) survived.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.redaction import PLACEHOLDERS, PersonalDataRedactor  # noqa: E402
from analysis.screening import CATEGORIES, DisclosureScreener  # noqa: E402

DATA = Path(__file__).parent / "data"


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def bench_screening(path: Path, show_errors: bool) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    t0 = time.perf_counter()
    screener = DisclosureScreener().fit()
    t_fit = time.perf_counter() - t0
    t0 = time.perf_counter()
    results = screener.transform([r["text"] for r in rows])
    t_run = time.perf_counter() - t0
    tp = fp = fn = tn = 0
    per = {c: [0, 0, 0] for c in CATEGORIES}  # tp, fp, fn
    errors = []
    for r, res in zip(rows, results, strict=True):
        gold = r["flagged"] == "1"
        gold_cats = {c for c in r["categories"].split(";") if c}
        if gold and res.flagged:
            tp += 1
        elif gold:
            fn += 1
            errors.append(("MISSED", r["text"], sorted(gold_cats), []))
        elif res.flagged:
            fp += 1
            errors.append(("FALSE ALARM", r["text"], [], [(h.category, h.evidence) for h in res.hits]))
        else:
            tn += 1
        pred = set(res.categories)
        for c in CATEGORIES:
            if c in gold_cats and c in pred:
                per[c][0] += 1
            elif c in pred and c not in gold_cats:
                per[c][1] += 1
            elif c in gold_cats:
                per[c][2] += 1
    n_pos, n_neg = tp + fn, tn + fp
    print(f"## Screening ({len(rows)} cases: {n_pos} disclosures, {n_neg} ordinary answers)\n")
    print(f"- recall    {_ratio(tp, tp + fn):.3f}  ({tp}/{tp + fn})")
    print(f"- precision {_ratio(tp, tp + fp):.3f}  ({tp}/{tp + fp})")
    print(f"- false alarms on ordinary answers {fp}/{n_neg}")
    print(f"- fit {t_fit:.1f}s, screen {1000 * t_run / max(1, len(rows)):.1f} ms/answer\n")
    print("| category | cases | recall | precision (category named) |")
    print("|---|---|---|---|")
    for c in CATEGORIES:
        t, f, m = per[c]
        print(f"| {c} | {t + m} | {_ratio(t, t + m):.2f} | {_ratio(t, t + f):.2f} |")
    if show_errors and errors:
        print("\n### Errors\n")
        for kind, text, gold, hits in errors:
            print(f"- {kind}: {text!r} gold={gold} hits={hits}")
    print()


def bench_redaction(path: Path, show_errors: bool) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    red = PersonalDataRedactor().fit()
    found = total = kept = keep_total = 0
    per: dict[str, list[int]] = {}
    errors = []
    for r in rows:
        out = red.redact(r["text"])
        for item in filter(None, r["pii"].split(";;")):
            kind, value = item.split("=", 1)
            total += 1
            ok = value not in out and PLACEHOLDERS[kind] in out
            found += ok
            per.setdefault(kind, [0, 0])
            per[kind][0] += ok
            per[kind][1] += 1
            if not ok:
                errors.append(("MISSED", kind, value, out))
        for keep in filter(None, r["keep"].split(";;")):
            keep_total += 1
            if keep in out:
                kept += 1
            else:
                errors.append(("OVER-REDACTED", "keep", keep, out))
    print(f"## Redaction ({len(rows)} cases, {total} personal-data items)\n")
    print(f"- recall {_ratio(found, total):.3f} ({found}/{total})")
    print(f"- kept place/agency/job words {kept}/{keep_total}\n")
    print("| kind | items | recall |")
    print("|---|---|---|")
    for kind, (ok, n) in sorted(per.items()):
        print(f"| {PLACEHOLDERS[kind]} | {n} | {_ratio(ok, n):.2f} |")
    if show_errors and errors:
        print("\n### Errors\n")
        for e in errors:
            print(f"- {e[0]} {e[1]} {e[2]!r} -> {e[3]!r}")
    print()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=Path, default=DATA / "screening_cases.csv")
    p.add_argument("--redaction", type=Path, default=DATA / "redaction_cases.csv")
    p.add_argument("--show-errors", action="store_true")
    args = p.parse_args(argv)
    bench_screening(args.cases, args.show_errors)
    bench_redaction(args.redaction, args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
