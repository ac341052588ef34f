"""The seeds' scores, spans and claims against tests/expected/, and the notebooks' hygiene.

tests/expected/ is written by ``python scripts/regenerate.py``.  When a test
here fails, its message lists every changed score (old -> new) and every
added or removed span; if the change is intended, bump the version of the
lexicon you edited, run the script and commit the result with the change.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from importlib import resources
from pathlib import Path

import pytest

import mediakit

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("mediakit_regenerate", ROOT / "scripts" / "regenerate.py")
regen = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = regen  # dataclasses look the module up by name
_spec.loader.exec_module(regen)

HOW_TO_FIX = (
    "The seeds' results differ from tests/expected/.\n"
    "If the change is intended: bump the version of any lexicon you edited, run\n"
    "    python scripts/regenerate.py\n"
    "and commit the code, the lexicon, notebooks/ and tests/expected/ together.\n"
)


@pytest.fixture(scope="module")
def current():
    return regen.snapshot()


@pytest.fixture(scope="module")
def expected():
    return regen.load_expected()


# --- the check itself -------------------------------------------------------


def test_seed_results_match_expected(current, expected):
    report = regen.diff_snapshots(expected, regen.comparable(current))
    report += regen.unbumped_lexicons(expected)
    if report:
        pytest.fail(HOW_TO_FIX + "\n".join(report), pytrace=False)


def test_expected_files_are_written_exactly_as_regenerate_writes_them(current):
    for name, text in regen.expected_files(current).items():
        stored = (regen.EXPECTED / name).read_text(encoding="utf-8")
        if stored != text:
            pytest.fail(f"tests/expected/{name} is not what regenerate.py writes now.\n" + HOW_TO_FIX, pytrace=False)


def test_expected_files_cover_every_seed_and_score(expected):
    ids = [a.id for a in mediakit.load_seeds()]
    assert sorted(expected.scores) == ids and sorted(expected.spans) == ids
    names = [c.name for c in mediakit.score_columns()]
    assert expected.columns == names
    assert all(set(expected.scores[i]) == set(names) for i in ids)


# --- a lexicon edit must show up, named --------------------------------------


def _scorer_of(lexicon_name: str):
    from mediakit.core import DEFAULT_SCORERS, scorer_module

    for name in DEFAULT_SCORERS:
        mod = scorer_module(name)
        if lexicon_name in getattr(mod, "LEXICONS", ()):
            return mod
    raise LookupError(lexicon_name)


def test_editing_one_lexicon_entry_fails_with_a_readable_diff(tmp_path, expected):
    """Drop the hedging entry behind the seeds' first hedge; the report must name the score and the span."""
    lex = mediakit.load_lexicon("hedging")
    hedges = [row for aid in sorted(expected.spans) for row in expected.spans[aid] if row[2] == "hedge"]
    assert hedges, "the seeds have no hedge spans in tests/expected/"
    start, end, category, cue, rule = hedges[0]
    entries = [e for e in lex.entries if rule in (lex.entry_rule(e), e.pattern, f"hedging:{e.pattern}")]
    assert entries, f"no hedging entry produces the rule {rule!r}"
    entry = entries[0]

    text = resources.files("mediakit.lexicons").joinpath("hedging.tsv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    dropped = lines.pop(entry.line - 1)
    assert dropped.split("\t")[1].strip() == entry.pattern
    edited = tmp_path / "hedging.tsv"
    edited.write_text("".join(lines), encoding="utf-8")

    report = regen.check_expected(lexicons={"hedging": edited})
    text_report = "\n".join(report)
    assert report, "removing a lexicon entry went unnoticed"
    # the changed score is named, with its old and new value
    hedging_scores = [c.name for c in _scorer_of("hedging").COLUMNS]
    changed = [line for line in report if line.startswith("  seed-") and "->" in line]
    assert any(name in line for line in changed for name in hedging_scores), text_report
    line = next(line for line in changed if any(n in line for n in hedging_scores))
    old, new = (float(x) for x in line.split()[-3::2])
    assert old != new
    # the lost span is listed with its offsets, cue and rule
    assert any(line.startswith("spans removed") for line in report), text_report
    assert f"[{start}:{end}]" in text_report and repr(cue) in text_report and rule in text_report


def test_changed_entries_under_an_unchanged_version_are_reported(tmp_path, current):
    for name, text in regen.expected_files(current).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert regen.unbumped_lexicons(regen.load_expected(tmp_path)) == []
    vpath = tmp_path / regen.VERSIONS_FILE
    info = json.loads(vpath.read_text(encoding="utf-8"))
    name = sorted(info["lexicons"])[0]
    info["lexicons"][name]["entries_sha256"] = "0" * 64  # as if the stored entries had differed
    vpath.write_text(json.dumps(info), encoding="utf-8")
    report = regen.unbumped_lexicons(regen.load_expected(tmp_path))
    assert len(report) == 1 and f"lexicon {name}:" in report[0] and "bump" in report[0]
    # a new version number is the fix
    info["lexicons"][name]["version"] = "0.0.1"
    vpath.write_text(json.dumps(info), encoding="utf-8")
    assert regen.unbumped_lexicons(regen.load_expected(tmp_path)) == []


def test_regenerate_refuses_changed_entries_under_the_same_version(tmp_path, current, monkeypatch, capsys):
    for name, text in regen.expected_files(current).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    vpath = tmp_path / regen.VERSIONS_FILE
    info = json.loads(vpath.read_text(encoding="utf-8"))
    info["lexicons"]["hedging"]["entries_sha256"] = "0" * 64
    vpath.write_text(json.dumps(info), encoding="utf-8")
    before = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    monkeypatch.setattr(regen, "EXPECTED", tmp_path)
    assert regen.main(["--expected-only"]) == 1
    assert "lexicon hedging: entries changed but the version is still" in capsys.readouterr().err
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == before
    # accepted explicitly, the files are rewritten with the current fingerprint
    assert regen.main(["--expected-only", "--same-lexicon-versions"]) == 0
    assert regen.unbumped_lexicons(regen.load_expected(tmp_path)) == []


# --- the diff and the file format --------------------------------------------


def _snap(scores, spans, lexicons=None, claims=()):
    cols = list(next(iter(scores.values())))
    return regen.Snapshot({"mediakit": "1", "lexicons": lexicons or {"hedging": "1.0.0"}}, cols,
                          scores, spans, list(claims))


def test_diff_lists_changed_scores_with_old_and_new_values():
    old = _snap({"a": {"x": 1.0, "y": float("nan")}, "b": {"x": 2.0, "y": 0.5}}, {"a": [], "b": []})
    new = _snap({"a": {"x": 1.0, "y": float("nan")}, "b": {"x": 2.5, "y": 0.5}}, {"a": [], "b": []})
    report = regen.diff_snapshots(old, new)
    assert report[0] == "scores changed (1): article  score  expected -> now"
    assert report[1].split() == ["b", "x", "2.0", "->", "2.5"]
    assert len(report) == 2  # NaN == NaN is not a change


def test_diff_lists_added_and_removed_spans_and_versions():
    span = [3, 13, "hedge", "reportedly", "hedging:reportedly"]
    other = [20, 25, "quote", "“Hi.”", "rule:quote"]
    old = _snap({"a": {"x": 1.0}}, {"a": [span]})
    new = _snap({"a": {"x": 1.0}}, {"a": [other]}, lexicons={"hedging": "1.1.0"})
    report = regen.diff_snapshots(old, new)
    assert report[0] == "lexicon hedging version: 1.0.0 -> 1.1.0"
    assert report[1] == "spans removed (1):"
    assert report[2].split() == ["a", "[3:13]", "hedge", "'reportedly'", "(hedging:reportedly)"]
    assert report[3] == "spans added (1):"
    assert "'“Hi.”'" in report[4] and "(rule:quote)" in report[4]


def test_diff_matches_claims_by_place_and_names_changed_fields():
    claim = {"id": "a", "start": "10", "end": "15", "number": "3,000", "unit": "troops", "source": "South Korea"}
    moved = {**claim, "unit": "soldiers"}
    extra = {"id": "a", "start": "40", "end": "45", "number": "1,500", "unit": "troops", "source": ""}
    old = _snap({"a": {"x": 1.0}}, {"a": []}, claims=[claim])
    new = _snap({"a": {"x": 1.0}}, {"a": []}, claims=[moved, extra])
    report = regen.diff_snapshots(old, new)
    assert report[0] == "numeric claims changed (2): ~ changed, - removed, + added"
    assert report[1] == "  ~ a  [10:15]  unit: 'troops' -> 'soldiers'"
    assert report[2] == "  + a  [40:45]  number='1,500', unit='troops'"


def test_diff_clips_long_sections():
    old = _snap({f"a{i:03}": {"x": 0.0} for i in range(100)}, {})
    new = _snap({f"a{i:03}": {"x": 1.0} for i in range(100)}, {})
    report = regen.diff_snapshots(old, new)
    assert len(report) == 1 + regen.MAX_REPORT_LINES + 1
    assert report[-1] == f"  ... and {100 - regen.MAX_REPORT_LINES} more"


def test_expected_files_read_back_to_the_same_results(tmp_path, current):
    for name, text in regen.expected_files(current).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    back = regen.load_expected(tmp_path)
    assert regen.diff_snapshots(back, regen.comparable(current)) == []
    # and a score really is compared: change one value in the file
    lines = (tmp_path / regen.SCORES_FILE).read_text(encoding="utf-8").splitlines()
    aid, score, value = lines[1].split(",")
    lines[1] = f"{aid},{score},{float(value) + 1}"
    (tmp_path / regen.SCORES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = regen.diff_snapshots(regen.load_expected(tmp_path), regen.comparable(current))
    assert report[1].split() == [aid, score, repr(float(value) + 1), "->", value]


def test_scores_are_stored_rounded_without_negative_zero():
    assert regen.round_score(0.1234567891) == 0.123457
    assert repr(regen.round_score(-0.0000001)) == "0.0"
    assert math.isnan(regen.round_score(float("nan")))


# --- the committed notebooks --------------------------------------------------

NOTEBOOK_PATHS = regen.notebook_paths()


def test_there_are_four_numbered_notebooks():
    assert [p.name[:3] for p in NOTEBOOK_PATHS] == ["01-", "02-", "03-", "04-"]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.stem)
def test_notebook_is_stored_executed_and_reproducible(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    assert regen.notebook_problems(nb, path.name) == []
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count is not None for c in code), f"{path.name} is stored unexecuted"
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name} was not run top to bottom in one go"
    # every notebook states the versions it was run with, and they are the current ones
    shown = "".join(o.get("text", "") for c in code for o in c.outputs if o.output_type == "stream")
    for name, version in mediakit.versions().items():
        assert f"{name} {version}" in shown, f"{path.name} does not show {name} {version}"
