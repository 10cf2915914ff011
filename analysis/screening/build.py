"""Build the learned net's pre-fitted artefact: ``python -m analysis.screening.build``.

Training the net means parsing about 12,000 answers with the screen's own
tokeniser (several seconds), so the fitted weights are shipped in
``data/learned_net.npz`` / ``data/learned_net.json``.  The artefact records
:func:`sources_hash`, a hash of everything its tokens and weights depend on
(the package's code, its data files, the spaCy lemma table); the screener
uses the artefact only while the hash still matches and refits otherwise.
``tests/analysis/screening/test_artefact.py`` fails when it is stale: run
this command again and commit the two files.

``--check`` exits 1 when the artefact is missing or stale (for CI).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent
ARTEFACT = PACKAGE / "data" / "learned_net"
ARTEFACT_FILES = {ARTEFACT.with_suffix(".npz").name, ARTEFACT.with_suffix(".json").name}
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
NOT_SOURCES |= {"stated.py"}
NOT_SOURCE_DATA |= {"data/stated.yaml"}

# The area_concern veto (areas.py, data/areas.yaml): applied after scoring (screen12).
NOT_SOURCES |= {"areas.py"}
NOT_SOURCE_DATA |= {"data/areas.yaml"}

# The revealed answer signals and the everyday-things veto (screen14): looked at / applied after the net.
NOT_SOURCES |= {"revealed.py", "things.py"}
NOT_SOURCE_DATA |= {"data/revealed.yaml", "data/things.yaml"}


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


def build(stem: Path = ARTEFACT) -> dict:
    """Fit the net on the packaged cases and save it; returns the artefact's meta."""
    from .engine import DisclosureScreener

    screener = DisclosureScreener(prefitted=False).fit()
    meta = {"sources_sha256": sources_hash(), "cases": screener.n_training_cases_}
    screener.learned_.save(stem, meta)
    return meta


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m analysis.screening.build", description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="exit 1 if the artefact does not match its sources")
    args = p.parse_args(argv)
    if args.check:
        from .learned import LearnedNet

        try:
            _net, meta = LearnedNet.load(ARTEFACT)
        except (OSError, ValueError, KeyError) as exc:
            print(f"artefact missing or unreadable: {exc}", file=sys.stderr)
            return 1
        if meta.get("sources_sha256") != sources_hash():
            print("artefact is stale: run python -m analysis.screening.build", file=sys.stderr)
            return 1
        print("artefact matches its sources")
        return 0
    meta = build()
    print(f"wrote {ARTEFACT}.npz/.json from {meta['cases']} cases (sources {meta['sources_sha256'][:12]})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
