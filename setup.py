"""Build mediakit, compiling its busiest rule modules with mypyc when it can.

The modules in ``COMPILED`` are ordinary, type-checked Python.  mypyc turns them
into C extensions that run the same code faster (see ``mediakit/_native.py``).
Without a C compiler the extensions are skipped and mediakit installs as plain
Python; ``MEDIAKIT_PURE_PYTHON=1`` at install time skips them on purpose.
"""

import os
import sys

from setuptools import setup

COMPILED = [
    "mediakit/attribution.py",
    "mediakit/boilerplate.py",
    "mediakit/framing.py",
    "mediakit/hedging.py",
    "mediakit/numbers.py",
    "mediakit/quotes.py",
]


def _ext_modules() -> list:
    if os.environ.get("MEDIAKIT_PURE_PYTHON", "").strip().lower() in ("1", "true", "yes", "on"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("mediakit: mypyc is not available; installing plain Python", file=sys.stderr)
        return []
    modules = mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED], opt_level="3", group_name="mediakit._compiled")
    for ext in modules:
        ext.optional = True  # no C compiler: plain Python, same results
    return modules


setup(ext_modules=_ext_modules())
