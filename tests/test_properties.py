"""Property tests over arbitrary Unicode: analysis never raises and its invariants always hold.

The hypothesis profile (``tests/conftest.py``) is derandomised and keeps no
example database, so every run tries the same examples.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import mediakit
from mediakit.io import _as_path, _looks_like_path

from .conftest import REPO

COLUMNS = {c.name: c for c in mediakit.score_columns()}
TONE_COLUMNS = {c.name: c for c in mediakit.score_columns(tone=True)}


def _seed_sentences() -> list[str]:
    from mediakit.text import sentences

    out = []
    for art in mediakit.load_seeds():
        out += [art.text[s:e] for s, e in sentences(art.text)]
    return sorted(set(out))


SEED_SENTENCES = _seed_sentences()
# Pieces that make scorers fire, and pieces that make segmenters stumble.
CUES = [
    "reportedly", "allegedly", "may", "could", "about 3,000", "up to 2,100", "confirmed", "clearly",
    "denied", "groundless rumors", "said", "told Reuters", "according to officials", "a source said",
    "U.S.", "U.N.", "Dr.", "Gen.", "Kim Jong Un", "“", "”", '"', "'", "’", "«", "»", "(", ")", "...", "…",
    "!", "?", "—", "–", "-", ",", ";", ":", "3.5%", "1,500", "Jan. 5", "e.g.", "😀", "\u200b", "\u00ad",
    "\ufeff", "\x00", "<p>", "</p>", "&amp;", "Войска", "部队", "ثم", "\t", " ", "  ", "\n", "\r\n", "\r",
    "\n\n", "\u2028", "\x0c", "\x85",
]

# Arbitrary Unicode (every category Python can hold in a str but lone surrogates, which are not
# Unicode text and are replaced on input) mixed with news-like material.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
news_text = st.lists(
    st.one_of(st.sampled_from(SEED_SENTENCES), st.sampled_from(CUES), any_text.map(lambda s: s[:40])),
    max_size=40,
).map(" ".join)
texts = st.one_of(any_text, news_text)
# Padding: whitespace and blank lines before and after the text.
padding = st.lists(st.sampled_from([" ", "\t", "\n", "\r\n", "\r", "\n\n", "\u00a0"]), max_size=6).map("".join)


def is_text(s: str) -> bool:
    """Whether ``analyze(s)`` takes ``s`` as text: a one-line string naming an existing file or
    folder (``"/"``, ``"."``) is read as a path, and ``"x.csv"`` naming none is a missing file
    (docs/robustness.md)."""
    return _as_path(s) is None and not _looks_like_path(s)


def _same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


def check(an, columns=COLUMNS) -> None:
    text = an.text
    spans = list(an.spans)
    assert spans == sorted(spans)
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start:s.end] == s.cue, s
        assert s.category in mediakit.SPAN_CATEGORIES or s.category.startswith("frame."), s
    assert set(columns) <= set(an.scores), set(columns) - set(an.scores)
    for name, info in columns.items():
        v = an.scores[name]
        assert isinstance(v, float), name
        assert math.isnan(v) or info.low <= v <= info.high, (name, v, info.low, info.high)


def test_strings_naming_paths_are_excluded_only_when_they_do_name_one():
    assert not is_text("/") and not is_text(".") and not is_text("missing-file.csv")
    assert is_text("Troops arrived.") and is_text("/nonexistent/dir") and is_text("a\n/")


@given(texts)
def test_analysis_never_raises_and_keeps_its_invariants(text):
    assume(is_text(text))
    an = mediakit.analyze(text)
    check(an)
    if "<" not in text:  # only text that may be HTML is replaced by its visible text
        assert an.text == text


@settings(max_examples=60)
@given(texts)
def test_invariants_hold_with_tone_and_without_boilerplate_removal(text):
    assume(is_text(text))
    check(mediakit.analyze(text, tone=True), TONE_COLUMNS)
    check(mediakit.analyze(text, strip_boilerplate=False))


@given(texts, padding, padding)
def test_padding_with_whitespace_changes_no_score(text, before, after):
    assume(is_text(text) and is_text(before + text + after))
    plain = mediakit.analyze(text)
    padded = mediakit.analyze(before + text + after)
    assert plain.scores.keys() == padded.scores.keys()
    diff = {k: (plain.scores[k], padded.scores[k]) for k in plain.scores if not _same(plain.scores[k], padded.scores[k])}
    assert diff == {}
    if plain.text == text and padded.text == before + text + after:
        # the same findings, shifted by the padding
        shift = len(before)
        assert [(s.start + shift, s.end + shift, s.category, s.cue, s.rule) for s in plain.spans] == [
            (s.start, s.end, s.category, s.cue, s.rule) for s in padded.spans
        ]


@settings(max_examples=50)
@given(texts)
def test_results_are_identical_across_runs(text):
    assume(is_text(text))
    a = mediakit.analyze(text).to_dict()
    b = mediakit.analyze(text).to_dict()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


@settings(max_examples=30)
@given(st.lists(texts, max_size=8))
def test_a_batch_has_one_row_per_text_with_the_scores_of_analyze(batch):
    assume(all(is_text(t) for t in batch))
    df = mediakit.score(batch, progress=False)
    assert list(df.index) == [str(i) for i in range(len(batch))]
    for i, text in enumerate(batch):
        scores = mediakit.analyze(text).scores
        assert all(_same(float(df.iloc[i][k]), v) for k, v in scores.items() if k in df.columns)


DETERMINISM_SCRIPT = textwrap.dedent(
    """
    import hashlib, json, sys
    sys.path.insert(0, sys.argv[1])
    import mediakit
    from tests.conftest import adversarial_inputs
    texts = [a.text for a in mediakit.load_seeds()]
    texts += [t[:3000] for t in adversarial_inputs().values()]
    texts += ["Officials reportedly said “about 3,000 troops” may stay.\\r\\nThe U.S. denied it."]
    h = hashlib.sha256()
    for t in texts:
        h.update(json.dumps(mediakit.analyze(t, tone=True).to_dict(), sort_keys=True).encode())
    h.update(mediakit.score(mediakit.load_seeds()).to_csv().encode())
    print(h.hexdigest())
    """
)


def test_results_are_identical_across_processes_and_hash_seeds():
    digests = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", DETERMINISM_SCRIPT, str(REPO)], capture_output=True,
                              text=True, env=env, cwd=REPO, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
        digests.add(proc.stdout.strip())
    assert len(digests) == 1
