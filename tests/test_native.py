"""Compiled rule modules give the same results as their plain-Python source."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import mediakit
from mediakit import _native

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# Writes, as JSON, every result of analyze() on the seeds and on the labelled sentences
# (alone and as running paragraphs), plus which modules are compiled.
_PROBE = r"""
import csv, json, sys
from pathlib import Path
import mediakit
from mediakit import _native
data = Path(sys.argv[1])
texts = [a.text for a in mediakit.load_seeds()]
for path in sorted(data.glob("*/*.tsv")):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r["text"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r.get("text")]
    texts += rows
    texts += [" ".join(rows[i:i + 8]) for i in range(0, len(rows), 8)]
texts += sorted(p.read_text(encoding="utf-8") for p in (data / "boilerplate").glob("*.txt"))[:20]
out = {"status": _native.status(), "results": [mediakit.analyze(t).to_dict() for t in texts]}
json.dump(out, sys.stdout, sort_keys=True, default=repr)
"""


def _probe(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "MEDIAKIT_PURE_PYTHON"}
    if pure:
        env["MEDIAKIT_PURE_PYTHON"] = "1"
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(DATA)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_pure_python_switch_loads_every_source():
    probe = _probe(pure=True)
    assert probe["status"] == {name: False for name in _native.compiled_names()}


@pytest.mark.skipif(not any(_native.status().values()), reason="mediakit is installed as plain Python here")
def test_compiled_and_pure_python_results_are_identical():
    compiled, pure = _probe(pure=False), _probe(pure=True)
    assert compiled["status"] and all(compiled["status"].values())
    assert len(compiled["results"]) == len(pure["results"]) > 500
    for a, b in zip(compiled["results"], pure["results"]):
        assert a == b


@pytest.mark.skipif(os.environ.get("MEDIAKIT_REQUIRE_COMPILED") != "1", reason="set MEDIAKIT_REQUIRE_COMPILED=1 to require it")
def test_the_build_compiled_the_rule_modules():
    listed = set(re.findall(r'"mediakit/(\w+)\.py"', (ROOT / "setup.py").read_text(encoding="utf-8")))
    status = _native.status()
    assert len(listed) >= 6 and set(status) == listed
    assert all(status.values()), status


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("true", True), (" ON ", True), ("0", False), ("", False)])
def test_pure_python_request_values(monkeypatch, value, expected):
    monkeypatch.setenv("MEDIAKIT_PURE_PYTHON", value)
    assert _native.pure_python_requested() is expected


def test_a_source_edited_after_the_build_is_stale(tmp_path):
    source, extension = tmp_path / "m.py", tmp_path / "m.so"
    source.write_text("x = 1\n")
    extension.write_bytes(b"")
    now = time.time()
    os.utime(extension, (now, now))
    os.utime(source, (now + 1, now + 1))  # written together by an installer
    assert not _native._stale(source, extension)
    os.utime(source, (now + 60, now + 60))  # edited a minute later
    assert _native._stale(source, extension)


def test_compiled_names_lists_only_modules_with_a_source():
    names = _native.compiled_names()
    assert all((Path(mediakit.__file__).parent / f"{n}.py").is_file() for n in names)
    assert "_native" not in names and "__init__" not in names


def test_a_stale_build_gives_way_to_the_sources_with_a_warning(monkeypatch):
    monkeypatch.delenv("MEDIAKIT_PURE_PYTHON", raising=False)
    monkeypatch.setattr(_native, "_decision", [])
    monkeypatch.setattr(_native, "stale_names", lambda: ("quotes",))
    with pytest.warns(_native.StaleBuildWarning, match="quotes"):
        assert _native.use_sources() is True
    monkeypatch.setattr(_native, "_decision", [])
    monkeypatch.setattr(_native, "stale_names", lambda: ())
    assert _native.use_sources() is False
