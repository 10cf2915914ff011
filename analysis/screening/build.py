"""Build the learned nets' pre-fitted artefacts: ``python -m analysis.screening.build``.

Training the net of learned hits and the judge of rule hits means parsing about 28,000 answers
with the screen's own tokeniser (several seconds), so the fitted weights are shipped in
``data/learned_net.npz`` / ``.json`` and ``data/judge_net.npz`` / ``.json``.  Each artefact records
:func:`sources_hash`, a hash of everything its tokens and weights depend on
(the package's code, its data files, the spaCy lemma table); the screener
uses the artefact only while the hash still matches and refits otherwise.
``tests/analysis/screening/test_artefact.py`` fails when it is stale: run
this command again and commit the four files.

``--check`` exits 1 when the artefact is missing or stale (for CI).
``--writers DIR`` first rewrites ``data/youth_writers.csv`` (the net's youth training file) from
every tuning writer's sets (``writers.WRITERS``), read from ``DIR`` (``benchmarks/data``) and the
package's ``data/``, each answer with its question's kind.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent
ARTEFACT = PACKAGE / "data" / "learned_net"
# The judge of rule hits, trained on every tuning writer (``learned.JUDGE_SOURCES``).
JUDGE_ARTEFACT = PACKAGE / "data" / "judge_net"
# The reader of whole answers (``charmodel.py``) has its own artefact and hash (``charmodel.reader_hash``).
READER_ARTEFACT = PACKAGE / "data" / "reader"
ARTEFACT_FILES = {stem.with_suffix(ext).name for stem in (ARTEFACT, JUDGE_ARTEFACT, READER_ARTEFACT)
                  for ext in (".npz", ".json")}
# Files the net's tokens and weights cannot depend on: the cue and frame vetoes and
# the engine's gates (applied after scoring; parsing lives in text.py), the language
# layer, labels, CLI and this builder; the thresholds (calibration.py: the weights do not
# depend on them); the frames' word lists (data/frames.yaml); what the question asked
# (questions.py, data/questions.yaml: read after scoring); the answer signals (answers.py,
# data/answers.yaml, coded.py, data/coded.yaml, plain.py, hints.py, data/plain.yaml, indirect.py,
# data/indirect.yaml: looked at after the net, when nothing else stood); the vetoes that read an
# everyday reason (reasons.py, data/reasons.yaml: applied after scoring).
NOT_SOURCES = {"frames.py", "cues.py", "vetoes.py", "categories.py", "cli.py", "build.py", "__init__.py",
               "engine.py", "gate.py", "calibration.py", "result.py", "triggers.py", "README.md", "questions.py",
               "everyday.py", "answers.py", "coded.py", "plain.py",
               "hints.py", "indirect.py", "reasons.py"}
NOT_SOURCE_DATA = {"data/frames.yaml", "data/questions.yaml", "data/answers.yaml", "data/coded.yaml",
                   "data/plain.yaml", "data/indirect.yaml", "data/reasons.yaml"}

# The stated answer signals (stated.py, data/stated.yaml): looked at after the net, when nothing else stood.
NOT_SOURCES |= {"stated.py", "evidence.py", "youth_questions.py", "phrases.py"}
NOT_SOURCE_DATA |= {"data/stated.yaml"}

# The area_concern veto (areas.py, data/areas.yaml): applied after scoring (screen12).
NOT_SOURCES |= {"areas.py"}
NOT_SOURCE_DATA |= {"data/areas.yaml"}

# The reader (charmodel.py, reading.py): read after the nets, hashed on its own.
NOT_SOURCES |= {"charmodel.py", "reading.py"}

# The revealed answer signals and the everyday-things veto (screen14): looked at / applied after the net.
NOT_SOURCES |= {"revealed.py", "things.py"}
NOT_SOURCE_DATA |= {"data/revealed.yaml", "data/things.yaml"}

# The agreement over every alert (agreement.py): applied after the nets and the reader (6 December, night).
NOT_SOURCES |= {"agreement.py"}


def _source_files() -> list[Path]:
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in {".py", ".csv", ".txt", ".json", ".yaml"}
             and "__pycache__" not in p.parts and "languages" not in p.relative_to(PACKAGE).parts
             and p.name not in ARTEFACT_FILES and not (p.parent == PACKAGE and p.name in NOT_SOURCES)
             and p.relative_to(PACKAGE).as_posix() not in NOT_SOURCE_DATA]
    return sorted(files, key=lambda p: p.relative_to(PACKAGE).as_posix())


def sources_hash() -> str:
    """SHA-256 over the package's source and data files and the lemma table's version."""
    import spacy_lookups_data

    h = hashlib.sha256()
    h.update(f"spacy-lookups-data {getattr(spacy_lookups_data, '__version__', '?')}\n".encode())
    for p in _source_files():
        h.update(p.relative_to(PACKAGE).as_posix().encode() + b"\0")
        h.update(p.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return h.hexdigest()


def build(stem: Path = ARTEFACT, judge_stem: Path = JUDGE_ARTEFACT, reader_stem: Path = READER_ARTEFACT) -> dict:
    """Fit the net, the judge and the reader on the packaged cases and save them; returns the nets' meta."""
    from .charmodel import fit_reader, reader_hash
    from .engine import DisclosureScreener

    screener = DisclosureScreener(prefitted=False).fit()
    meta = {"sources_sha256": sources_hash(), "cases": screener.n_training_cases_}
    screener.learned_.save(stem, meta)
    screener.judge_net_.save(judge_stem, meta)
    fit_reader().save(reader_stem, {"sources_sha256": reader_hash()})
    return meta


def write_youth_writers(dirs, path: Path | None = None, later_path: Path | None = None) -> int:
    """Write every tuning writer's answers to ``data/youth_writers.csv`` and the later writers'
    (``writers.LATER_WRITERS``) to ``data/later_writers.csv``; returns the number of answers.

    ``category`` is the screen's (``?``: a disclosure of no known category; empty: an ordinary answer
    or look-alike); ``question_kind`` is :func:`.questions.question_kind` of the question, so that
    the net learns an answer beside its question without depending on how kinds are recognised.
    """
    import csv

    from .learned import LATER_WRITERS as LATER_FILE
    from .learned import YOUTH_WRITERS
    from .questions import question_kind
    from .writers import LATER_WRITERS, WRITERS, writer_rows

    n = 0
    for target, names in ((path or YOUTH_WRITERS, WRITERS), (later_path or LATER_FILE, LATER_WRITERS)):
        with open(target, "w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh, lineterminator="\n")
            out.writerow(["writer", "question", "question_kind", "answer", "category"])
            for name in names:
                for r in writer_rows(name, dirs):
                    out.writerow([name, r["question"] or "", question_kind(r["question"]) or "", r["answer"],
                                  r["cats"][0] if r["cats"] else ""])
                    n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m analysis.screening.build", description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="exit 1 if the artefact does not match its sources")
    p.add_argument("--writers", type=Path, metavar="DIR",
                   help="first rewrite data/youth_writers.csv from the writers' sets in DIR (benchmarks/data)")
    args = p.parse_args(argv)
    if args.writers:
        from .writers import DATA_DIR

        n = write_youth_writers((args.writers, DATA_DIR))
        print(f"wrote data/youth_writers.csv: {n} answers")
    if args.check:
        from .charmodel import CharModel, reader_hash
        from .learned import LearnedNet

        for stem, load, expected in ((ARTEFACT, LearnedNet.load, sources_hash),
                                     (JUDGE_ARTEFACT, LearnedNet.load, sources_hash),
                                     (READER_ARTEFACT, CharModel.load, reader_hash)):
            try:
                _fitted, meta = load(stem)
            except (OSError, ValueError, KeyError) as exc:
                print(f"artefact missing or unreadable: {exc}", file=sys.stderr)
                return 1
            if meta.get("sources_sha256") != expected():
                print(f"artefact {stem.name} is stale: run python -m analysis.screening.build", file=sys.stderr)
                return 1
        print("artefacts match their sources")
        return 0
    meta = build()
    print(f"wrote {ARTEFACT}.npz/.json, {JUDGE_ARTEFACT.name}.npz/.json and {READER_ARTEFACT.name}.npz/.json from "
          f"{meta['cases']} cases (sources {meta['sources_sha256'][:12]})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
