"""Command line: ``python -m analysis themes ...`` and ``python -m analysis screen ...``."""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2


class InputError(Exception):
    """The input file cannot be used; the message is one line for the user."""


def read_column(path: str, column: str) -> list[str]:
    """Return ``column`` of the CSV at ``path``, one value per row, in order."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames:
                raise InputError(f"{path} is empty")
            if column not in reader.fieldnames:
                raise InputError(f"{path} has no column {column!r} (columns: {', '.join(reader.fieldnames)})")
            values = [row[column] or "" for row in reader]
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except csv.Error as exc:
        raise InputError(f"{path} is not a readable CSV file: {exc}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if not values:
        raise InputError(f"{path} has no rows")
    return values


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Analyse free-text answers.")
    commands = parser.add_subparsers(dest="command", required=True)
    themes = commands.add_parser("themes", help="find themes in a column of a CSV file")
    themes.add_argument("input", help="CSV file (UTF-8) with a header row")
    themes.add_argument("--text-column", required=True, help="column holding the answers")
    themes.add_argument("--k", type=int, default=None, help="number of themes (default: chosen)")
    themes.add_argument("--backend", choices=("tfidf", "embeddings"), default="tfidf")
    themes.add_argument("--seed", type=int, default=0)
    themes.add_argument("--model", default=None,
                        help="sentence-transformers model name or path (default: the packaged model, offline)")
    themes.add_argument("--cache-dir", default=None, help="embedding cache directory")
    themes.add_argument("--out", required=True, help="where to write the JSON result")
    commands.add_parser("screen", help="safeguarding screening (see `screen --help`)", add_help=False)
    return parser


def run_themes(args) -> int:
    try:
        texts = read_column(args.input, args.text_column)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.k is not None and args.k < 1:
        print("error: --k must be at least 1", file=sys.stderr)
        return EXIT_BAD_INPUT
    from .themes import find_themes

    if args.backend == "embeddings":
        from .themes.embeddings import ModelNotFound, resolve_model

        try:
            resolve_model(args.model)
        except ModelNotFound as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    params = {"model": args.model, "cache_dir": args.cache_dir} if args.backend == "embeddings" else {}
    result = find_themes(texts, k=args.k, backend=args.backend, seed=args.seed, **params)
    Path(args.out).write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def run_screen(argv: list[str]) -> int:
    try:
        module = importlib.import_module("analysis.screening.cli")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("analysis.screening"):
            print("error: screening is not available (analysis.screening.cli is missing)", file=sys.stderr)
            return EXIT_BAD_INPUT
        raise
    return int(module.main(argv) or 0)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "screen":
        return run_screen(argv[1:])
    args = build_parser().parse_args(argv)
    return run_themes(args)
