"""Tone: sentence-averaged VADER sentiment, opt-in, offline, without whole-text saturation."""

from __future__ import annotations

import math

import pytest
import vaderSentiment.vaderSentiment as vader

import mediakit
from mediakit import tone
from mediakit.text import Document

POSITIVE = "The talks were a great success and everyone was happy."
NEGATIVE = "The attack was a terrible disaster and many people were hurt."


def tone_of(text: str):
    return tone.score(Document.from_text(text), {})


def test_a_negative_passage_scores_below_a_positive_one():
    good = tone_of("Aid arrived and families celebrated. The ceasefire brought welcome relief and hope.")
    bad = tone_of("Shelling killed dozens. Survivors described horror, grief and fear.")
    assert bad.scores["tone"] < -0.5 < 0.5 < good.scores["tone"]
    assert tone_of("The meeting is on Tuesday. It starts at ten.").scores["tone"] == 0.0


def test_a_long_mixed_text_does_not_saturate():
    text = " ".join([POSITIVE] * 10 + [NEGATIVE] * 12)
    whole = vader.SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    r = tone_of(text)
    assert abs(whole) > 0.95  # VADER on the whole text: "extremely negative"
    assert -0.3 < r.scores["tone"] < 0  # the sentences: slightly more negative than positive
    assert r.scores["tone_spread"] > 0.8  # and sharply divided


def test_the_seeds_lean_mildly_where_the_whole_text_score_is_extreme():
    analyser = vader.SentimentIntensityAnalyzer()
    for article in mediakit.load_seeds():
        r = tone_of(article.text)
        assert -0.3 < r.scores["tone"] < 0.3, article.id
        assert 0.1 < r.scores["tone_spread"] < 0.6, article.id
    seed_002 = mediakit.load_seeds()[2].text
    assert analyser.polarity_scores(seed_002)["compound"] > 0.95
    assert tone_of(seed_002).scores["tone"] < 0.2


def test_tone_and_spread_are_recomputed_from_the_sentence_scores():
    doc = Document.from_text(" ".join([POSITIVE, NEGATIVE, "It rained.", POSITIVE]))
    r = tone.score(doc, {})
    rows = r.details["sentences"]
    assert [(d["start"], d["end"]) for d in rows] == list(doc.sentences) and len(rows) == 4
    values = [d["compound"] for d in rows]
    analyser = vader.SentimentIntensityAnalyzer()
    assert values == [analyser.polarity_scores(doc.text[s:e])["compound"] for s, e in doc.sentences]
    mean = sum(values) / 4
    assert r.scores["tone"] == pytest.approx(mean)
    assert r.scores["tone_spread"] == pytest.approx(math.sqrt(sum((v - mean) ** 2 for v in values) / 4))


def test_ranges_and_an_empty_body():
    r = tone_of(" ".join([NEGATIVE] * 5))
    assert r.scores["tone_spread"] == pytest.approx(0.0)
    assert -1 <= r.scores["tone"] <= 1
    r = tone.score(Document("", ()), {})
    assert set(r.scores) == {c.name for c in tone.COLUMNS} == {"tone", "tone_spread"}
    assert all(math.isnan(v) for v in r.scores.values()) and r.details == {"sentences": []}


def test_only_body_sentences_are_scored():
    text = "Horrible terrible awful disaster!\nThe talks were a great success."
    doc = Document(text, (Document.from_text(text).body[1],))
    assert tone.score(doc, {}).scores["tone"] > 0.5


def test_the_analyser_is_created_once_per_process(monkeypatch):
    made = []

    class Counting(vader.SentimentIntensityAnalyzer):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(vader, "SentimentIntensityAnalyzer", Counting)
    monkeypatch.setattr(tone, "_ANALYZER", None)
    for _ in range(3):
        tone_of(POSITIVE)
    assert len(made) == 1 and tone.analyzer() is tone.analyzer()


def test_tone_is_opt_in():
    plain = mediakit.analyze(POSITIVE)
    assert "tone" not in plain.scores
    with_tone = mediakit.analyze(POSITIVE, tone=True)
    assert with_tone.scores["tone"] == pytest.approx(0.91, abs=0.01)
    assert "tone" in [c.name for c in mediakit.score_columns(tone=True)]
    assert "tone" not in [c.name for c in mediakit.score_columns()]


def test_tone_needs_no_network(no_network, monkeypatch):
    monkeypatch.setattr(tone, "_ANALYZER", None)
    assert tone_of(NEGATIVE).scores["tone"] < -0.5
    assert no_network == []


def test_a_pathological_sentence_goes_to_vader_in_pieces():
    from mediakit import tone as tone_mod

    calls = []

    def polarity(piece):
        calls.append(len(piece))
        return {"compound": 0.5}

    long_sentence = " ".join(["good"] * 5000)
    assert tone_mod._compound(polarity, long_sentence) == 0.5
    assert len(calls) > 1 and max(calls) <= tone_mod.MAX_VADER_CHARS
    calls.clear()
    assert tone_mod._compound(polarity, "A short sentence.") == 0.5 and calls == [17]
