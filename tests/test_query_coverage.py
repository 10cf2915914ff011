"""The PostgreSQL pass's check that every queries function ran there (``tests/query_coverage.py``)."""

import json

from tests import postgres_pass, query_coverage


def _records(tmp_path, monkeypatch, *processes, missing=()):
    monkeypatch.setenv(query_coverage.ENV, str(tmp_path))
    for n, (collected, called) in enumerate(processes):
        data = {"collected": sorted(collected), "called": sorted(called), "missing": sorted(missing)}
        (tmp_path / f"gw{n}.json").write_text(json.dumps(data))
    # the main process under xdist collects nothing and misses nothing
    (tmp_path / "main.json").write_text(json.dumps({"collected": [], "called": [], "missing": []}))


def test_every_function_called_by_some_process_passes(tmp_path, monkeypatch):
    modules, functions = sorted(query_coverage.all_test_modules()), sorted(query_coverage.all_functions())
    half = len(functions) // 2
    _records(tmp_path, monkeypatch, (modules[:10], functions[:half]), (modules[10:], functions[half:]))
    assert query_coverage.check_session() == []


def test_a_function_no_process_called_is_named(tmp_path, monkeypatch):
    functions = query_coverage.all_functions() - {"scorecard.delete_indicator"}
    _records(tmp_path, monkeypatch, (query_coverage.all_test_modules(), functions))
    assert query_coverage.check_session() == ["feedback_app/queries/scorecard.py: delete_indicator never ran"]


def test_a_listed_test_that_no_longer_exists_is_named(tmp_path, monkeypatch):
    gone = "tests/feedback_app/services/test_results.py::test_renamed_since"
    _records(tmp_path, monkeypatch, (query_coverage.all_test_modules(), query_coverage.all_functions()),
             missing={gone})
    assert query_coverage.check_session() == [f"tests/postgres_pass.txt lists {gone}, which no longer exists"]


def test_every_listed_test_exists():
    """The list in the repository names only tests that are there (the pass itself checks this too)."""
    listed = postgres_pass.listed()
    assert len(listed) > 20
    for nodeid in listed:
        path, _, name = nodeid.partition("::")
        assert (query_coverage.TESTS.parent / path).exists(), nodeid
        assert f"def {name.split('[')[0]}(" in (query_coverage.TESTS.parent / path).read_text(), nodeid


def test_a_narrower_run_is_not_checked(tmp_path, monkeypatch):
    modules = query_coverage.all_test_modules() - {"tests/feedback_app/services/test_exports.py"}
    _records(tmp_path, monkeypatch, (modules, set()))
    assert query_coverage.check_session() is None


def _record(lines, seconds, marked=False):
    return {"lines": lines, "seconds": seconds, "marked": marked}


def test_the_cover_takes_the_most_new_lines_per_second_until_every_line_is_run():
    records = {
        "slow_everything": _record(["a.py:1", "a.py:2", "b.py:1", "b.py:2"], 40.0),
        "quick_a": _record(["a.py:1", "a.py:2"], 1.0),
        "quick_b": _record(["b.py:1"], 1.0),
        "quick_b2": _record(["b.py:1", "b.py:2"], 1.5),
        "adds_nothing_new": _record(["a.py:1"], 1.0),
    }
    assert postgres_pass.choose(records) == ["quick_a", "quick_b2"]


def test_lines_a_marked_test_runs_need_no_other_test():
    records = {"marked": _record(["a.py:1", "a.py:2"], 30.0, marked=True),
               "other": _record(["a.py:1"], 0.1), "needed": _record(["a.py:2", "a.py:3"], 5.0)}
    assert postgres_pass.choose(records) == ["needed"]


def test_the_recorder_notes_the_lines_run_in_its_folder_and_nothing_else(tmp_path, monkeypatch):
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "sums.py").write_text("def total(values):\n    result = 0\n    for value in values:\n"
                                    "        result += value\n    return result\n")
    (tmp_path / "outside.py").write_text("def twice(value):\n    return 2 * value\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(folder))
    import outside
    import sums

    recorder = postgres_pass.LineRecorder(folder.resolve())
    recorder.start("t")
    try:
        assert sums.total([outside.twice(1), 3]) == 5
    finally:
        recorder.stop()
    sums.total([1])  # after stop: not noted
    assert recorder.lines == {"t": {"sums.py:1", "sums.py:2", "sums.py:3", "sums.py:4", "sums.py:5"}}
