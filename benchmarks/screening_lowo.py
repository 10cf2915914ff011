"""Leave one writer out: how the screen does on a writer whose answers its net never saw.

Usage::

    python benchmarks/screening_lowo.py [--train base|writers] [--nhs-weight W] [--with-question]
                                        [--short-words N] [--judge-only]
                                        [--threshold T] [--judge-floor F] [--writers NAME ...]
                                        [--no-nhs] [--dump out.json] [--show-errors]

Each blind writer's youth sets are one group (``WRITERS``).  For each writer W, the learned net is
trained on the screen's base training data (``training_cases.csv`` and the NHS learn part) plus

* ``--train base`` (the shipped design): the youth training sets (writer ``w0_youth_train``), unless W
  is that writer;
* ``--train writers``: every writer's sets except W's (``analysis/screening/writers.py``; categories
  mapped to the screen's), the NHS learn part's answers weighted ``--nhs-weight``,
  (``--short-words N`` with ``--with-question``: answers of at most N words read beside their question);
  ``--judge-only``: that net only judges rule hits and learned hits come from the ``base`` net (the
  shipped design since screen13: ``--train writers --nhs-weight 8 --with-question --short-words 4
  --judge-only``),

and the whole screen (rules, vetoes, judge, net, answer signals) scores W's ordinary answers and
disclosures, each beside its question, and the NHS *score* part (``benchmarks/realtext.py``: never
trained or tuned on).  Printed per writer: recall on disclosures, alerts per 1,000 ordinary youth
answers and per 1,000 NHS score-part comments.  The rules and word lists were tuned on the errors of
some writers (fresh3 to fresh5, the blind and youth training sets): only fresh6 and fresh7 are unseen
by the rules too.  ``benchmarks/data/heldout_*`` is never read here.

Fold nets are cached in ``/tmp/screening_lowo_net_*`` by their settings only, and tokens in
``/tmp/screening_lowo_tokens.pkl`` (``SCREENING_LOWO_CACHE=DIR``: in DIR instead): delete both after
changing the net's sources (rules, word lists, training data).  About 15-30 s CPU per writer; ``--writers``
lets two processes share the folds.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402

from analysis.screening import DisclosureScreener  # noqa: E402
from analysis.screening.calibration import JUDGE_FLOOR  # noqa: E402
from analysis.screening.learned import (  # noqa: E402
    ORDINARY_REAL,
    TRAINING_CASES,
    LearnedNet,
    doc_tokens,
    load_training_rows,  # noqa: E402
    question_token,
)
from analysis.screening.questions import question_kind  # noqa: E402
from analysis.screening.writers import DATA_DIR, WRITERS, writer_rows  # noqa: E402

CACHE_DIR = Path(os.environ.get("SCREENING_LOWO_CACHE", "/tmp"))
TOKEN_CACHE = CACHE_DIR / "screening_lowo_tokens.pkl"
# Weight of each NHS learn-part answer when every writer trains the net: the best of 1, 2, 3, 4, 6
# leaving one writer out (SCREENING_RESULTS.md); the shipped net (--train base) uses 1.
NHS_WEIGHT = 4.0
DIRS = (ROOT / "benchmarks" / "data", DATA_DIR)
BASE_WRITERS = tuple(WRITERS)


def _tokens(screener, texts, cache: dict) -> list[list[str]]:
    out = []
    for t in texts:
        if t not in cache:
            cache[t] = doc_tokens(screener._doc(t))[0]
        out.append(cache[t])
    return out


def fold_net(screener, held: str, train: str, cache: dict, nhs_weight: float = 1.0,
             with_question: bool = False, short_words: int = 0) -> LearnedNet:
    """The net trained without writer ``held`` (cached in /tmp by its settings); ``with_question``:
    each youth answer is learned with its question's kind (``learned.question_token``)."""
    later = sorted(set(WRITERS) - set(BASE_WRITERS))
    name = f"screening_lowo_net_{train}_{held}_w{nhs_weight:g}{'_q' if with_question else ''}" + \
        (f"_s{short_words}" if short_words else "") + (f"_with_{'_'.join(later)}" if later else "")
    stem = CACHE_DIR / name.replace(".", "p")  # no dot: Path.with_suffix would cut it
    if stem.with_suffix(".npz").exists():
        return LearnedNet.load(stem, threshold=screener.learned_threshold)[0]
    rows = [(t, c, s, None) for t, c, s in load_training_rows((TRAINING_CASES, ORDINARY_REAL))]
    for name in WRITERS:
        if name == held or (train == "base" and name != "w0_youth_train"):
            continue
        rows += [(r["answer"], r["cats"], name, r["question"]) for r in writer_rows(name, DIRS)]
    tokens = _tokens(screener, [r[0] for r in rows], cache)
    if with_question:
        tokens = [question_token(question_kind(r[3])) + t for r, t in zip(rows, tokens, strict=True)]
    weights = [nhs_weight if r[2] == "nhs_learn" else 1.0 for r in rows]
    net = LearnedNet(threshold=screener.learned_threshold, short_words=short_words).fit(
        tokens, [r[1] for r in rows], weights)
    net.save(stem)
    return net


def main(argv=None) -> int:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--train", choices=("base", "writers"), default="writers")
    p.add_argument("--threshold", type=float, default=None)
    p.add_argument("--judge-floor", type=float, default=None, help="the judge's floor for most categories")
    p.add_argument("--nhs-weight", type=float, default=None,
                   help="weight of the NHS learn part's answers in training (default: NHS_WEIGHT "
                        "with --train writers, 1 with --train base as shipped)")
    p.add_argument("--with-question", action="store_true",
                   help="the net learns each youth answer with its question's kind (a pseudo-word)")
    p.add_argument("--short-words", type=int, default=0,
                   help="answers of at most this many words are read beside their question's kind "
                        "(LearnedNet(short_words=...); use with --with-question)")
    p.add_argument("--judge-only", action="store_true",
                   help="the net trained as --train says only judges rule hits; learned hits come from the "
                        "base net (--train base)")
    p.add_argument("--last-resort", type=float, default=None,
                   help="the last resort's threshold (calibration.LAST_RESORT_THRESHOLD; the judge net of the fold)")
    p.add_argument("--writers", nargs="*", default=list(WRITERS))
    p.add_argument("--later-writers", nargs="*", default=[], metavar="freshN",
                   help="writers the shipped nets never learn (fresh18 on): scored like the others, and each is "
                        "learned by the other writers' folds, to ask what learning them would give")
    p.add_argument("--no-nhs", action="store_true", help="skip the NHS score part (faster)")
    p.add_argument("--dump", type=Path, help="write every answer's verdict and net probability here")
    p.add_argument("--show-errors", action="store_true")
    args = p.parse_args(argv)
    for name in args.later_writers:
        WRITERS[name] = (f"{name}_youth_ordinary.csv", f"{name}_youth_disclosures.csv")
    kw = {} if args.threshold is None else {"learned_threshold": args.threshold}
    if args.nhs_weight is None:
        args.nhs_weight = NHS_WEIGHT if args.train == "writers" else 1.0
    screener = DisclosureScreener(**kw).fit()
    if args.judge_floor is not None:
        JUDGE_FLOOR["*"] = args.judge_floor
    if args.last_resort is not None:
        import analysis.screening.gate as gate

        gate.LAST_RESORT_THRESHOLD = args.last_resort
    cache = pickle.loads(TOKEN_CACHE.read_bytes()) if TOKEN_CACHE.exists() else {}
    nhs = [] if args.no_nhs else [r["feedback"] for r in load_nhs("score")]
    dump, table = {}, []
    for name in args.writers:
        t0 = time.process_time()
        screener.learned_ = fold_net(screener, name, args.train, cache, args.nhs_weight, args.with_question,
                                     args.short_words)
        if args.judge_only:
            screener.judge_net_ = screener.learned_
            screener.learned_ = fold_net(screener, name, "base", cache)
        TOKEN_CACHE.write_bytes(pickle.dumps(cache))
        rows = writer_rows(name, DIRS)
        items = [(r["kind"], r["question"], r["answer"]) for r in rows] + [("nhs", None, t) for t in nhs]
        out = []
        for kind, q, text in items:
            res = screener.screen(text, question=q)
            ctx = question_token(question_kind(q)) if args.with_question else []
            prob = (screener.judge_net_ or screener.learned_).probability(ctx + _tokens(screener, [text], cache)[0])
            out.append({"kind": kind, "q": q, "text": text, "flagged": res.flagged, "p": prob,
                        "hits": [(h.category, h.evidence) for h in res.hits]})
        dump[name] = out
        cell = {}
        for kind in ("ordinary", "disclosure", "lookalike", "nhs"):
            sel = [o for o in out if o["kind"] == kind]
            cell[kind] = (sum(o["flagged"] for o in sel), len(sel))
        table.append((name, cell, time.process_time() - t0))
        print(f"{name}: {cell} ({table[-1][2]:.0f} s CPU)", file=sys.stderr, flush=True)
        if args.show_errors:
            for o in out:
                if o["kind"] in ("disclosure",) and not o["flagged"]:
                    print(f"  - MISSED [{name}] {o['text']!r} (p {o['p']:.2f})")
                elif o["kind"] in ("ordinary", "lookalike") and o["flagged"]:
                    print(f"  - FALSE ALARM [{name}] {o['text']!r} -> {o['hits']}")
    print(f"\nLeave one writer out, net trained on: {args.train}; threshold "
          f"{screener.learned_threshold}; judge floor {JUDGE_FLOOR}; "
          f"NHS weight {args.nhs_weight}; question kind learned: {args.with_question}; "
          f"short answers read beside the question: {args.short_words or 'no'}; judge only: {args.judge_only}\n")
    print("| writer left out | recall | alerts per 1,000 ordinary youth | look-alikes flagged | "
          "alerts per 1,000 NHS score part |")
    print("|---|---|---|---|---|")
    tot = {k: [0, 0] for k in ("ordinary", "disclosure", "lookalike", "nhs")}
    for name, cell, _t in table:
        for k, (n, m) in cell.items():
            tot[k][0] += n
            tot[k][1] += m
        print(_line(name, cell))
    print(_line("**all writers**", {k: tuple(v) for k, v in tot.items()}))
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    return 0


def _line(name: str, cell: dict) -> str:
    (dn, dm), (on, om), (ln, lm), (nn, nm) = (cell[k] for k in ("disclosure", "ordinary", "lookalike", "nhs"))
    look = f"{ln} of {lm}" if lm else "-"
    nhs = f"{1000 * nn / nm:.1f} ({nn})" if nm else "-"
    return f"| {name} | {dn / max(dm, 1):.3f} ({dn}/{dm}) | {1000 * on / max(om, 1):.1f} ({on}) | {look} | {nhs} |"


if __name__ == "__main__":
    sys.exit(main())
