"""Experiment (issue 17, 6 December, night): every answer of blind writers A-B screened, with each part's trace
(:meth:`DisclosureScreener.explain`) and the judge net's, the reader's and the learned net's probabilities, one JSON
line per answer; what the agreement's floors were chosen from (``floors.py``).

    python benchmarks/experiments/screen_agreement/collect.py 73 88 /tmp/writers73_88.jsonl [--ablate agreement]

Two processes; about 8 minutes for sixteen writers on a slow machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data"
_STATE: dict = {}


def _init(ablate):
    from analysis.screening import DisclosureScreener

    _STATE["s"] = DisclosureScreener(ablate=set(ablate)).fit()


def _work(writer: str) -> list[dict]:
    from analysis.screening.charmodel import model_text
    from analysis.screening.learned import doc_tokens, question_token
    from analysis.screening.questions import question_kind

    s, out = _STATE["s"], []
    for kind, name in (("ordinary", "ordinary"), ("disclosure", "disclosures")):
        with open(DATA / f"{writer}_youth_{name}.csv", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                text, question = r["answer"], r["question"]
                result = s.screen(text, question=question)
                qk = question_kind(question)
                tokens = question_token(qk) + doc_tokens(s._doc(text))[0]
                out.append({"w": writer, "kind": kind, "tag": r.get("kind", ""), "q": question, "qk": qk, "t": text,
                            "flagged": result.flagged, "cats": list(result.categories),
                            "trace": [list(map(str, x)) for x in s.explain(text, question)],
                            "reader": s.reader_.probability(model_text(text, qk)),
                            "judge": s.judge_net_.probability(tokens), "net": s.learned_.probability(tokens)})
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("first", type=int)
    p.add_argument("last", type=int)
    p.add_argument("out", type=Path)
    p.add_argument("--ablate", action="append", default=[])
    args = p.parse_args(argv)
    writers = [f"fresh{n}" for n in range(args.first, args.last + 1)]
    with mp.Pool(2, initializer=_init, initargs=(args.ablate,)) as pool, open(args.out, "w", encoding="utf-8") as fh:
        for rows in pool.imap_unordered(_work, writers):
            fh.writelines(json.dumps(r) + "\n" for r in rows)
            print(rows[0]["w"], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
