"""Compiled rule engines, and the switch back to plain Python.

When a C compiler is available, installing mediakit compiles its busiest rule
modules (listed in ``setup.py``) with mypyc.  The compiled modules run the very
same source, about one and a half times faster, and give the same output byte
for byte (``tests/test_native.py`` compares them on every test run).  Compiled
modules keep no docstrings: read them in the source, or use the switch below.

The plain-Python module is imported instead of the compiled one when

* the environment variable ``MEDIAKIT_PURE_PYTHON`` is ``1`` (to debug or profile
  the rules line by line), or
* a source file is newer than its compiled module: an edited source after an
  editable install (``pip install -e .``).  A :class:`StaleBuildWarning` says so;
  rebuild with ``pip install -e .`` to compile the edit.  The compiled modules
  import one another, so all of them give way to their sources together.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent

#: Seconds a source file may be newer than its compiled module before the build
#: counts as stale (installers write both files at about the same moment).
STALE_AFTER_SECONDS = 10.0

_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


class StaleBuildWarning(UserWarning):
    """A compiled module is older than its source; the source is used instead."""


def pure_python_requested() -> bool:
    """Whether ``MEDIAKIT_PURE_PYTHON`` asks for the plain-Python modules."""
    return os.environ.get("MEDIAKIT_PURE_PYTHON", "").strip().lower() in ("1", "true", "yes", "on")


def _extension(name: str) -> Path | None:
    for suffix in _SUFFIXES:
        path = PACKAGE_DIR / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def compiled_names() -> tuple[str, ...]:
    """Submodules of mediakit that have a compiled build next to their source, sorted."""
    out = []
    for path in PACKAGE_DIR.iterdir():
        for suffix in _SUFFIXES:
            if path.name.endswith(suffix):
                name = path.name[: -len(suffix)]
                if (PACKAGE_DIR / f"{name}.py").is_file():
                    out.append(name)
                break
    return tuple(sorted(out))


def _stale(source: Path, extension: Path) -> bool:
    return source.stat().st_mtime > extension.stat().st_mtime + STALE_AFTER_SECONDS


def _newest_extension() -> Path | None:
    """The most recently built extension file of the package.

    The compiled modules keep their code in one shared library and each module
    file is a small shim that a rebuild may leave untouched, so the build's time
    is that of its newest file."""
    newest: tuple[float, str] | None = None
    for path in PACKAGE_DIR.iterdir():
        if path.name.endswith(_SUFFIXES):
            key = (path.stat().st_mtime, path.name)
            newest = key if newest is None or key > newest else newest
    return PACKAGE_DIR / newest[1] if newest is not None else None


def stale_names() -> tuple[str, ...]:
    """Compiled modules whose source was edited after the build, sorted."""
    built = _newest_extension()
    if built is None:
        return ()
    return tuple(name for name in compiled_names() if _stale(PACKAGE_DIR / f"{name}.py", built))


_decision: list[bool] = []  # [use the sources], decided once per process


def use_sources() -> bool:
    """Whether every compiled module is replaced by its source in this process.

    The compiled modules are built together and import one another, so they are
    used together or not at all."""
    if not _decision:
        stale = () if pure_python_requested() else stale_names()
        if stale:
            warnings.warn(
                f"mediakit: {', '.join(stale)}: the source is newer than the compiled module, so the plain-Python "
                "sources are used; run `pip install -e .` again to compile the edit",
                StaleBuildWarning,
                stacklevel=3,
            )
        _decision.append(pure_python_requested() or bool(stale))
    return _decision[0]


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds the ``.py`` source of a compiled submodule when the sources must win."""

    def find_spec(self, fullname: str, path=None, target: ModuleType | None = None):  # noqa: ANN001
        prefix, _, name = fullname.rpartition(".")
        if prefix != __package__ or not name:
            return None
        source = PACKAGE_DIR / f"{name}.py"
        if _extension(name) is None or not source.is_file() or not use_sources():
            return None  # the default finders load the compiled module, or the only source
        return importlib.util.spec_from_file_location(fullname, source)


def install() -> None:
    """Put the source-first finder ahead of the default ones (once)."""
    if not any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFirst())


def status() -> dict[str, bool]:
    """For every module with a compiled build: whether the compiled build is the one in use."""
    out = {}
    for name in compiled_names():
        module = sys.modules.get(f"{__package__}.{name}")
        if module is None:
            module = importlib.import_module(f"{__package__}.{name}")
        out[name] = not str(getattr(module, "__file__", "")).endswith(".py")
    return out
