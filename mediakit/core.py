"""The analysis pipeline: one article in, one :class:`~mediakit.types.Analysis` out.

Steps, in order:

1. the article is read (text, bytes, a path or an :class:`Article`);
2. :mod:`mediakit.boilerplate` separates the article body from page
   furniture (and, for HTML, extracts the visible text first);
3. the body is segmented once into sentences and words
   (:class:`mediakit.text.Document`), shared by every scorer;
4. each scorer adds its spans, scores and details.

A scorer is a module with ``NAME``, ``COLUMNS`` (a tuple of
:class:`ScoreInfo`), ``LEXICONS`` (the bundled lexicons it reads) and a
function ``score(doc, lexicons) -> ScorerResult``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Mapping, NamedTuple

from . import __version__
from .io import as_article
from .lexicon import Lexicon, load_lexicon
from .text import Document, nonblank_lines
from .types import Analysis, Article, Span


@dataclass(frozen=True)
class ScoreInfo:
    """Documentation of one score column: its unit and range."""

    name: str
    unit: str
    low: float
    high: float
    description: str


class ScorerResult(NamedTuple):
    spans: list[Span]
    scores: dict[str, float]
    details: dict[str, Any] = {}


#: Scorers run by default, in this order (their columns appear in this order).
DEFAULT_SCORERS = ("boilerplate", "readability", "hedging", "attribution", "framing")
#: Scorers that run only when asked for (``tone=True``).
OPTIONAL_SCORERS = ("tone",)

_MODULES: dict[str, Any] = {}


def scorer_module(name: str) -> Any:
    if name not in _MODULES:
        _MODULES[name] = importlib.import_module(f"mediakit.{name}")
    return _MODULES[name]


def active_scorers(tone: bool = False) -> tuple[str, ...]:
    return DEFAULT_SCORERS + (OPTIONAL_SCORERS if tone else ())


def score_columns(tone: bool = False) -> tuple[ScoreInfo, ...]:
    """Every score column, documented, in table order."""
    cols: list[ScoreInfo] = [
        ScoreInfo("words", "count", 0, float("inf"), "words in the article body"),
        ScoreInfo("sentences", "count", 0, float("inf"), "sentences in the article body"),
    ]
    for name in active_scorers(tone):
        cols.extend(scorer_module(name).COLUMNS)
    return tuple(cols)


def lexicon_versions(tone: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in active_scorers(tone):
        for lex in getattr(scorer_module(name), "LEXICONS", ()):
            out[lex] = load_lexicon(lex).version
    return dict(sorted(out.items()))


def _resolve_lexicons(names: tuple[str, ...], user: Mapping[str, Any] | None) -> dict[str, Lexicon]:
    out = {}
    for lex in names:
        given = (user or {}).get(lex)
        if given is None:
            out[lex] = load_lexicon(lex)
        elif isinstance(given, Lexicon):
            out[lex] = given
        else:
            out[lex] = load_lexicon(str(given) if not hasattr(given, "read_text") else given)
    return out


def analyze(
    text_or_article: Any,
    *,
    strip_boilerplate: bool = True,
    tone: bool = False,
    lexicons: Mapping[str, Any] | None = None,
) -> Analysis:
    """Analyse one article.

    ``text_or_article`` is article text, an :class:`Article`, bytes, or a
    :class:`pathlib.Path`.  With ``strip_boilerplate=True`` (the default)
    every score but the boilerplate ones is computed on the article body
    alone; the spans still point into the full text.  ``tone=True`` adds the
    (slower) sentence-averaged VADER tone.  ``lexicons`` maps a lexicon name
    (``"hedging"``, ``"attribution"``, ``"frames"``, ``"loaded"``) to a path
    or :class:`~mediakit.lexicon.Lexicon` that replaces the bundled one.
    """
    article = as_article(text_or_article)
    if lexicons:
        unknown = set(lexicons) - set(lexicon_versions(tone))
        if unknown:
            raise ValueError(f"unknown lexicon name(s): {', '.join(sorted(unknown))}")
    bp = scorer_module("boilerplate").extract(article.text, source=article.source)
    text = bp.text
    body = tuple(bp.body) if strip_boilerplate else tuple(nonblank_lines(text))
    doc = Document(text, body)
    spans: list[Span] = list(bp.spans)
    scores: dict[str, float] = {"words": float(doc.n_words), "sentences": float(doc.n_sentences)}
    scores.update(bp.scores)
    details: dict[str, Any] = {"boilerplate": bp.details}
    used: dict[str, str] = {}
    for name in active_scorers(tone):
        if name == "boilerplate":
            continue
        mod = scorer_module(name)
        lex = _resolve_lexicons(tuple(getattr(mod, "LEXICONS", ())), lexicons)
        for lname, lobj in lex.items():
            used[lname] = lobj.version
        result = mod.score(doc, lex)
        spans.extend(result.spans)
        scores.update(result.scores)
        if result.details:
            details[name] = result.details
    return Analysis(
        article=article,
        text=text,
        spans=tuple(spans),
        scores={k: float(v) for k, v in scores.items()},
        lexicons=dict(sorted(used.items())),
        details=details,
    )


def versions() -> dict[str, str]:
    """mediakit's version and the version of every bundled lexicon."""
    from .lexicon import bundled_lexicons

    return {"mediakit": __version__, **bundled_lexicons()}
