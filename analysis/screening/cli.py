"""``python -m analysis screen INPUT.csv --text-column COL [--question-column Q] --out OUT.json``.

Writes, for each input row in order::

    {"row": i, "flagged": bool, "categories": [...], "evidence": [...], "redacted": "..."}

``flagged`` is true for every answer that must reach a person: a category was
found, or the answer is in a language the screen cannot read well enough to
pass it (``categories`` then holds ``not_screened:<language>``, e.g.
``not_screened:ur``).

With ``--question-column``, each answer is screened beside its question's (English) text, so
"my dad" answering "Who would you tell?" is read as an answer (:mod:`analysis.screening.questions`).

Unreadable input (missing file or column, bad encoding, empty file) gives a
one-line error on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

EXIT_BAD_INPUT = 2


class InputError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m analysis screen",
        description="Screen free-text answers for safeguarding disclosures and redact personal data.")
    p.add_argument("input", help="CSV file (UTF-8) with a header row")
    p.add_argument("--text-column", required=True, help="name of the column holding the answer text")
    p.add_argument("--question-column", default=None,
                   help="optional column holding each answer's question text (the screen reads the answer beside it)")
    p.add_argument("--out", required=True, help="where to write the JSON results ('-' for stdout)")
    return p


def read_texts(path: str, column: str) -> list[str]:
    """The ``column`` of every row of the CSV file at ``path``."""
    return read_columns(path, (column,))[0]


def read_columns(path: str, columns) -> list[list[str]]:
    """Each of ``columns`` (in order) of every row of the CSV file at ``path``."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise InputError(f"{path} is empty")
    if "\x00" in text:
        raise InputError(f"{path} contains NUL bytes; is it really a CSV file?")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = reader.fieldnames or []
        for column in columns:
            if column not in fields:
                shown = ", ".join(repr(f) for f in fields[:10])
                raise InputError(f"column {column!r} not found in {path} (columns: {shown})")
        rows = list(reader)
        return [[row.get(column) or "" for row in rows] for column in columns]
    except csv.Error as exc:
        raise InputError(f"{path} is not a readable CSV file: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage + error
        return int(exc.code or 0)
    columns = (args.text_column,) + ((args.question_column,) if args.question_column else ())
    try:
        read = read_columns(args.input, columns)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT

    from analysis.redaction import redact_text
    from analysis.screening import screen_text

    texts = read[0]
    questions = read[1] if args.question_column else [None] * len(texts)
    results = []
    for i, (t, q) in enumerate(zip(texts, questions, strict=True)):
        r = screen_text(t, question=q or None)
        results.append({"row": i, "flagged": r.flagged, "categories": list(r.categories),
                        "evidence": [h.evidence for h in r.hits], "redacted": redact_text(t)})
    payload = json.dumps(results, ensure_ascii=False, indent=2)
    if args.out == "-":
        sys.stdout.write(payload + "\n")
        return 0
    try:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(payload + "\n")
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
