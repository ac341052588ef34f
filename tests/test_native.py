"""Compiled rule modules give the same results as their plain-Python source."""

from __future__ import annotations

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


def _run(args: list[str], pure: bool) -> str:
    env = {k: v for k, v in os.environ.items() if k != "MEDIAKIT_PURE_PYTHON"}
    if pure:
        env["MEDIAKIT_PURE_PYTHON"] = "1"
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _status(pure: bool) -> dict[str, bool]:
    code = "import json, mediakit._native as n; print(json.dumps(n.status()))"
    return json.loads(_run(["-c", code], pure))


def _fingerprints(pure: bool, path: Path) -> dict[str, str]:
    """scripts/fingerprint.py's digests of analyze() over the seeds, recombined articles and labelled test data."""
    _run(["scripts/fingerprint.py", "--save", str(path), "--bench", "50", "--wiki", "0"], pure)
    return json.loads(path.read_text(encoding="utf-8"))["digests"]


def test_pure_python_switch_loads_every_source():
    assert _status(pure=True) == {name: False for name in _native.compiled_names()}


@pytest.mark.skipif(not any(_native.status().values()), reason="mediakit is installed as plain Python here")
def test_compiled_and_pure_python_results_are_identical(tmp_path):
    status = _status(pure=False)
    assert status and all(status.values())
    compiled = _fingerprints(False, tmp_path / "compiled.json")
    pure = _fingerprints(True, tmp_path / "pure.json")
    assert len(compiled) > 500
    assert compiled == pure, [name for name in compiled if compiled[name] != pure.get(name)][:10]


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
