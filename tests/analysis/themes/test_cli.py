import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import main

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(__file__).parent / "data"


def test_themes_command_writes_json(tmp_path, spacy_loaded):
    out = tmp_path / "out.json"
    assert main(["themes", str(DATA / "barriers.csv"), "--text-column", "answer", "--k", "5", "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert {"themes", "assignments", "non_answers", "k_chosen", "timings"} <= set(result)
    assert len(result["assignments"]) == 112 and result["k_chosen"] == 5 and result["non_answers"] == 12
    assert set(result["themes"][0]) == {"id", "label", "terms", "size", "quotes", "secondary_size", "other"}
    assert len(result["secondary"]) == 112


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"other\nx\n", "no column 'answer'"),
    ("answer\ncaf\u00e9 staff\n".encode("latin-1"), "not UTF-8"),
    (b"answer\n", "no rows"),
])
def test_unreadable_input_exits_2_with_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    code = main(["themes", str(path), "--text-column", "answer", "--out", str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "o.json").exists()


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["themes", str(tmp_path / "none.csv"), "--text-column", "a", "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.startswith("error: cannot read")


def test_screen_is_delegated_or_reports_missing_module():
    code = subprocess.run(
        [sys.executable, "-m", "analysis", "screen", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    try:
        import analysis.screening.cli  # noqa: F401
    except ModuleNotFoundError:
        assert code.returncode == 2 and code.stderr.strip().count("\n") == 0 and "screening" in code.stderr
    else:
        assert "Traceback" not in code.stderr
