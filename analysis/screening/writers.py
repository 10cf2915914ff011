"""The youth sets written blind for the screen, grouped by the writer who wrote them.

Each writer is one group for leave-one-writer-out evaluation
(``benchmarks/screening_lowo.py``): a net trained on the other writers scores this one.
Files are read from the first of ``dirs`` that holds them: the package's ``data/`` holds the
youth training sets; the later writers' sets live in ``benchmarks/data`` (the harness passes it).
The judge of rule hits learns every writer here (``data/youth_writers.csv``, written by
``python -m analysis.screening.build --writers benchmarks/data``); the net of learned hits learns the
youth training sets only: trained on every writer, it flagged look-alikes the screen's tests keep quiet
(``benchmarks/SCREENING_RESULTS.md``, "Leave one writer out" and "Issue 17, screen13").
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
UNKNOWN_CATEGORY = "?"

# The later writers' own category names -> the screen's (``categories.py``); "?" = no category of
# the screen fits (trains the yes/no model only).  Extremism is the screen's radicalisation category
# (criminal exploitation until the screen9 round), as the answer signal ``extremism`` reports it (``answers.py``).
CATEGORY_OF: dict[str, str] = {
    "sexual_exploitation": "sexual_exploitation_grooming", "self_harm": "self_harm_suicide",
    "suicidal": "self_harm_suicide", "missing": "missing_homeless",
    "forced_marriage_fgm": "forced_marriage_fgm_honour", "radicalisation": "radicalisation",
    "online_harm": UNKNOWN_CATEGORY, "other": UNKNOWN_CATEGORY,
    # writers 8 to 17 give no category at all
    "unspecified": UNKNOWN_CATEGORY,
}

# writer -> files: ``id,question,answer`` (ordinary), ``+category`` (disclosures) or ``+label``
# (minimal pairs: 1 = first-hand, category not given; 0 = general talk that looks like it).
WRITERS: dict[str, tuple[str, ...]] = {
    "w0_youth_train": ("youth_train_ordinary.csv", "youth_train_disclosures.csv", "youth_train_pairs.csv"),
    "w1_blind": ("blind_youth_benign.csv", "blind_youth_disclosures_contrast.csv"),
    "fresh3": ("fresh3_youth_ordinary.csv", "fresh3_youth_disclosures.csv"),
    "fresh4": ("fresh4_youth_ordinary.csv", "fresh4_youth_disclosures.csv"),
    "fresh5": ("fresh5_youth_ordinary.csv", "fresh5_youth_disclosures.csv"),
    "fresh6": ("fresh6_youth_ordinary.csv", "fresh6_youth_disclosures.csv"),
    "fresh7": ("fresh7_youth_ordinary.csv", "fresh7_youth_disclosures.csv"),
    **{f"fresh{n}": (f"fresh{n}_youth_ordinary.csv", f"fresh{n}_youth_disclosures.csv")
       for n in (8, 9, 10, 12, 13, 14, 15, 16, 17)},  # fresh11 wrote no youth set
}
# The later writers, learned by the judge net and the reader, not by the net of learned hits (``learned.LATER_WRITERS``,
# ``data/later_writers.csv``; the judge learned only writers 1-17 until 6 December, late afternoon): scored at
# first sight, then taught: writers 18-42 on 5 December, 43-72 on 6 December (each had been scored at first sight;
# learned from 18-67, the reader took the alerts on writers 68-72 from 38.8 to 33.2 per 1,000 ordinary answers for
# recall 0.981 to 0.979: SCREENING_RESULTS.md). Writers 73 and later are kept for first-sight scores.
LATER_WRITERS: dict[str, tuple[str, ...]] = {
    f"fresh{n}": (f"fresh{n}_youth_ordinary.csv", f"fresh{n}_youth_disclosures.csv") for n in range(18, 73)}


def writer_rows(name: str, dirs: Sequence[Path] = (DATA_DIR,)) -> list[dict]:
    """``{kind, question, answer, cats}`` of one writer's answers.

    ``kind`` is ``ordinary``, ``disclosure`` or ``lookalike`` (general talk of a minimal pair);
    ``cats`` is ``()`` for an ordinary answer or look-alike, else the category (``"?"`` unknown).
    """
    rows = []
    for fname in {**WRITERS, **LATER_WRITERS}[name]:
        path = next((Path(d) / fname for d in dirs if (Path(d) / fname).exists()), None)
        if path is None:
            raise FileNotFoundError(fname)
        with open(path, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r.get("category"):
                    kind, cats = "disclosure", (CATEGORY_OF.get(r["category"], r["category"]),)
                elif "label" in r:
                    kind, cats = ("disclosure", (UNKNOWN_CATEGORY,)) if r["label"] == "1" else ("lookalike", ())
                else:
                    kind, cats = "ordinary", ()
                rows.append({"kind": kind, "question": r.get("question") or None, "answer": r["answer"],
                             "cats": cats})
    return rows
