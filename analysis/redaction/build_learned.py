"""Fit the learned second stage and write ``data/learned_spans.npz``: ``python -m analysis.redaction.build_learned``.

Training means running the rules over 12,900 labelled answers (about 20 seconds), so the fitted weights ship with
the package and nothing is fitted at run time. The artefact records :func:`sources_hash`, a hash of everything its
weights depend on: this package's code and word lists (the rules' spans and the features) and the training files.
``--check`` exits 1 when the artefact is missing or stale; ``tests/analysis/redaction/test_learned.py`` runs it, so
changing a rule or a list means running this command again and committing the file.

The training files are the blind writers already read for tuning (``TRAINING``) and the older labelled sets
(``OLDER``), in ``benchmarks/data``; the writers ``benchmarks/redaction.py`` keeps unread are never trained on.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

import numpy as np

PACKAGE = Path(__file__).parent
ARTEFACT = PACKAGE / "data" / "learned_spans.npz"
DATA = PACKAGE.parent.parent / "benchmarks" / "data"
# blind writers 12-41 (stops 46-47), the young people's writers read for tuning at stops 47-51, and eight young
# people's writers of stop 51 written as training data (r88-r95), and six more in voices of Scotland, Northern
# Ireland, Cumbria, the Welsh valleys and Cornwall (r96-r101)
TRAINING = tuple([f"r{n}" for n in range(12, 42)] + ["r43", "r48", "r49", "r50", "r54", "r55", "r58", "r60", "r62",
                                                     "r66", "r67", "r68", "r69", "r74", "r75", "r76", "r77", "r78",
                                                     "r79"] + [f"r{n}" for n in range(88, 102)])
# the older labelled sets, every one looked at while developing (benchmarks/redaction.py's docstring says which)
OLDER = ("blind_redaction", "heldout_redaction", "fresh3_redaction", "fresh11_redaction", "redaction_dev",
         "redaction_dev_round3")
C = 4.0  # chosen by writer-out cross-validation (benchmarks/experiments/redaction_learned), stop 51
THRESHOLD = 0.7
NOT_SOURCES = {"build_learned.py", "__init__.py", "build_names.py", "build_places.py", "built_file.py"}


def training_files(data: Path = DATA) -> list[Path]:
    return [data / f"blind{s}_redaction.csv" for s in TRAINING] + [data / f"{stem}.csv" for stem in OLDER]


def sources_hash(data: Path = DATA) -> str:
    h = hashlib.sha256()
    files = [p for p in sorted(PACKAGE.glob("*.py")) if p.name not in NOT_SOURCES]
    files += [p for p in sorted((PACKAGE / "data").iterdir()) if p.name != ARTEFACT.name and p.is_file()]
    for p in files:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    for p in training_files(data):
        h.update(p.name.encode() + b"\0" + p.read_bytes().replace(b"\r\n", b"\n"))
    return h.hexdigest()


def fit(data: Path = DATA):
    from .learned import LearnedSpans, token_labels
    from .redactor import PersonalDataRedactor

    rules = PersonalDataRedactor(learned=False).fit()
    rows = [r for p in training_files(data) for r in csv.DictReader(p.open(encoding="utf-8"))]
    texts = [r["text"] for r in rows]
    return LearnedSpans(threshold=THRESHOLD, C=C).fit(texts, [token_labels(r) for r in rows],
                                                      [rules.find(t) for t in texts])


def stored_hash(path: Path = ARTEFACT) -> str | None:
    try:
        with np.load(path) as z:
            return str(z["sources"])
    except (OSError, KeyError, ValueError):
        return None


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="exit 1 if the artefact does not match its sources")
    args = p.parse_args(argv)
    want = sources_hash()
    if args.check:
        if stored_hash() != want:
            print(f"{ARTEFACT} is missing or stale: run python -m analysis.redaction.build_learned")
            return 1
        print(f"{ARTEFACT.name} matches its sources")
        return 0
    model = fit()
    np.savez_compressed(ARTEFACT, coef=model.coef_, intercept=np.float64(model.intercept_),
                        threshold=np.float64(model.threshold), sources=np.str_(want))
    print(f"wrote {ARTEFACT} ({int(np.count_nonzero(model.coef_))} weights, threshold {model.threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
