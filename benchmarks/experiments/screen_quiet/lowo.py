"""Experiment (issue 17, 5 December evening): the screen's settings, leaving one writer out over writers 18-42.

For each writer, the reader learns what it ships with (writers 18-32) less that writer, plus writers 33-42 less
that writer; the screen with that reader scores the writer under each ``--config``. A config is
``name=key:value,...`` with keys ``floor`` (READER_FLOOR["*"]), ``learned`` (READER_LEARNED_FLOOR), ``threshold``
(READER_THRESHOLD), ``overrule`` (a reader hit the gate cancels stands at this probability), ``nolearned`` (1: the
learned net's hits off), ``fh`` (READER_FIRST_HAND_FLOOR), ``sig`` (READER_SIGNAL_FLOOR), ``lr``
(READER_LAST_RESORT_FLOOR), ``lsh`` (READER_LEARNED_OWN_FLOOR: the learned net's self-harm hits), ``fam`` (0: no
first-hand floor for the writer's own family member as subject, ``gate.FAMILY_SUBJECT``). Defaults: the settings
shipped on 5 December. Totals only, per group of writers.

    python benchmarks/experiments/screen_quiet/lowo.py --config shipped= lr=lr:0.5
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parents[1] / "screen_more_writers"))

from curve import DIRS, _names, _rows  # noqa: E402

from analysis.screening import DisclosureScreener, gate, reading  # noqa: E402
from analysis.screening.charmodel import CharModel, model_text, reader_sources  # noqa: E402
from analysis.screening.learned import read_rows  # noqa: E402
from analysis.screening.writers import writer_rows  # noqa: E402

GROUPS = {g: _names(g) for g in ("18-27", "28-32", "33-37", "38-42")}


def _parse(spec: str) -> tuple[str, dict]:
    name, _, rest = spec.partition("=")
    return name, {k: float(v) for k, v in (kv.split(":") for kv in rest.split(",") if kv)}


def _apply(cfg: dict) -> set:
    # defaults: 5 December's settings
    reading.READER_FLOOR = {"*": cfg.get("floor", 0.25), "self_harm_suicide": cfg.get("selfharm", 0.05)}
    reading.READER_LEARNED_FLOOR = cfg.get("learned", 0.85)
    reading.READER_THRESHOLD = cfg.get("threshold", 0.85)
    reading.READER_OVERRULES_GATE = cfg.get("overrule", 0.9)
    reading.READER_FIRST_HAND_FLOOR = cfg.get("fh", 0.1)
    reading.READER_SIGNAL_FLOOR = cfg.get("sig", 0.0)
    reading.READER_LAST_RESORT_FLOOR = cfg.get("lr", 0.0)
    reading.READER_LEARNED_OWN_FLOOR = cfg.get("lsh", 0.0)
    gate.FAMILY_SUBJECT = bool(cfg.get("fam", 1))
    return {"learned hits"} if cfg.get("nolearned") else set()


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--writers", default="18-42")
    p.add_argument("--config", nargs="+", default=["shipped="])
    args = p.parse_args(argv)
    configs = dict(_parse(c) for c in args.config)
    base = read_rows(reader_sources())
    writers = _names(args.writers)
    known = {r[2] for r in base}  # (writers the shipped reader learned are in base already: not twice)
    extra = {w: _rows(w) for w in writers if w not in known}
    screeners = {}
    counts = {c: {g: [0, 0, 0, 0] for g in GROUPS} for c in configs}  # caught, disclosures, alerts, ordinary
    for w in writers:
        train = [r for r in base if r[2] != w] + [r for a, rs in extra.items() if a != w for r in rs]
        reader = CharModel().fit([model_text(r[0], r[3]) for r in train], [1 if r[1] else 0 for r in train])
        rows = writer_rows(w, DIRS)
        group = next(g for g, ws in GROUPS.items() if w in ws)
        for c, cfg in configs.items():
            ablate = frozenset(_apply(cfg))
            if ablate not in screeners:
                screeners[ablate] = DisclosureScreener(ablate=ablate).fit()
            s = screeners[ablate]
            s.reader_ = reader
            n = counts[c][group]
            for r in rows:
                f = s.screen(r["answer"], question=r["question"]).flagged
                if r["kind"] == "disclosure":
                    n[0] += f
                    n[1] += 1
                else:
                    n[2] += f
                    n[3] += 1
        print(f"{w} done", file=sys.stderr, flush=True)
    print("| config | " + " | ".join(f"writers {g}" for g in GROUPS) + " | all |")
    print("|---" * (len(GROUPS) + 2) + "|")
    for c, by in counts.items():
        cells = []
        for n in [*by.values(), [sum(x) for x in zip(*by.values(), strict=True)]]:
            cells.append(f"{n[0] / max(n[1], 1):.3f} ({n[0]}), {1000 * n[2] / max(n[3], 1):.1f} ({n[2]})")
        print(f"| {c} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
