"""Real ordinary answers for measuring false alarms: the shared NHS feedback.

The NHS comments (``/work/shared/data/px_phase1_text_data.csv``, pxtextmining,
MIT licence, copyright 2021 NHS England) are adults' feedback about health
services: almost none are disclosures.  They are split, once and for all, by
a hash of each comment's ``row_index``:

* the **learn** part (about 50%) may be used to train and calibrate the
  screen (``python benchmarks/build_screen.py`` copies its texts into the
  learned net's training cases as ordinary answers);
* the **score** part is only ever scored: nothing is tuned on it.

The split is fixed in code (:func:`part_of`) so it is the same on every
machine and in every session.
"""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

NHS_CSV = Path(os.environ.get("NHS_FEEDBACK_CSV", "/work/shared/data/px_phase1_text_data.csv"))
SALT = "screen-split-v1"


def part_of(row_index: str) -> str:
    """``"learn"`` or ``"score"`` for one comment, by a salted SHA-256 of its ``row_index``."""
    digest = hashlib.sha256(f"{SALT}:{row_index}".encode()).digest()
    return "learn" if digest[0] % 2 == 0 else "score"


def load_nhs(part: str | None = None, path: Path = NHS_CSV) -> list[dict]:
    """Rows of the NHS comments (``feedback``, ``row_index``...), optionally one part only.

    A comment whose exact text also occurs in the learn part is left out of the
    score part, so that duplicates ("Nothing.") cannot leak from one to the other.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    learn = [r for r in rows if part_of(r["row_index"]) == "learn"]
    if part == "learn":
        return learn
    seen = {r["feedback"].strip().lower() for r in learn}
    score = [r for r in rows if part_of(r["row_index"]) == "score" and r["feedback"].strip().lower() not in seen]
    if part == "score":
        return score
    return learn + score


ORDINARY_REAL = Path(__file__).resolve().parent.parent / "analysis" / "screening" / "data" / "ordinary_real.csv"


def write_ordinary_real(path: Path = ORDINARY_REAL) -> int:
    """Copy the learn part's distinct comments into the net's training data as ordinary answers."""
    seen, out = set(), []
    for r in load_nhs("learn"):
        text = r["feedback"].strip()
        if text and text.lower() not in seen:
            seen.add(text.lower())
            out.append(text)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "source"])
        for text in out:
            w.writerow([text, "nhs_learn"])
    return len(out)


if __name__ == "__main__":  # python benchmarks/realtext.py
    print(f"wrote {write_ordinary_real()} ordinary answers to {ORDINARY_REAL}")
