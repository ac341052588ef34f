"""The command line: score and spans, formats and exit codes."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.cli import main
from mediakit.io import seeds_path

SEEDS = seeds_path()


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_score_seeds_csv_has_one_row_per_seed(capsys):
    code, out, err = run(["score", str(SEEDS)], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]
    assert rows[0]["outlet"] == "outlet A"
    assert float(rows[4]["words"]) > 300


def test_score_jsonl_to_file(tmp_path, capsys):
    out_file = tmp_path / "scores.jsonl"
    code, out, err = run(["score", str(SEEDS / "004_e96ff5f3522b51df.txt"), "--format", "jsonl", "-o", str(out_file)], capsys)
    assert code == 0, err
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert row["id"] == "004_e96ff5f3522b51df" and row["error"] is None


def test_missing_path_is_a_usage_error_naming_it(capsys):
    code, out, err = run(["score", "no/such/file.txt"], capsys)
    assert code == 2
    assert "no/such/file.txt" in err and out == ""


def test_unknown_option_is_a_usage_error(capsys):
    assert run(["score", "--bogus", str(SEEDS)], capsys)[0] == 2


def test_spans_json_round_trips_into_the_file(capsys):
    path = SEEDS / "000_52d4930ff7ecd802.txt"
    code, out, err = run(["spans", str(path)], capsys)
    assert code == 0, err
    data = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert data["text_length"] == len(text)
    for s in data["spans"]:
        assert text[s["start"]:s["end"]] == s["cue"]
        assert set(s) == {"start", "end", "category", "cue", "rule"}


def test_spans_of_binary_file_is_exit_2_naming_the_file(tmp_path, capsys):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    code, out, err = run(["spans", str(junk)], capsys)
    assert code == 2 and "junk.txt" in err


def test_binary_file_in_a_batch_becomes_an_error_row(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Troops arrived on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(["score", str(tmp_path)], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["error"] == "" and "binary" in rows[1]["error"]
    assert "1 of 2 articles failed" in err
    assert run(["score", "--strict", str(tmp_path)], capsys)[0] == 1


def test_console_script_runs_as_module():
    proc = subprocess.run([sys.executable, "-m", "mediakit", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("mediakit ")


def test_table_without_text_column_is_exit_2_before_any_output(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("id,headline\n1,Troops arrive\n", encoding="utf-8")
    code, out, err = run(["score", str(table)], capsys)
    assert code == 2 and out == "" and "t.csv" in err and "text" in err


def test_decoding_fallback_is_one_readable_warning_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes("Officials said the \u201cdeal\u201d was done.".encode("cp1252"))
    code, out, err = run(["score", str(tmp_path)], capsys)
    assert code == 0
    assert "mediakit: warning: " in err and "cp1252" in err and "a.txt" in err
    assert "warnings.warn" not in err
