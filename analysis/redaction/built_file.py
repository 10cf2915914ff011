"""The command line both data builders share (``build_places``, ``build_names``): write a data file from a kept
library's data, or check that the file in the tree still matches it."""

from __future__ import annotations

import argparse
from pathlib import Path


def check_or_write(path: Path, want: str, *, source: str, command: str, description: str, argv=None) -> int:
    """``--check``: 0 when ``path`` holds ``want``, else 1 and the command to run; otherwise write it."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--check", action="store_true")
    args = p.parse_args(argv)
    if args.check:
        if path.read_text(encoding="utf8") != want:
            print(f"{path} differs from {source}'s data: run {command}")
            return 1
        print(f"{path.name} matches {source}")
        return 0
    path.write_text(want, encoding="utf8")
    print(f"wrote {path} ({sum(1 for line in want.splitlines() if line and not line.startswith('#'))} lines)")
    return 0
