"""Experiment (issue 17, 6 December): would asking the judge net to agree quiet the word-learning parts' own hits?

For each answer of writers LO-HI flagged by the shipped screen, the source of the first candidate that stood (as
``../screen_quiet/attribute.py``) and the judge net's probability for the answer beside its question (the judge
learned writers up to 17 only: ``writers.WRITERS``). Writes ``/tmp/agree_LO_HI.csv`` (writer, kind, tag, source,
judge, reader) for ``--table`` to read: per threshold, the learned/reader hits that would fall, on ordinary answers
and on disclosures.

    python benchmarks/experiments/screen_learned/agree.py 18-35 ; ... 36-52 ; agree.py --table /tmp/agree_*.csv
"""

import csv
import glob
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data"


def collect(spec):
    from analysis.screening import DisclosureScreener
    from analysis.screening.charmodel import model_text
    from analysis.screening.learned import doc_tokens, question_token
    from analysis.screening.questions import question_kind

    lo, _, hi = spec.partition("-")
    s = DisclosureScreener().fit()
    out = open(f"/tmp/agree_{lo}_{hi}.csv", "w", newline="", encoding="utf-8")
    w = csv.writer(out)
    w.writerow(["writer", "kind", "tag", "source", "judge", "reader"])
    for n in range(int(lo), int(hi or lo) + 1):
        for kind in ("ordinary", "disclosures"):
            with open(DATA / f"fresh{n}_youth_{kind}.csv", encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            for r in rows:
                if not s.screen(r["answer"], question=r["question"]).flagged:
                    continue
                trace = s.explain(r["answer"], r["question"])
                stood = [t for t in trace if t[3] is None or t[0] == "answer"]
                src = stood[0][0] if stood else "?"
                ctx = question_token(question_kind(r["question"]))
                judge = s.judge_net_.probability([*ctx, *doc_tokens(s._doc(r["answer"]))[0]])
                reader = s.reader_.probability(model_text(r["answer"], question_kind(r["question"])))
                w.writerow([n, kind, r.get("kind", ""), src, f"{judge:.3f}", f"{reader:.3f}"])
    out.close()


def table(paths):
    rows = [r for p in paths for r in csv.DictReader(open(p, encoding="utf-8"))]
    writers = {r["writer"] for r in rows}
    print(f"{len(writers)} writers; flagged ordinary {sum(r['kind'] == 'ordinary' for r in rows)}, "
          f"disclosures {sum(r['kind'] == 'disclosures' for r in rows)}")
    for src in ("learned", "reader", "rule", "answer", "last resort", "question"):
        o = [float(r["judge"]) for r in rows if r["source"] == src and r["kind"] == "ordinary"]
        d = [float(r["judge"]) for r in rows if r["source"] == src and r["kind"] == "disclosures"]
        if not (o or d):
            continue
        cells = "; ".join(f"<{t}: ord {sum(x < t for x in o)}, dis {sum(x < t for x in d)}"
                          for t in (0.1, 0.2, 0.3, 0.5))
        print(f"{src}: ord {len(o)}, dis {len(d)} | {cells}")


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        table(sorted({p for a in sys.argv[2:] for p in glob.glob(a)}))
    else:
        collect(sys.argv[1])
