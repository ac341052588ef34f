"""Readability: textstat's syllables, the published Flesch formulas on mediakit's counts, and no network."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
import textstat
import textstat.backend.metrics._flesch_kincaid_grade as fkgl_module
import textstat.backend.metrics._flesch_reading_ease as fre_module

import mediakit
from mediakit import readability
from mediakit.text import Document

ROOT = Path(__file__).resolve().parent.parent


def doc_of(text: str) -> Document:
    return Document.from_text(text)


def test_syllable_counts_equal_textstats_for_every_seed_word():
    words = set()
    for article in mediakit.load_seeds():
        doc = doc_of(article.text)
        words.update(article.text[s:e].lower() for s, e in doc.words)
    words.update(["kyiv’s", "second-largest", "u.s", "3.5", "000", "don't", "pyongyang", "zelenskyy", "atacms"])
    assert len(words) > 1000
    different = {w: (readability.syllables(w), textstat.syllable_count(w)) for w in sorted(words)
                 if readability.syllables(w) != textstat.syllable_count(w)}
    assert different == {}


def test_tokens_longer_than_any_word_count_vowel_groups():
    assert readability.syllables("pneumonoultramicroscopicsilicovolcanoconiosis") == textstat.syllable_count(
        "pneumonoultramicroscopicsilicovolcanoconiosis")
    assert readability.syllables("1." * 100_000 + "5") == 1
    assert readability.syllables("ab" * 30) == 30


def test_syllables_are_cached_in_a_bounded_cache():
    info = readability.syllables.cache_info()
    assert info.maxsize == readability.SYLLABLE_CACHE_SIZE < 10**7
    readability.syllables("escalation")
    before = readability.syllables.cache_info().hits
    assert readability.syllables("escalation") == 4
    assert readability.syllables.cache_info().hits == before + 1


@pytest.mark.parametrize("words,sentences,syllables", [(100, 5, 150), (792, 36, 1579), (7, 1, 7), (30, 4, 61)])
def test_the_formulas_equal_textstats_given_the_same_counts(monkeypatch, words, sentences, syllables):
    # textstat's formulas read words per sentence and syllables per word from
    # two helpers; hand both of them mediakit's counts.
    for module in (fre_module, fkgl_module):
        monkeypatch.setattr(module, "words_per_sentence", lambda text: words / sentences)
        monkeypatch.setattr(module, "syllables_per_word", lambda text, lang: syllables / words)
    key = f"counts {words} {sentences} {syllables}"  # textstat caches on the text: make it unique
    assert readability.flesch_reading_ease(words, sentences, syllables) == pytest.approx(
        fre_module.flesch_reading_ease.__wrapped__(key, "en_US"), abs=1e-9)
    assert readability.flesch_kincaid_grade(words, sentences, syllables) == pytest.approx(
        fkgl_module.flesch_kincaid_grade.__wrapped__(key, "en_US"), abs=1e-9)


def test_scores_equal_textstat_on_a_text_both_count_alike():
    text = "The cat sat on the mat. The dog ran to the big red barn and hid."
    doc = doc_of(text)
    assert (doc.n_words, doc.n_sentences) == (textstat.lexicon_count(text), textstat.sentence_count(text)) == (16, 2)
    r = readability.score(doc, {})
    assert r.details["syllables"] == textstat.syllable_count(text)
    assert r.scores["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(text), abs=0.01)
    assert r.scores["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.01)
    assert r.scores["avg_sentence_length"] == 8.0


def test_short_plain_sentences_read_easier_than_long_latinate_ones():
    easy = readability.score(doc_of("We ran. The sun was hot. We sat in the shade and drank cold tea."), {})
    hard = readability.score(doc_of(
        "The comprehensive strategic partnership treaty formalizes mutual military assistance, "
        "necessitating vigilant international observation of considerable geopolitical ramifications."), {})
    assert easy.scores["flesch_reading_ease"] > 90 > 0 > hard.scores["flesch_reading_ease"]
    assert easy.scores["flesch_kincaid_grade"] < 3 < 20 < hard.scores["flesch_kincaid_grade"]
    assert easy.scores["avg_sentence_length"] < hard.scores["avg_sentence_length"]


def test_each_score_is_recomputed_from_the_counts_on_the_seeds():
    for article in mediakit.load_seeds():
        a = mediakit.analyze(article)
        w, s, y = a.scores["words"], a.scores["sentences"], a.details["readability"]["syllables"]
        assert a.scores["avg_sentence_length"] == pytest.approx(w / s)
        assert a.scores["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * w / s - 84.6 * y / w)
        assert a.scores["flesch_kincaid_grade"] == pytest.approx(0.39 * w / s + 11.8 * y / w - 15.59)
        # news prose: long sentences, difficult by Flesch's scale
        assert 10 < a.scores["avg_sentence_length"] < 35
        assert -10 < a.scores["flesch_reading_ease"] < 50


def test_every_column_is_present_and_nan_without_words():
    r = readability.score(Document("", ()), {})
    assert set(r.scores) == {c.name for c in readability.COLUMNS}
    assert all(math.isnan(v) for v in r.scores.values())
    assert r.details == {"syllables": 0}
    r = readability.score(doc_of("— —"), {})  # a sentence without words
    assert r.scores["avg_sentence_length"] == 0.0 and math.isnan(r.scores["flesch_reading_ease"])


def test_the_pipeline_does_not_duplicate_words_and_sentences():
    names = [c.name for c in mediakit.score_columns()]
    assert names.count("words") == names.count("sentences") == 1
    assert {"avg_sentence_length", "flesch_reading_ease", "flesch_kincaid_grade"} <= set(names)


def test_readability_runs_with_the_network_blocked_on_fresh_caches(no_network, monkeypatch):
    import textstat.backend.counts._count_syllables as count_module
    import textstat.backend.utils._get_cmudict as cmudict_module

    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    try:
        import nltk
    except ImportError:  # pragma: no cover - nltk is installed in the test environment
        pass
    else:
        monkeypatch.setattr(nltk, "download", no_download)
    readability.syllables.cache_clear()
    cmudict_module.get_cmudict.cache_clear()
    count_module.count_syllables.cache_clear()
    monkeypatch.setattr(readability, "_textstat", None)
    seed = mediakit.load_seeds()[1]
    doc = doc_of(seed.text)
    r = readability.score(doc, {})
    assert all(math.isfinite(v) for v in r.scores.values())
    distinct = {seed.text[s:e].lower() for s, e in doc.words}
    assert readability.syllables.cache_info().misses == len(distinct)  # every word was counted afresh
    assert no_network == []


NO_NETWORK_SCRIPT = r"""
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network access attempted")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import mediakit
from mediakit import readability
article = mediakit.load_seeds()[0]
analysis = mediakit.analyze(article)
print(json.dumps({
    "scores": {k: analysis.scores[k] for k in ("avg_sentence_length", "flesch_reading_ease", "flesch_kincaid_grade")},
    "misses": readability.syllables.cache_info().misses,
    "nltk_data_loaded": any(m.startswith("nltk.corpus") for m in sys.modules),
}))
"""


def test_readability_in_a_fresh_process_without_network():
    out = subprocess.run([sys.executable, "-c", NO_NETWORK_SCRIPT], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["misses"] > 300 and not got["nltk_data_loaded"]
    here = mediakit.analyze(mediakit.load_seeds()[0]).scores
    for name, value in got["scores"].items():
        assert value == pytest.approx(here[name])
