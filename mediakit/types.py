"""The core value types of mediakit: articles, spans and analyses.

All three are frozen: an analysis is a record of what was found, not a
workspace.  Every span points into :attr:`Analysis.text`, and
``analysis.text[span.start:span.end] == span.cue`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from types import MappingProxyType
from typing import Any, Mapping

#: The span categories mediakit emits.  ``frame.<name>`` is a family: one
#: category per frame (``frame.conflict``, ``frame.diplomacy`` ...).
SPAN_CATEGORIES = (
    "boilerplate",
    "metadata",
    "hedge",
    "approximator",
    "booster",
    "dismissal",
    "attribution",
    "quote",
    "source",
    "unnamed_source",
    "frame.<name>",
    "loaded",
)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.

    ``text`` is exactly the text that was read (after decoding); mediakit never
    rewrites it, so offsets computed on it point into what the user gave.
    ``source`` is the file (or ``file:row``) it came from and ``encoding`` the
    encoding it was decoded with, when it was read from bytes.
    """

    id: str
    text: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    encoding: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Article.text must be str, not {type(self.text).__name__}")
        if not isinstance(self.id, str):
            object.__setattr__(self, "id", str(self.id))


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A stretch of the analysed text that contributed to a score.

    ``start``/``end`` are character offsets into the analysed text,
    ``category`` one of :data:`SPAN_CATEGORIES`, ``cue`` the matched text
    itself and ``rule`` the rule or lexicon entry that produced it.
    Spans sort by position, then category.
    """

    start: int
    end: int
    category: str
    cue: str
    rule: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "cue": self.cue,
            "rule": self.rule,
        }


def _span_init_through_slots() -> None:
    """Give :class:`Span` an ``__init__`` that fills its slots through their descriptors.

    A frozen dataclass's own ``__init__`` sets each field by name with
    ``object.__setattr__``; calling the slot descriptors directly does the same
    work in about half the time, which counts at a hundred spans per article.
    The instances stay frozen: ``FrozenInstanceError`` on any later assignment."""
    set_start, set_end, set_category, set_cue, set_rule = (
        Span.__dict__[name].__set__ for name in ("start", "end", "category", "cue", "rule")
    )

    def __init__(self: Span, start: int, end: int, category: str, cue: str, rule: str) -> None:
        set_start(self, start)
        set_end(self, end)
        set_category(self, category)
        set_cue(self, cue)
        set_rule(self, rule)

    __init__.__qualname__ = "Span.__init__"
    Span.__init__ = __init__  # type: ignore[method-assign]


_span_init_through_slots()

#: Span order (the dataclass field order), as a C-level key: faster than comparing Span objects.
_SPAN_ORDER = attrgetter("start", "end", "category", "cue", "rule")


def _freeze(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Analysis:
    """The result of :func:`mediakit.analyze` for one article.

    ``text`` is the text the spans point into: the article's text for plain
    text, or the page's visible text when the input was HTML.  ``scores``
    maps score names to floats (``nan`` where a score is undefined, such as
    a rate on an empty body).  ``details`` holds structured evidence that is
    not a span: the boilerplate line decisions, the sources and their counts,
    the numeric claims.  ``lexicons`` maps each lexicon used to its version.
    """

    article: Article
    text: str
    spans: tuple[Span, ...]
    scores: Mapping[str, float]
    lexicons: Mapping[str, str] = field(default_factory=dict)
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "spans", tuple(sorted(self.spans, key=_SPAN_ORDER)))
        object.__setattr__(self, "scores", _freeze(self.scores))
        object.__setattr__(self, "lexicons", _freeze(self.lexicons))
        object.__setattr__(self, "details", _freeze(self.details))

    def __repr__(self) -> str:
        return (f"<Analysis {self.article.id!r}: {len(self.text)} characters, "
                f"{len(self.spans)} spans, {len(self.scores)} scores>")

    @property
    def id(self) -> str:
        return self.article.id

    def spans_of(self, category: str) -> tuple[Span, ...]:
        """The spans of one category; ``"frame"`` selects every ``frame.*``."""
        if category == "frame":
            return tuple(s for s in self.spans if s.category.startswith("frame."))
        return tuple(s for s in self.spans if s.category == category)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view: text length, scores and spans."""
        return {
            "id": self.article.id,
            "text_length": len(self.text),
            "scores": {k: _json_float(v) for k, v in self.scores.items()},
            "lexicons": dict(self.lexicons),
            "spans": [s.as_dict() for s in self.spans],
        }

    def _repr_html_(self) -> str:  # pragma: no cover - exercised via display tests
        from .display import render_html

        return render_html(self)

    def to_html(self, path: str | None = None) -> str:
        """The highlighted article as a standalone HTML page; written to ``path`` if given."""
        from .display import render_page

        page = render_page(self)
        if path is not None:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(page)
        return page


def _json_float(value: Any) -> Any:
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value
