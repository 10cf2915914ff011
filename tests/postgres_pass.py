"""Which tests the PostgreSQL pass runs: the ``postgres``-marked ones, and those listed in ``postgres_pass.txt``.

All SQL is in ``feedback_app/queries/``, so the pass that runs tests again on PostgreSQL (``TEST_DB=postgres``)
exists to run that SQL there. Running every test that opens a database ran most lines of it dozens of times over:
the list is a greedy cover, cheapest first, of every line of ``feedback_app/queries/`` that any such test runs,
so each of those lines runs on PostgreSQL at least once and the pass takes a fraction of the time.

``make postgres-pass-list`` writes the list: it runs every test that opens a database, on PostgreSQL, noting for
each which lines of the queries modules it ran (``LineRecorder``, a trace function that follows only frames of
those modules) and how long it took, then chooses (``choose``). Each ordinary PostgreSQL pass still checks
(``tests/query_coverage.py``) that every queries function ran, and that every listed test still exists: a new
queries function nothing listed reaches, or a renamed test, fails the run with the command to run again.
"""

import json
import os
import sys
import threading
from pathlib import Path

TESTS = Path(__file__).resolve().parent
LIST = TESTS / "postgres_pass.txt"
RECORD_ENV = "POSTGRES_PASS_RECORD_DIR"  # set by `make postgres-pass-list`: note lines per test, run everything
HOW_TO_REFRESH = "make postgres-pass-list TEST_DATABASE_URL=postgresql://...  (then commit tests/postgres_pass.txt)"
HEADER = """\
# The tests the PostgreSQL pass runs besides the postgres-marked ones (tests/postgres_pass.py).
# Written by `make postgres-pass-list`: a greedy cover, cheapest first, of every line of feedback_app/queries/
# that any test opening a database runs on PostgreSQL. Do not edit by hand.
"""


def recording():
    return bool(os.environ.get(RECORD_ENV))


def listed():
    """The node ids in the list (an empty set when there is no list yet)."""
    if not LIST.exists():
        return set()
    return {line.strip() for line in LIST.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


class LineRecorder:
    """Notes the ``(module, line)`` pairs of ``feedback_app/queries/`` each test runs, set-up and tear-down included.

    ``sys.settrace`` with a global function that declines every frame outside the queries folder, so only those
    frames pay for line events (the rest pay for a call event each: a run about twice as slow, once).
    """

    def __init__(self, folder=None):
        if folder is None:
            import feedback_app.queries as package

            folder = Path(package.__file__).resolve().parent
        self.folder = str(folder) + os.sep
        self.current = None
        self.lines = {}
        self.seconds = {}

    def _global(self, frame, event, _arg):
        filename = frame.f_code.co_filename
        if not filename.startswith(self.folder) or self.current is None:
            return None
        self._note(frame)
        return self._local

    def _local(self, frame, event, _arg):
        if event == "line" and self.current is not None:
            self._note(frame)
        return self._local

    def _note(self, frame):
        name = frame.f_code.co_filename[len(self.folder):]
        self.lines.setdefault(self.current, set()).add(f"{name}:{frame.f_lineno}")

    def start(self, nodeid):
        self.current = nodeid
        self.lines.setdefault(nodeid, set())
        sys.settrace(self._global)
        threading.settrace(self._global)

    def stop(self):
        sys.settrace(None)
        threading.settrace(None)
        self.current = None

    def add_seconds(self, nodeid, seconds):
        self.seconds[nodeid] = self.seconds.get(nodeid, 0.0) + seconds

    def write(self, name, marked):
        data = {nodeid: {"lines": sorted(lines), "seconds": self.seconds.get(nodeid, 0.0),
                         "marked": nodeid in marked}
                for nodeid, lines in self.lines.items()}
        path = Path(os.environ[RECORD_ENV]) / f"{name or 'main'}.json"
        path.write_text(json.dumps(data), encoding="utf-8")


def choose(records):
    """A greedy cover: the marked tests (they run anyway), then repeatedly the test that adds the most
    uncovered lines per second, until every line any test ran is covered. Returns the chosen unmarked ids."""
    wanted = set().union(*(set(r["lines"]) for r in records.values())) if records else set()
    covered = set().union(*(set(r["lines"]) for r in records.values() if r["marked"])) if records else set()
    candidates = {nodeid: set(r["lines"]) for nodeid, r in records.items() if not r["marked"]}
    chosen = []
    while covered < wanted:
        def value(nodeid):
            new = len(candidates[nodeid] - covered)
            return new / (records[nodeid]["seconds"] + 0.05), new, nodeid

        best = max(candidates, key=value)
        if not candidates[best] - covered:
            break
        chosen.append(best)
        covered |= candidates.pop(best)
    return chosen


def write_list(folder):
    records = {}
    for path in sorted(Path(folder).glob("*.json")):
        records.update(json.loads(path.read_text(encoding="utf-8")))
    chosen = choose(records)
    lines = set().union(*(set(r["lines"]) for r in records.values())) if records else set()
    seconds = sum(records[nodeid]["seconds"] for nodeid in chosen)
    total = sum(r["seconds"] for r in records.values())
    LIST.write_text(HEADER + f"# {len(chosen)} of {len(records)} tests; {len(lines)} lines of queries; "
                    f"{seconds:.0f} of {total:.0f} recorded seconds.\n" + "".join(f"{n}\n" for n in sorted(chosen)),
                    encoding="utf-8")
    return len(chosen), len(records), seconds, total
