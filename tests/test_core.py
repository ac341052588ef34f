"""analyze() and score(): the public entry points and their invariants."""

import math

import pandas as pd
import pytest

import mediakit
from mediakit.types import Analysis, Article, Span


@pytest.fixture(scope="module")
def seeds():
    return mediakit.load_seeds()


def test_load_seeds_reads_the_manifest(seeds):
    assert [a.id for a in seeds] == ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]
    assert [a.outlet for a in seeds] == ["outlet A", "outlet B", "outlet C", "outlet A", "outlet D"]
    assert seeds[0].published == "2024-11-24" and seeds[1].published is None
    assert seeds[2].title.startswith("North Korea Sending Troops")
    assert all(a.encoding == "utf-8" for a in seeds)


def test_seed_files_are_verbatim_copies(seeds):
    from mediakit.io import seeds_path
    for a in seeds:
        assert (seeds_path() / a.source.split("/")[-1]).read_bytes().decode("utf-8") == a.text


def test_spans_point_into_the_text_on_every_seed(seeds):
    for art in seeds:
        an = mediakit.analyze(art)
        assert an.text == art.text
        assert list(an.spans) == sorted(an.spans)
        for s in an.spans:
            assert an.text[s.start:s.end] == s.cue, (art.id, s)
            assert s.category in mediakit.SPAN_CATEGORIES or s.category.startswith("frame.")


def test_analyze_accepts_text_and_article_alike():
    text = "Officials said troops had arrived. They may stay."
    a, b = mediakit.analyze(text), mediakit.analyze(Article(id="x", text=text))
    assert a.spans == b.spans and a.to_dict()["scores"] == b.to_dict()["scores"]  # NaN as None: comparable


def test_analysis_is_frozen():
    an = mediakit.analyze("Troops arrived.")
    with pytest.raises(Exception):
        an.scores["words"] = 3.0
    with pytest.raises(Exception):
        an.text = "other"


def test_every_documented_column_is_scored(seeds):
    names = [c.name for c in mediakit.score_columns()]
    an = mediakit.analyze(seeds[0])
    assert set(names) <= set(an.scores)
    for c in mediakit.score_columns():
        v = an.scores[c.name]
        assert math.isnan(v) or c.low <= v <= c.high, (c.name, v)


def test_score_table_shape_and_attrs(seeds):
    df = mediakit.score(seeds)
    assert isinstance(df, pd.DataFrame)
    assert list(df.index) == [a.id for a in seeds]
    assert list(df.columns[:3]) == ["outlet", "published", "title"] and df.columns[-1] == "error"
    assert df["error"].isna().all()
    assert df.attrs["mediakit_version"] == mediakit.__version__
    assert df.loc["seed-004", "words"] == mediakit.analyze(seeds[4]).scores["words"]


def test_score_keeps_failed_inputs_as_rows(tmp_path):
    good = Article(id="good", text="Troops arrived on Monday.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 50)
    df = mediakit.score([good, bad])
    assert list(df.index) == ["good", "bad"]
    assert pd.isna(df.loc["good", "error"]) and "binary" in df.loc["bad", "error"]
    assert math.isnan(df.loc["bad", "words"])


def test_results_are_identical_across_runs(seeds):
    a = [mediakit.analyze(x).to_dict() for x in seeds]
    b = [mediakit.analyze(x).to_dict() for x in seeds]
    assert a == b


def test_span_orders_by_position():
    spans = [Span(5, 9, "hedge", "xxxx", "r"), Span(0, 3, "quote", "yyy", "r")]
    an = Analysis(Article("a", "yyy  xxxx"), "yyy  xxxx", tuple(spans), {})
    assert [s.start for s in an.spans] == [0, 5]


def test_analysis_repr_is_short_and_names_no_path(seeds):
    r = repr(mediakit.analyze(seeds[0]))
    assert r.startswith("<Analysis 'seed-000': ") and len(r) < 120 and "/" not in r
