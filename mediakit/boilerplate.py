"""Placeholder: the boilerplate classifier arrives with its own issue."""

from __future__ import annotations

from typing import Any, NamedTuple

from .core import ScoreInfo
from .text import Segment, nonblank_lines
from .types import Span

NAME = "boilerplate"
COLUMNS = (
    ScoreInfo("boilerplate_share", "share", 0.0, 1.0, "boilerplate characters / all non-blank characters"),
    ScoreInfo("boilerplate_lines", "count", 0, float("inf"), "lines classified as boilerplate"),
)
LEXICONS = ()


class BoilerplateResult(NamedTuple):
    text: str
    body: tuple[Segment, ...]
    spans: list[Span]
    scores: dict[str, float]
    details: dict[str, Any]


def extract(text: str, *, source: str | None = None) -> BoilerplateResult:
    body = tuple(nonblank_lines(text))
    return BoilerplateResult(text, body, [], {"boilerplate_share": 0.0, "boilerplate_lines": 0.0}, {})
