"""Rows for the fine-tuning experiment: ``(group, question, text, label)``.

Groups used for training: ``cases`` (analysis/screening/data/training_cases.csv), ``nhs_learn``
(ordinary_real.csv = the NHS learn part), ``youth_train`` (the three youth training CSVs),
``fresh3`` .. ``fresh6`` (blind writers), ``rounds`` (screening_fresh_round_*.csv).
``fresh7`` and ``fresh8`` are held out of training as the *calibration split*: thresholds and
combinations are chosen on them.  Validation (never trained on, thresholds never chosen on):
``val_fresh9``, ``val_fresh10`` (youth ordinary + disclosures) and ``val_nhs`` (NHS score part).

A training text that also occurs (same question and text, case-folded) in a validation or
calibration set is dropped from training; the number dropped is printed, never the texts.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402

SCREEN_DATA = ROOT / "analysis" / "screening" / "data"
BENCH_DATA = ROOT / "benchmarks" / "data"
TRAIN_WRITERS = ("fresh3", "fresh4", "fresh5", "fresh6")
CALIB_WRITERS = ("fresh7", "fresh8")
VAL_WRITERS = ("fresh9", "fresh10")


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _writer(prefix: str, group: str) -> list[tuple[str, str, str, int]]:
    rows = [(group, r["question"], r["answer"], 0) for r in _read(BENCH_DATA / f"{prefix}_youth_ordinary.csv")]
    rows += [(group, r["question"], r["answer"], 1) for r in _read(BENCH_DATA / f"{prefix}_youth_disclosures.csv")]
    return rows


def _key(q: str, t: str) -> tuple[str, str]:
    return (q or "").strip().lower(), t.strip().lower()


def load_all(verbose: bool = True) -> list[tuple[str, str, str, int]]:
    train: list[tuple[str, str, str, int]] = []
    for r in _read(SCREEN_DATA / "training_cases.csv"):
        train.append(("cases", "", r["text"], int(r.get("flagged", "0") == "1")))
    for r in _read(SCREEN_DATA / "ordinary_real.csv"):
        train.append(("nhs_learn", "", r["text"], 0))
    for name in ("youth_train_ordinary", "youth_train_disclosures", "youth_train_pairs"):
        for r in _read(SCREEN_DATA / f"{name}.csv"):
            label = 1 if r.get("category") else int(r.get("label") or 0)
            train.append(("youth_train", r.get("question", ""), r["answer"], label))
    for prefix in TRAIN_WRITERS:
        train += _writer(prefix, prefix)
    for path in sorted(BENCH_DATA.glob("screening_fresh_round_*.csv")):
        for r in _read(path):
            train.append(("rounds", "", r["text"], int(r["flagged"] == "1")))
    held: list[tuple[str, str, str, int]] = []
    for prefix in CALIB_WRITERS:
        held += _writer(prefix, prefix)
    for prefix in VAL_WRITERS:
        held += _writer(prefix, f"val_{prefix}")
    held += [("val_nhs", "", r["feedback"], 0) for r in load_nhs("score")]
    held_keys = {_key(q, t) for _g, q, t, _l in held}
    held_texts = {t.strip().lower() for _g, _q, t, _l in held if len(t.split()) >= 4}
    seen: set[tuple[str, str]] = set()
    kept, dropped_held, dropped_dup = [], 0, 0
    for g, q, t, lab in train:
        k = _key(q, t)
        if k in held_keys or k[1] in held_texts:
            dropped_held += 1
            continue
        if k in seen:
            dropped_dup += 1
            continue
        seen.add(k)
        kept.append((g, q, t, lab))
    if verbose:
        print(f"training rows kept {len(kept)} (dropped {dropped_held} also in calibration/validation sets, "
              f"{dropped_dup} duplicates); held-out rows {len(held)}", file=sys.stderr)
    return kept + held
