"""Placeholder: the attribution scorer arrives with its own issue."""

from __future__ import annotations

from .core import ScorerResult

NAME = "attribution"
COLUMNS = ()
LEXICONS = ()


def score(doc, lexicons):
    return ScorerResult([], {}, {})
