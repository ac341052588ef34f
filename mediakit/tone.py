"""Placeholder: the tone scorer arrives with its own issue."""

from __future__ import annotations

from .core import ScorerResult

NAME = "tone"
COLUMNS = ()
LEXICONS = ()


def score(doc, lexicons):
    return ScorerResult([], {}, {})
