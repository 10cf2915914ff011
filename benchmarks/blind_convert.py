"""Copy a blind writer's folder into benchmarks/data without printing or reading its texts.

    python benchmarks/blind_convert.py youth /work/blind/y117 117 "GROUP given text"
    python benchmarks/blind_convert.py redaction /work/blind/r42 42 "the voices given"

Youth (brief ``blind_brief_63.md``): ``ordinary.csv`` (question,kind,text) and ``disclosures.csv``
(question,text[,category]) become ``freshNNN_youth_ordinary.csv`` (id,question,answer,kind) and
``freshNNN_youth_disclosures.csv`` (id,question,answer,category), the question numbers replaced by the questions'
text. Redaction (brief ``blind_brief_redaction.md``): ``redaction.csv`` is copied unchanged to
``blindrNN_redaction.csv``. Each gets a README: a header saying how it was made, then the writer's own README.
Only counts are printed.
"""
from __future__ import annotations

import csv
import datetime
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.screening import youth_questions as Q  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
# the brief's question numbers 1-8, in the survey's own words (the registries' names for them)
QUESTIONS = [Q.TELL, Q.UNSAFE, Q.HELPS, Q.ONLINE, Q.GOOD, Q.SCHOOL, Q.ADULTS, Q.ELSE]


def youth(folder: Path, n: str, group: str) -> None:
    today = datetime.date.today().strftime("%-d %B %Y")
    ordinary = list(csv.DictReader((folder / "ordinary.csv").open(encoding="utf-8")))
    disclosures = list(csv.DictReader((folder / "disclosures.csv").open(encoding="utf-8")))
    with (DATA / f"fresh{n}_youth_ordinary.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "question", "answer", "kind"])
        for i, r in enumerate(ordinary, 1):
            w.writerow([f"ord-{i:04d}", QUESTIONS[int(r["question"]) - 1], r["text"], r["kind"]])
    with (DATA / f"fresh{n}_youth_disclosures.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "question", "answer", "category"])
        for i, r in enumerate(disclosures, 1):
            w.writerow([f"dis-{i:04d}", QUESTIONS[int(r["question"]) - 1], r["text"],
                        r.get("category") or "unspecified"])
    header = (f"# blind-{n}: hand-written evaluation set - NEVER SCORED before its first sight\n\n"
              f"Written on {today} by a helper who never saw the project, following the brief of writers 63-116\n"
              "(`blind_brief_63.md`: the youth survey's eight free-text questions, 650 ordinary answers tagged "
              "`everyday` or\n`hard-topic` and 180 disclosures, typed by hand, one real kind of group answering as "
              "it really would, the share of\nhard-topic answers the writer's own belief), for kinds of group not yet "
              f"written for.\n{group}\nConverted here to `fresh{n}_youth_ordinary.csv` (id,question,answer,kind) and "
              f"`fresh{n}_youth_disclosures.csv`\n(id,question,answer,category; the writer gave no categories: "
              "`unspecified`), the question numbers replaced by the\nquestions' text, by `benchmarks/blind_convert.py`,"
              " "
              "without reading the texts. The writer's own README follows.\n\n")
    (DATA / f"fresh{n}_README.md").write_text(header + (folder / "README.md").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    print(f"fresh{n}: {len(ordinary)} ordinary, {len(disclosures)} disclosures")


def redaction(folder: Path, n: str, voices: str) -> None:
    today = datetime.date.today().strftime("%-d %B %Y")
    shutil.copyfile(folder / "redaction.csv", DATA / f"blindr{n}_redaction.csv")
    rows = list(csv.DictReader((folder / "redaction.csv").open(encoding="utf-8")))
    header = (f"# blind-r{n}: a labelled redaction set - scored at first sight on {today}, never read\n\n"
              f"Written on {today} by a helper who never saw the project, to `blind_brief_redaction.md` (300 texts, "
              f"420+\nitems to remove, 330+ to keep), in the voices: {voices}\nCopied here unchanged as "
              f"`blindr{n}_redaction.csv`, without reading the texts. The writer's own README follows.\n\n")
    (DATA / f"blindr{n}_README.md").write_text(header + (folder / "README.md").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    print(f"blindr{n}: {len(rows)} texts")


if __name__ == "__main__":
    kind, folder, n, given = sys.argv[1:5]
    {"youth": youth, "redaction": redaction}[kind](Path(folder), n, given)
