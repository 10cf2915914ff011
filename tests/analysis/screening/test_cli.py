"""``analysis.screening.cli.main``: output per row, errors exit 2."""

import json

from analysis.screening.cli import main


def _run(tmp_path, content: bytes, column="answer"):
    src = tmp_path / "in.csv"
    src.write_bytes(content)
    out = tmp_path / "out.json"
    code = main([str(src), "--text-column", column, "--out", str(out)])
    return code, out


def test_rows_in_order_with_all_fields(tmp_path):
    content = (b"id,answer\n"
               b"1,\"my dad hits me, ring me on 07700 900123\"\n"
               b"2,I hit the ball\n"
               b"3,\n"
               b"4,\"my snap is jess_x12 and i want to kms\"\n")
    code, out = _run(tmp_path, content)
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["row"] for d in data] == [0, 1, 2, 3]
    assert set(data[0]) == {"row", "flagged", "categories", "evidence", "redacted"}
    assert data[0]["flagged"] and data[0]["categories"] == ["physical_abuse"]
    assert data[0]["evidence"] == ["dad hits me"]
    assert data[0]["redacted"] == "my dad hits me, ring me on [phone]"
    assert data[1] == {"row": 1, "flagged": False, "categories": [], "evidence": [],
                       "redacted": "I hit the ball"}
    assert data[2]["redacted"] == "" and not data[2]["flagged"]
    assert data[3]["categories"] == ["self_harm_suicide"]
    assert "jess_x12" not in data[3]["redacted"]


def test_bom_and_multiline_cells(tmp_path):
    content = "\ufeffanswer\n\"line one\nmy mum locks me in my room\"\n".encode("utf-8")
    code, out = _run(tmp_path, content)
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == 1 and data[0]["flagged"]


def test_missing_column_exits_2(tmp_path, capsys):
    code, out = _run(tmp_path, b"id,text\n1,hello\n", column="answer")
    assert code == 2
    err = capsys.readouterr().err
    assert "answer" in err and err.count("\n") == 1
    assert not out.exists()


def test_bad_encoding_exits_2(tmp_path, capsys):
    code, _ = _run(tmp_path, "answer\ncaf\xe9 \xff\n".encode("latin-1"))
    assert code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_empty_file_exits_2(tmp_path, capsys):
    code, _ = _run(tmp_path, b"")
    assert code == 2
    assert "empty" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path, capsys):
    code = main([str(tmp_path / "nope.csv"), "--text-column", "a", "--out", str(tmp_path / "o.json")])
    assert code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_header_only_gives_empty_list(tmp_path):
    code, out = _run(tmp_path, b"answer\n")
    assert code == 0
    assert json.loads(out.read_text()) == []


def test_bad_arguments_exit_2(capsys):
    assert main(["only-one-arg.csv"]) == 2


def test_question_column_reads_each_answer_beside_its_question(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("question,answer\n"
                   "Who would you tell if something was wrong?,my mums boyfriend\n"
                   "Who would you tell if something was wrong?,not my dad obvs hes the one who does it\n"
                   ",my mums boyfriend\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main([str(src), "--text-column", "answer", "--question-column", "question", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["flagged"] for d in data] == [False, True, True]
    code = main([str(src), "--text-column", "answer", "--out", str(out)])
    alone = json.loads(out.read_text(encoding="utf-8"))
    # read alone, "my mums boyfriend" is flagged by the net; the second by the last resort, not the question route
    assert code == 0 and [d["flagged"] for d in alone] == [True, True, True]
    assert alone[1]["categories"] and "question" not in json.dumps(alone[1])


def test_missing_question_column_is_bad_input(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("answer\nmy dad\n", encoding="utf-8")
    assert main([str(src), "--text-column", "answer", "--question-column", "question",
                 "--out", str(tmp_path / "o.json")]) == 2
    assert "column 'question' not found" in capsys.readouterr().err
