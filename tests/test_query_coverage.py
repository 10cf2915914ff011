"""The PostgreSQL pass's check that every queries function ran there (``tests/query_coverage.py``)."""

import json

from tests import query_coverage


def _records(tmp_path, monkeypatch, *processes):
    monkeypatch.setenv(query_coverage.ENV, str(tmp_path))
    for n, (collected, called) in enumerate(processes):
        (tmp_path / f"gw{n}.json").write_text(json.dumps({"collected": sorted(collected), "called": sorted(called)}))


def test_every_function_called_by_some_process_passes(tmp_path, monkeypatch):
    modules, functions = sorted(query_coverage.all_test_modules()), sorted(query_coverage.all_functions())
    half = len(functions) // 2
    _records(tmp_path, monkeypatch, (modules[:10], functions[:half]), (modules[10:], functions[half:]))
    assert query_coverage.check_session() == []


def test_a_function_no_process_called_is_named(tmp_path, monkeypatch):
    functions = query_coverage.all_functions() - {"scorecard.delete_indicator"}
    _records(tmp_path, monkeypatch, (query_coverage.all_test_modules(), functions))
    assert query_coverage.check_session() == ["scorecard.delete_indicator"]


def test_a_narrower_run_is_not_checked(tmp_path, monkeypatch):
    modules = query_coverage.all_test_modules() - {"tests/feedback_app/services/test_exports.py"}
    _records(tmp_path, monkeypatch, (modules, set()))
    assert query_coverage.check_session() is None


def test_view_tests_are_recognised_by_their_path():
    assert query_coverage.view_test("tests/feedback_app/views/test_scorecard.py::test_x")
    assert query_coverage.view_test("tests/test_permissions.py::test_y[admin]")
    assert not query_coverage.view_test("tests/feedback_app/services/test_results.py::test_z")
