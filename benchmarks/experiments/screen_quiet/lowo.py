"""Experiment (issue 17, 5 December evening): the screen's settings, leaving one writer out over writers 18-42.

For each writer, the reader learns what it ships with (writers 18-42) less that writer; the screen with that reader
scores the writer under each ``--config`` (``screen_more_writers/lowo_all.py``'s ``run``). A config is
``name=key:value,...`` with keys ``floor`` (READER_FLOOR["*"]), ``selfharm`` (its self-harm floor), ``learned``
(READER_LEARNED_FLOOR), ``threshold`` (READER_THRESHOLD), ``overrule`` (READER_OVERRULES_GATE), ``nolearned`` (1:
the learned net's hits off), ``fh`` (READER_FIRST_HAND_FLOOR), ``lr`` (READER_LAST_RESORT_FLOOR), ``fam`` (0: no
first-hand floor for the writer's own family member as subject, ``gate.FAMILY_SUBJECT``). Defaults: the settings
shipped on 5 December, late evening. Totals only, per group of writers.

    python benchmarks/experiments/screen_quiet/lowo.py --config shipped= nolr=lr:0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parents[1] / "screen_more_writers"))

from curve import _names  # noqa: E402
from lowo_all import _parse, run  # noqa: E402

from analysis.screening import gate, reading  # noqa: E402

GROUPS = {g: _names(g) for g in ("18-27", "28-32", "33-37", "38-42")}


def _apply(cfg: dict) -> set:
    reading.READER_FLOOR = {"*": cfg.get("floor", 0.25), "self_harm_suicide": cfg.get("selfharm", 0.05)}
    reading.READER_LEARNED_FLOOR = cfg.get("learned", 0.85)
    reading.READER_THRESHOLD = cfg.get("threshold", 0.85)
    reading.READER_OVERRULES_GATE = cfg.get("overrule", 0.9)
    reading.READER_FIRST_HAND_FLOOR = cfg.get("fh", 0.1)
    reading.READER_LAST_RESORT_FLOOR = cfg.get("lr", 0.5)
    gate.FAMILY_SUBJECT = bool(cfg.get("fam", 1))
    return {"learned hits"} if cfg.get("nolearned") else set()


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--writers", default="18-42")
    p.add_argument("--config", nargs="+", default=["shipped="])
    args = p.parse_args(argv)
    return run(_names(args.writers), dict(_parse(c) for c in args.config), GROUPS, _apply)


if __name__ == "__main__":
    sys.exit(main())
