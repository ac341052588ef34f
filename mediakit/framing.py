"""Placeholder: the framing scorer arrives with its own issue."""

from __future__ import annotations

from .core import ScorerResult

NAME = "framing"
COLUMNS = ()
LEXICONS = ()


def score(doc, lexicons):
    return ScorerResult([], {}, {})
