"""Cross-validation of the safeguarding screen on its TRAINING data only (issue 17 tuning).

Usage::

    python benchmarks/screening_cv.py [--refit] [--show-errors] [--no-question] [--ablate NAME ...]

Two folds by a hash of each training row's id (the text when it has none; minimal pairs kept
together by their pair id).  Fresh rounds 17 and 18 are left out of both nets and scored by each.
For each fold the learned net is trained on the other fold (``DisclosureScreener(prefitted=False)``)
and the whole screen (rules, vetoes, judge, net) scores the held-out fold.  Pooled over both folds:

* alerts per 1,000 on the NHS learn part (``ordinary_real.csv``) and on the youth training
  ordinary answers (``youth_train_ordinary.csv`` plus the general-talk half of the minimal pairs);
* recall on the youth training disclosures (plus the first-hand half of the pairs) and on
  rounds 17-18 (false alarms on their look-alikes too).

Youth answers are screened beside their ``question`` column (``--no-question``: alone).  The fold
nets are cached in ``/tmp/screening_cv_net_<k>``; ``--refit`` retrains them (needed after a change
to the net's sources: rules, word lists, training data).  Nothing here reads the held-out or blind
sets under ``benchmarks/data``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.screening import DisclosureScreener  # noqa: E402
from analysis.screening.learned import (  # noqa: E402
    ORDINARY_REAL,
    TRAINING_CASES,
    UNKNOWN_CATEGORY,
    YOUTH_TRAIN,
    LearnedNet,
)

CACHE = Path("/tmp/screening_cv_net")
HELD_ROUNDS = {"fresh_round_17", "fresh_round_18"}


def _fold(key: str) -> int:
    return hashlib.sha256(("cv-2026:" + key).encode()).digest()[0] % 2


def load_rows() -> list[dict]:
    """Every training row as ``{text, cats, question, set, fold}``."""
    rows = []
    with open(TRAINING_CASES, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            cats = tuple(c for c in r["categories"].split(";") if c) if r["flagged"] == "1" else ()
            group = "rounds_17_18" if r.get("source") in HELD_ROUNDS else "cases"
            rows.append({"text": r["text"], "cats": cats, "question": None, "set": group, "fold": _fold(r["text"])})
    with open(ORDINARY_REAL, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            rows.append({"text": r["text"], "cats": (), "question": None, "set": "nhs_learn", "fold": _fold(r["text"])})
    for path in YOUTH_TRAIN:
        with open(path, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                key = r["id"].rsplit("-", 1)[0] if "label" in r else r["id"]
                if "category" in r:
                    cats, name = (r["category"],), "youth_disclosures"
                elif "label" in r:
                    cats = (UNKNOWN_CATEGORY,) if r["label"] == "1" else ()
                    name = "youth_disclosures" if cats else "youth_ordinary"
                else:
                    cats, name = (), "youth_ordinary"
                rows.append({"text": r["answer"], "cats": cats, "question": r["question"], "set": name,
                             "fold": _fold(key)})
    return rows


def fold_screener(rows, k: int, refit: bool, ablate=()) -> DisclosureScreener:
    """The screen whose net was trained without fold ``k`` and without rounds 17-18."""
    stem = Path(f"{CACHE}_{k}")
    if refit or not stem.with_suffix(".npz").exists():
        train = [r for r in rows if r["fold"] != k and r["set"] != "rounds_17_18"]
        s = DisclosureScreener(prefitted=False).fit([r["text"] for r in train], [r["cats"] for r in train])
        s.learned_.save(stem, {"fold": k})
    s = DisclosureScreener(ablate=ablate).fit()
    s.learned_, _meta = LearnedNet.load(stem, threshold=s.learned_threshold)
    return s


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--refit", action="store_true", help="retrain the two fold nets")
    p.add_argument("--show-errors", action="store_true")
    p.add_argument("--no-question", action="store_true")
    p.add_argument("--ablate", nargs="*", default=())
    p.add_argument("--sets", nargs="*", default=("nhs_learn", "youth_ordinary", "youth_disclosures",
                                                   "rounds_17_18"))
    args = p.parse_args(argv)
    rows = load_rows()
    tally: dict[str, list[int]] = {}
    errors = []
    for k in (0, 1):
        s = fold_screener(rows, k, args.refit, set(args.ablate))
        for r in rows:
            if r["set"] not in args.sets or (r["set"] != "rounds_17_18" and r["fold"] != k):
                continue
            res = s.screen(r["text"], question=None if args.no_question else r["question"])
            cell = tally.setdefault(f"{r['set']}:{'pos' if r['cats'] else 'neg'}", [0, 0])
            cell[0] += res.flagged
            cell[1] += 1
            if bool(r["cats"]) != res.flagged:
                errors.append((r["set"], k, "MISSED" if r["cats"] else "FALSE ALARM", r["text"],
                               [(h.category, h.evidence) for h in res.hits]))
    print("| set | answers | flagged | per 1,000 / recall |")
    print("|---|---|---|---|")
    for key, (n, total) in sorted(tally.items()):
        figure = f"{n / total:.3f} recall" if key.endswith(":pos") else f"{1000 * n / total:.1f} per 1,000"
        print(f"| {key} | {total} | {n} | {figure} |")
    if args.show_errors:
        for e in errors:
            print(f"- [{e[0]} fold {e[1]}] {e[2]}: {e[3]!r} -> {e[4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
