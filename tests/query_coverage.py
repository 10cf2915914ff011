"""The PostgreSQL pass's check: every function of ``feedback_app/queries/`` ran on PostgreSQL.

All SQL is in ``feedback_app/queries/``, so the pass that runs tests again on PostgreSQL (``TEST_DB=postgres``)
exists to run each of those functions there. It runs the ``postgres``-marked tests and those listed in
``tests/postgres_pass.txt``, a cover of every line of the queries modules (``tests/postgres_pass.py``). This check
keeps the list honest: each process of the PostgreSQL pass wraps every queries function to note that it ran
(``install``), notes any listed test it did not find (``note_collected``) and leaves its record at the end of its
session (``write_records``); the main process reads them all once every worker has finished (``check_session``,
from ``tests/conftest.py``) and fails the run with the functions that never ran on PostgreSQL and the listed tests
that no longer exist.
"""

import functools
import importlib
import inspect
import json
import os
import pkgutil
import re
import tempfile
from pathlib import Path

from tests import postgres_pass

ENV = "QUERIES_CALLED_DIR"
TESTS = Path(__file__).resolve().parent
HOW_TO_FIX = (
    "Query functions that never ran on PostgreSQL, or listed tests that no longer exist. Test each function (in "
    "tests/feedback_app/services/ or models/) or remove it if nothing calls it, then choose the pass's tests again: "
    + postgres_pass.HOW_TO_REFRESH
)

_called = set()
_collected = set()
_missing = set()


def _functions():
    """``{"module.name": (module, function)}`` for every function defined in a ``feedback_app.queries`` module."""
    import feedback_app.queries as package

    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = (module, function)
    return found


def install():
    """Wrap every queries function, where it is defined and wherever another queries module imported it by name,
    so that calling it notes its name."""
    functions = _functions()
    modules = {module for module, _function in functions.values()}
    for key, (_module, function) in functions.items():
        @functools.wraps(function)
        def noted(*args, _key=key, _function=function, **kwargs):
            _called.add(_key)
            return _function(*args, **kwargs)

        for module in modules:
            for name, value in list(vars(module).items()):
                if value is function:
                    setattr(module, name, noted)


def all_functions():
    return set(_functions())


def note_collected(items, listed=frozenset()):
    """The test modules this process collected (before the PostgreSQL pass leaves some out), and the listed
    tests it did not find."""
    _collected.update(item.nodeid.split("::", 1)[0] for item in items)
    _missing.update(set(listed) - {item.nodeid for item in items})


def records_dir():
    return Path(os.environ[ENV]) if os.environ.get(ENV) else None


def start_run():
    """In the main process: a fresh directory for this run's records (workers inherit the variable)."""
    os.environ[ENV] = tempfile.mkdtemp(prefix="queries-called-")


def write_records(name):
    folder = records_dir()
    if folder is None:
        return
    data = {"collected": sorted(_collected), "called": sorted(_called), "missing": sorted(_missing)}
    (folder / f"{name or 'main'}.json").write_text(json.dumps(data), encoding="utf-8")


def all_test_modules():
    """Every module of tests outside the browser suite (a ``test_*.py`` file that defines a test)."""
    return {str(path.relative_to(TESTS.parent)) for path in TESTS.rglob("test_*.py")
            if not str(path.relative_to(TESTS)).startswith("browser/")
            and re.search(r"^\s*def test_", path.read_text(encoding="utf-8"), re.MULTILINE)}


def problems(called, missing=()):
    never_ran = [f"feedback_app/queries/{name.replace('.', '.py: ', 1)} never ran"
                 for name in sorted(all_functions() - set(called))]
    return never_ran + [f"tests/postgres_pass.txt lists {nodeid}, which no longer exists" for nodeid in sorted(missing)]


def check_session():
    """What is wrong (functions that never ran, listed tests that are gone), or None when the run did not collect
    every test module (a narrower run)."""
    folder = records_dir()
    if folder is None:
        return None
    collected, called, missing = set(), set(), None
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        collected |= set(data["collected"])
        called |= set(data["called"])
        if data["collected"]:  # each process that collects, collects every test: missing from one, missing
            missing = set(data["missing"]) if missing is None else missing & set(data["missing"])
    if not all_test_modules() <= collected:
        return None
    return problems(called, missing or ())
