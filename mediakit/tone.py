"""Tone (opt-in): the article's sentiment, averaged over its sentences.

VADER (Hutto & Gilbert 2014, the ``vaderSentiment`` package, which ships
its lexicon and needs no download) gives each body sentence a *compound*
score between -1 (most negative) and +1 (most positive).

Scores
    ``tone``
        the mean compound score over the body's sentences.
    ``tone_spread``
        their population standard deviation: 0 when every sentence has the
        same tone, up to 1 when half are -1 and half +1.

    Both are ``NaN`` for a body without sentences.  ``details["sentences"]``
    lists every sentence's offsets and compound score, from which both
    scores can be recomputed.

Why sentences
    VADER's compound score normalises a sum of word valences as
    ``x / sqrt(x**2 + 15)``; over a whole article the sum grows with the
    length, so a long text scores near -1 or +1 whatever its balance
    (a 1,000-word report with a few more negative than positive words reads
    as "extremely negative").  Scoring sentence by sentence keeps each score
    on VADER's intended scale, and the mean then says how the article leans.

Cost
    VADER runs in pure Python at roughly 100 articles a second, ten times
    slower than the rest of mediakit together, so tone runs only when asked
    for: ``analyze(text, tone=True)`` or ``score(articles, tone=True)``.
    The analyser (which reads VADER's lexicon file) is created once per
    process, at the first score.
"""

from __future__ import annotations

import math
from typing import Any

from .core import ScoreInfo, ScorerResult
from .text import Document

NAME = "tone"
LEXICONS = ()

COLUMNS = (
    ScoreInfo("tone", "compound", -1.0, 1.0,
              "mean VADER compound sentiment of the body's sentences (-1 negative, +1 positive)"),
    ScoreInfo("tone_spread", "compound", 0.0, 1.0,
              "standard deviation of the sentences' compound sentiment (0: uniform tone)"),
)

_ANALYZER: Any = None


def analyzer():
    """The process's VADER ``SentimentIntensityAnalyzer``, created at first use."""
    global _ANALYZER
    if _ANALYZER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _ANALYZER = SentimentIntensityAnalyzer()
    return _ANALYZER


#: Longest piece of a sentence handed to VADER at once (characters).  VADER's
#: cost grows with the square of the words in one call, so a pathological
#: "sentence" of tens of thousands of words is scored in pieces of this size
#: (split at spaces) and their compound scores averaged.  Real sentences are
#: far shorter and go to VADER whole.
MAX_VADER_CHARS = 1000


def _compound(polarity, piece: str) -> float:
    if len(piece) <= MAX_VADER_CHARS:
        return polarity(piece)["compound"]
    parts, i, n = [], 0, len(piece)
    while i < n:
        j = i + MAX_VADER_CHARS
        if j < n:
            k = piece.rfind(" ", i + 1, j)
            j = k if k > i else j
        parts.append(piece[i:j])
        i = j
    return math.fsum(polarity(p)["compound"] for p in parts) / len(parts)


def score(doc: Document, lexicons: dict | None = None) -> ScorerResult:
    """Sentence-averaged VADER tone of the body."""
    polarity = analyzer().polarity_scores
    text = doc.text
    values = [_compound(polarity, text[s:e]) for s, e in doc.sentences]
    if values:
        mean = math.fsum(values) / len(values)
        spread = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))
    else:
        mean = spread = math.nan
    sentences = [{"start": s, "end": e, "compound": v} for (s, e), v in zip(doc.sentences, values)]
    return ScorerResult([], {"tone": mean, "tone_spread": spread}, {"sentences": sentences})
