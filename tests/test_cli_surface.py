"""The analyst's commands: `mediakit compare` and `mediakit report`, their output and exit codes."""

import csv
import io

import pytest

import mediakit
from mediakit.cli import EXIT_FAILURES, EXIT_OK, EXIT_USAGE, main
from mediakit.frame import compare
from mediakit.io import seeds_path

SEEDS = seeds_path()


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def seed_comparison():
    return compare(mediakit.score(mediakit.load_seeds()))


@pytest.fixture
def bad_file(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02\x03 not text")
    return path


def test_compare_prints_the_table_and_the_reading(capsys, seed_comparison):
    code, out, err = run(["compare", str(SEEDS)], capsys)
    assert code == EXIT_OK, err
    table, reading = out.split("\n\n", 1)
    header, *lines = table.splitlines()
    # one row per score, one column per outlet
    assert header.split() == ["outlet", "outlet", "A", "outlet", "B", "outlet", "C", "outlet", "D"]
    rows = {line.split()[0]: line.split()[1:] for line in lines}
    assert list(rows) == list(seed_comparison.columns)
    assert rows["n_articles"] == ["2", "1", "1", "1"]
    for col, cells in rows.items():
        for cell, want in zip(cells, seed_comparison[col]):
            assert (cell == "n/a" and want != want) or float(cell) == pytest.approx(want, abs=5e-4), col
    assert reading == seed_comparison.attrs["reading"] + "\n"


def test_compare_csv_holds_the_unrounded_means(capsys, seed_comparison):
    code, out, err = run(["compare", str(SEEDS), "--format", "csv"], capsys)
    assert code == EXIT_OK, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["outlet"] for r in rows] == list(seed_comparison.index)
    assert [int(r["n_articles"]) for r in rows] == list(seed_comparison["n_articles"])
    for r in rows:
        for col in seed_comparison.columns[1:]:
            want = seed_comparison.loc[r["outlet"], col]
            assert (r[col] == "" and want != want) or float(r[col]) == pytest.approx(want, abs=1e-6), col


def test_compare_by_another_column(capsys):
    code, out, err = run(["compare", str(SEEDS), "--by", "published", "--format", "csv"], capsys)
    assert code == EXIT_OK, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["published"], r["n_articles"]) for r in rows] == [("(none)", "2"), ("2024-10-23", "2"), ("2024-11-24", "1")]


def test_compare_usage_errors(capsys, tmp_path):
    code, out, err = run(["compare", "no/such/folder"], capsys)
    assert code == EXIT_USAGE and "no/such/folder" in err and out == ""
    assert run(["compare", str(SEEDS), "--by", "colour"], capsys)[0] == EXIT_USAGE
    assert run(["compare"], capsys)[0] == EXIT_USAGE
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(["compare", str(empty)], capsys)
    assert code == EXIT_USAGE and "no articles found" in err


def test_compare_reports_failures_and_exits_1_only_when_strict(capsys, bad_file):
    code, out, err = run(["compare", str(SEEDS), str(bad_file)], capsys)
    assert code == EXIT_OK
    assert "1 of 6 articles failed" in err and "binary" in err
    assert "Articles per outlet (5 in all)" in out  # the unreadable file is not counted
    assert run(["compare", str(SEEDS), str(bad_file), "--strict"], capsys)[0] == EXIT_FAILURES


def test_report_writes_a_self_contained_page(capsys, tmp_path):
    target = tmp_path / "report.html"
    code, out, err = run(["report", str(SEEDS), "-o", str(target), "--title", "Seeds <test>"], capsys)
    assert code == EXIT_OK, err
    assert out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<table class="mk-table" id="scores-table">' in page
    for aid in ("seed-000", "seed-001", "seed-002", "seed-003", "seed-004"):
        assert f'<tr data-id="{aid}">' in page
    assert "<title>Seeds &lt;test&gt;</title>" in page
    assert "data:image/png;base64," in page


def test_report_to_standard_output_without_charts(capsys):
    code, out, err = run(["report", str(SEEDS / "004_e96ff5f3522b51df.txt"), "-o", "-", "--no-charts"], capsys)
    assert code == EXIT_OK, err
    assert out.startswith("<!DOCTYPE html>") and "<img" not in out
    assert '<tr data-id="004_e96ff5f3522b51df">' in out


def test_report_usage_errors_and_failures(capsys, tmp_path, bad_file):
    assert run(["report", str(SEEDS)], capsys)[0] == EXIT_USAGE  # -o is required
    code, out, err = run(["report", "nope.txt", "-o", str(tmp_path / "r.html")], capsys)
    assert code == EXIT_USAGE and "nope.txt" in err
    target = tmp_path / "r.html"
    code, out, err = run(["report", str(bad_file), str(SEEDS / "004_e96ff5f3522b51df.txt"), "-o", str(target),
                          "--strict"], capsys)
    assert code == EXIT_FAILURES and "1 of 2 articles failed" in err
    assert 'class="mk-failed" data-article="binary"' in target.read_text(encoding="utf-8")


def test_score_and_spans_are_still_there(capsys):
    code, out, err = run(["score", str(SEEDS / "004_e96ff5f3522b51df.txt")], capsys)
    assert code == EXIT_OK and out.startswith("id,outlet,published,title,words,")
    code, out, err = run(["spans", str(SEEDS / "004_e96ff5f3522b51df.txt"), "--format", "jsonl"], capsys)
    assert code == EXIT_OK and out.startswith('{"id": "004_e96ff5f3522b51df"')
