"""CI runs benchmarks/load.py briefly: complete journeys under gunicorn on PostgreSQL, nothing lost."""

import sys

import pytest

pytestmark = pytest.mark.postgres
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "benchmarks"))


def test_load_script_confirms_every_response_it_was_shown(postgres, tmp_path):
    import load

    database = postgres.set(database=f"{postgres.database}_load").render_as_string(hide_password=False)
    output = tmp_path / "LOAD_RESULTS.md"
    status = load.main(["--database-url", database, "--duration", "6", "--respondents", "24", "--concurrency", "6",
                        "--ceiling-seconds", "2", "--workers", "2", "--output", str(output), "--drop-database"])
    report = output.read_text(encoding="utf-8")
    assert status == 0, report
    assert "| lost responses | 0 |" in report
    assert "| errors | 0 |" in report
    assert "journey requests per second / ceiling" in report
