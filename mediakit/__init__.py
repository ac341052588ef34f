"""mediakit: explainable, rule-based scores for news articles.

Every score comes with the spans that produced it: character offsets into
the original text, a category, the cue and the rule behind it.
"""

__version__ = "0.1.0"

from . import _native  # noqa: E402

_native.install()  # the plain-Python source wins when asked for, or when a compiled module is stale

from .core import ScoreInfo, analyze, score_columns, versions  # noqa: E402
from .frame import claims, compare, describe_comparison, evidence, score, sources  # noqa: E402
from .io import (  # noqa: E402
    DecodingWarning,
    FailedArticle,
    InputError,
    NotTextError,
    check_source,
    iter_articles,
    load_articles,
    load_seeds,
    read_article,
)
from .report import write_report  # noqa: E402
from .lexicon import Lexicon, LexiconError, load_lexicon  # noqa: E402
from .types import SPAN_CATEGORIES, Analysis, Article, Span  # noqa: E402

__all__ = [
    "__version__",
    "Analysis",
    "Article",
    "DecodingWarning",
    "FailedArticle",
    "InputError",
    "Lexicon",
    "LexiconError",
    "NotTextError",
    "SPAN_CATEGORIES",
    "ScoreInfo",
    "Span",
    "analyze",
    "check_source",
    "claims",
    "compare",
    "describe_comparison",
    "evidence",
    "iter_articles",
    "load_articles",
    "load_lexicon",
    "load_seeds",
    "read_article",
    "score",
    "score_columns",
    "sources",
    "versions",
    "write_report",
]
