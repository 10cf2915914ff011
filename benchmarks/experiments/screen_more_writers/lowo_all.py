"""Experiment (issue 17): the screen's settings, leaving one writer out over writers 18-32.

For each writer, the reader learns what it ships with (writers 18-23 among it) less that writer, plus writers 24-32
less that writer; the screen with that reader scores the writer under each ``--config``. A config is
``name=key:value,...`` with keys ``floor`` (READER_FLOOR["*"]), ``learned`` (READER_LEARNED_FLOOR), ``threshold``
(READER_THRESHOLD), ``overrule`` (a reader hit the gate cancels stands at this probability), ``nolearned`` (1: the
learned net's hits off), ``fh`` (READER_FIRST_HAND_FLOOR). Totals only, per group of writers.

    python benchmarks/experiments/screen_more_writers/lowo_all.py --config shipped= high=floor:0.5
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from curve import DIRS, _names, _rows  # noqa: E402

from analysis.screening import DisclosureScreener, reading  # noqa: E402
from analysis.screening.charmodel import CharModel, model_text, reader_sources  # noqa: E402
from analysis.screening.learned import read_rows  # noqa: E402
from analysis.screening.writers import writer_rows  # noqa: E402

GROUPS = {"18-27": _names("18-27"), "28-32": _names("28-32")}


def _parse(spec: str) -> tuple[str, dict]:
    name, _, rest = spec.partition("=")
    return name, {k: float(v) for k, v in (kv.split(":") for kv in rest.split(",") if kv)}


def _apply(cfg: dict) -> set:
    # defaults: 4 December's settings (the overrule: never)
    reading.READER_FLOOR = {"*": cfg.get("floor", 0.3), "self_harm_suicide": cfg.get("selfharm", 0.05)}
    reading.READER_LEARNED_FLOOR = cfg.get("learned", 0.0)
    reading.READER_THRESHOLD = cfg.get("threshold", 0.7)
    reading.READER_OVERRULES_GATE = cfg.get("overrule", 2.0)
    reading.READER_FIRST_HAND_FLOOR = cfg.get("fh", 0.1)
    reading.READER_LAST_RESORT_FLOOR = cfg.get("lr", 0.0)  # (none then)
    return {"learned hits"} if cfg.get("nolearned") else set()


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--writers", default="18-32")
    p.add_argument("--config", nargs="+", default=["shipped="])
    args = p.parse_args(argv)
    return run(_names(args.writers), dict(_parse(c) for c in args.config), GROUPS, _apply)


def run(writers: list[str], configs: dict, groups: dict, apply) -> int:
    """Leave each of ``writers`` out in turn (the reader learns the rest: writers the shipped reader knows are not
    counted twice) and print caught / alerts per 1,000 per group of ``groups`` under each config (``apply``: the
    config set on the modules, returning the screener's ablations)."""
    base = read_rows(reader_sources())
    known = {r[2] for r in base}
    extra = {w: _rows(w) for w in writers if w not in known}
    screeners = {}
    counts = {c: {g: [0, 0, 0, 0] for g in groups} for c in configs}  # caught, disclosures, alerts, ordinary
    for w in writers:
        train = [r for r in base if r[2] != w] + [r for a, rs in extra.items() if a != w for r in rs]
        reader = CharModel().fit([model_text(r[0], r[3]) for r in train], [1 if r[1] else 0 for r in train])
        rows = writer_rows(w, DIRS)
        group = next(g for g, ws in groups.items() if w in ws)
        for c, cfg in configs.items():
            ablate = frozenset(apply(cfg))
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
    print("| config | " + " | ".join(f"writers {g}" for g in groups) + " | all |")
    print("|---" * (len(groups) + 2) + "|")
    for c, by in counts.items():
        cells = []
        for n in [*by.values(), [sum(x) for x in zip(*by.values(), strict=True)]]:
            cells.append(f"{n[0] / max(n[1], 1):.3f} ({n[0]}), {1000 * n[2] / max(n[3], 1):.1f} ({n[2]})")
        print(f"| {c} | " + " | ".join(cells) + " |", flush=True)
    return 0

if __name__ == "__main__":
    sys.exit(main())
