"""The DataFrame surface: score(), evidence(), claims(), sources(), compare() and its reading."""

import math
import types

import pandas as pd
import pytest

import mediakit
from mediakit import core, frame
from mediakit.core import ScoreInfo
from mediakit.frame import (
    TEXT_COLUMNS,
    CLAIM_FIELDS,
    EVIDENCE_COLUMNS,
    compare,
    claims,
    describe_comparison,
    evidence,
    format_value,
    iter_analyses,
    score,
    sources,
)
from mediakit.io import FailedArticle
from mediakit.text import sentences
from mediakit.types import Analysis, Article, Span

SEED_IDS = ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]


@pytest.fixture(scope="module")
def seeds():
    return mediakit.load_seeds()


@pytest.fixture(scope="module")
def seed_analyses(seeds):
    return [mediakit.analyze(a) for a in seeds]


@pytest.fixture(scope="module")
def seed_scores(seeds):
    return score(seeds)


def make_analysis(aid, text, spans, *, outlet=None, details=None, scores=None):
    """An Analysis built by hand; every span is checked against the text."""
    built = [Span(s, e, cat, text[s:e], rule) for s, e, cat, rule in spans]
    return Analysis(Article(aid, text, outlet=outlet), text, tuple(built), scores or {}, details=details or {})


# ---------------------------------------------------------------- score()


def test_score_keeps_input_order_metadata_and_versions(seed_scores, seed_analyses):
    assert list(seed_scores.index) == SEED_IDS
    assert list(seed_scores["outlet"]) == ["outlet A", "outlet B", "outlet C", "outlet A", "outlet D"]
    assert seed_scores.attrs["mediakit_version"] == mediakit.__version__
    for analysis in seed_analyses:
        row = seed_scores.loc[analysis.id]
        for name, value in analysis.scores.items():
            assert (math.isnan(value) and math.isnan(row[name])) or row[name] == value, name


def test_score_keeps_a_failed_input_as_a_row_with_its_error():
    df = score([Article("ok", "One sentence here. Another one."), FailedArticle("bad", "cannot read")])
    assert list(df.index) == ["ok", "bad"]
    assert df.loc["bad", "error"] == "cannot read"
    assert math.isnan(df.loc["bad", "words"]) and df.loc["ok", "words"] == 5.0
    assert df.loc["ok", "error"] is None


# ---------------------------------------------------------------- evidence()


def test_evidence_rows_are_the_spans_of_analyze_in_order(seeds, seed_analyses):
    ev = evidence(seeds)
    assert list(ev.columns) == list(EVIDENCE_COLUMNS)
    expected = []
    for analysis in seed_analyses:
        for s in sorted(analysis.spans, key=lambda s: (s.start, s.end, s.category, s.rule)):
            expected.append((analysis.id, s.category, s.start, s.end, s.cue, s.rule))
    got = list(ev[["article_id", "category", "start", "end", "cue", "rule"]].itertuples(index=False, name=None))
    assert got == expected
    texts = {a.id: a.text for a in seed_analyses}
    for row in ev.itertuples(index=False):
        text = texts[row.article_id]
        assert text[row.start:row.end] == row.cue
        assert row.cue in row.sentence and row.sentence in text


def test_evidence_accepts_analyses_and_gives_the_sentence_of_each_span():
    text = "Page header\nOfficials said it may rain. \"We will see. Maybe,\" he added.\nLast line here."
    may = text.index("may")
    quote = (text.index('"We'), text.index('he added'))
    cross = (text.index("rain"), text.index("see.") + 3)  # crosses a sentence boundary
    a = make_analysis("b", text, [(0, 11, "boilerplate", "boilerplate:header"), (may, may + 3, "hedge", "hedging:may"),
                                  (*quote, "quote", "quote:straight"), (*cross, "frame.weather", "frames:weather")])
    first = make_analysis("a", "Nothing here.", [])
    ev = evidence([first, a])
    assert list(ev["article_id"]) == ["b"] * 4
    assert list(ev["start"]) == sorted(ev["start"])
    assert ev["start"].dtype == "int64" and ev["end"].dtype == "int64"
    rows = {r.category: r for r in ev.itertuples(index=False)}
    assert rows["boilerplate"].sentence == "Page header"
    assert rows["hedge"].sentence == "Officials said it may rain."
    assert rows["hedge"].rule == "hedging:may" and rows["hedge"].cue == "may"
    # a quotation that closes on its line is one sentence with its attribution
    assert rows["quote"].sentence == '"We will see. Maybe," he added.'
    assert rows["frame.weather"].sentence == 'Officials said it may rain. "We will see. Maybe," he added.'
    # the segmenter agrees on where those sentences are
    assert (text.index("Officials"), text.index("rain.") + 5) in sentences(text)


def test_evidence_of_nothing_has_the_columns():
    ev = evidence([make_analysis("x", "Plain.", [])])
    assert ev.empty and list(ev.columns) == list(EVIDENCE_COLUMNS)
    assert ev["start"].dtype == "int64"


def test_iter_analyses_passes_failures_through():
    out = list(iter_analyses([Article("a", "Hello there."), FailedArticle("f", "boom")]))
    assert [(art.id, an is None, err) for art, an, err in out] == [("a", False, None), ("f", True, "boom")]


def test_iter_analyses_gives_mixed_list_the_ids_iter_articles_would():
    a = make_analysis("given", "Given text.", [])
    out = list(iter_analyses(["first text here", a, "third text"]))
    assert [art.id for art, _, _ in out] == ["0", "given", "2"]
    assert out[1][1] is a


# ---------------------------------------------------------------- claims() and sources()


CLAIMS = [
    {"number": "3,000", "value": 3000.0, "unit": "troops", "approximator": "about", "source": "South Korea",
     "source_kind": "government", "start": 20, "end": 25, "confidence": "high"},
    {"number": "12,000", "value": 12000.0, "unit": "troops", "approximator": None, "source": None,
     "source_kind": None, "start": 60, "end": 66},
]


def test_claims_table_layout_on_a_built_analysis():
    text = "Seoul says it sent about 3,000 soldiers. Nothing else. Others said 12,000 more."
    claims_ = [dict(CLAIMS[0], start=text.index("3,000"), end=text.index("3,000") + 5),
               dict(CLAIMS[1], start=text.index("12,000"), end=text.index("12,000") + 6)]
    a = make_analysis("c1", text, [], outlet="outlet Z", details={"attribution": {"claims": claims_}})
    df = claims([a])
    assert list(df.columns) == ["article_id", "outlet", *CLAIM_FIELDS, "confidence", "sentence"]
    assert list(df["article_id"]) == ["c1", "c1"] and list(df["outlet"]) == ["outlet Z"] * 2
    assert list(df["value"]) == [3000.0, 12000.0]
    assert df.loc[0, "approximator"] == "about" and df.loc[0, "source"] == "South Korea"
    assert df.loc[0, "sentence"] == "Seoul says it sent about 3,000 soldiers."
    assert df.loc[1, "sentence"] == "Others said 12,000 more."
    assert pd.isna(df.loc[1, "confidence"])


def test_sources_table_layout_on_a_built_analysis():
    found = [{"source": "South Korea", "kind": "government", "count": 3}, {"source": "officials", "kind": "unnamed", "count": 1}]
    a = make_analysis("s1", "Text.", [], outlet="outlet Y", details={"attribution": {"sources": found}})
    df = sources([a, make_analysis("s2", "None here.", [])])
    assert list(df.columns) == ["article_id", "outlet", "source", "kind", "count"]
    assert df.values.tolist() == [["s1", "outlet Y", "South Korea", "government", 3], ["s1", "outlet Y", "officials", "unnamed", 1]]


def test_claims_and_sources_on_the_seeds_follow_the_analyses(seeds, seed_analyses):
    df = claims(seeds)
    expected = [(a.id, c.get("start"), c.get("number"))
                for a in seed_analyses for c in (a.details.get("attribution") or {}).get("claims", [])]
    assert list(zip(df["article_id"], df["start"], df["number"])) == expected
    outlets = {a.id: a.outlet for a in seeds}
    assert all(df["outlet"] == df["article_id"].map(outlets))
    src = sources(seeds)
    expected_src = [(a.id, s["source"], s["count"])
                    for a in seed_analyses for s in (a.details.get("attribution") or {}).get("sources", [])]
    assert list(zip(src["article_id"], src["source"], src["count"])) == expected_src


# ---------------------------------------------------------------- compare()


def test_compare_on_the_seeds_gives_outlet_means_and_counts(seed_scores):
    cmp = compare(seed_scores)
    assert list(cmp.index) == ["outlet A", "outlet B", "outlet C", "outlet D"]
    assert cmp.index.name == "outlet"
    assert cmp["n_articles"].tolist() == [2, 1, 1, 1]
    assert cmp.columns[0] == "n_articles"
    score_cols = [c for c in seed_scores.columns if c not in TEXT_COLUMNS]
    assert list(cmp.columns[1:]) == score_cols
    for outlet in cmp.index:
        rows = seed_scores[seed_scores["outlet"] == outlet]
        for col in score_cols:
            values = [v for v in rows[col] if not math.isnan(v)]
            want = sum(values) / len(values) if values else math.nan
            got = cmp.loc[outlet, col]
            assert (math.isnan(want) and math.isnan(got)) or got == pytest.approx(want, rel=1e-12), (outlet, col)
    a_rows = seed_scores.loc[["seed-000", "seed-003"], "words"]
    assert cmp.loc["outlet A", "words"] == (a_rows.iloc[0] + a_rows.iloc[1]) / 2
    assert "outlet A 2" in cmp.attrs["reading"]
    assert cmp.attrs["mediakit_version"] == mediakit.__version__


def test_compare_skips_undefined_values_counts_only_scored_articles_and_names_missing_groups():
    df = pd.DataFrame(
        {"outlet": ["b", "a", "a", None, "a"], "rate": [1.0, 2.0, math.nan, 5.0, math.nan],
         "error": [None, None, None, None, "unreadable"]},
        index=["1", "2", "3", "4", "5"],
    )
    cmp = compare(df)
    assert list(cmp.index) == ["(none)", "a", "b"]
    assert cmp["n_articles"].tolist() == [1, 2, 1]
    assert cmp["rate"].tolist() == [5.0, 2.0, 1.0]
    assert cmp.attrs["by"] == "outlet"


def test_compare_by_another_column_and_chosen_columns():
    df = pd.DataFrame({"outlet": ["x", "y", "x"], "published": ["2024", "2023", "2024"],
                       "p": [1.0, 2.0, 4.0], "q": [0.0, 0.0, 1.0]})
    cmp = compare(df, by="published", columns=["q"])
    assert list(cmp.columns) == ["n_articles", "q"]
    assert cmp.to_dict("index") == {"2023": {"n_articles": 1, "q": 0.0}, "2024": {"n_articles": 2, "q": 0.5}}


def test_compare_rejects_missing_columns():
    df = pd.DataFrame({"outlet": ["x"], "p": [1.0]})
    with pytest.raises(KeyError, match="nosuch"):
        compare(df, by="nosuch")
    with pytest.raises(KeyError, match="'r'"):
        compare(df, columns=["r"])


def test_reading_of_undocumented_scores_names_the_largest_differences_first():
    df = pd.DataFrame({"outlet": ["A", "B", "C", "C"], "small": [1.0, 1.1, 1.05, 1.05],
                       "big": [1.0, 3.0, 2.0, 2.0], "middle": [0.1, 0.1, 0.3, 0.5]},
                      index=list("wxyz"))
    cmp = compare(df)
    lines = cmp.attrs["reading"].splitlines()
    # relative spreads: big 2/3, middle 0.3/0.4, small 0.1/1.1
    assert lines[0] == "middle: highest for C (0.40), lowest for A and B (0.10)."
    assert lines[1] == "big: highest for B (3.00), lowest for A (1.00)."
    assert lines[2] == "small: highest for B (1.10), lowest for A (1.00)."
    assert lines[3] == "Articles per outlet (4 in all): A 1, B 1, C 2."
    assert "examples, not measurements" in lines[4]
    assert len(lines) == 5
    assert describe_comparison(cmp, max_lines=1).splitlines()[0].startswith("middle:")
    # a score table is compared by outlet first
    assert describe_comparison(df) == cmp.attrs["reading"]


@pytest.fixture
def documented(monkeypatch):
    """Scorers documenting the columns of a built table (the real ones are still changing)."""
    inf = float("inf")
    fake = {
        "boilerplate": (ScoreInfo("boilerplate_lines", "count", 0, inf, "lines"),
                        ScoreInfo("boilerplate_share", "share", 0, 1, "page furniture")),
        "hedging": (ScoreInfo("hedges_per_100w", "per 100 words", 0, inf, "hedges"),
                    ScoreInfo("boosters_per_100w", "per 100 words", 0, inf, "boosters")),
        "framing": (ScoreInfo("frame_conflict", "per 1,000 words", 0, inf, "conflict"),
                    ScoreInfo("frame_diplomacy", "per 1,000 words", 0, inf, "diplomacy"),
                    ScoreInfo("loaded_per_1000w", "per 1,000 words", 0, inf, "loaded")),
    }
    monkeypatch.setattr(core, "active_scorers", lambda tone=False: tuple(fake))
    monkeypatch.setattr(core, "scorer_module", lambda name: types.SimpleNamespace(COLUMNS=fake[name]))
    monkeypatch.setattr(frame, "_column_info", lambda: {c.name: c for cols in fake.values() for c in cols})


def test_reading_names_each_scorers_headline_score_and_the_leading_frames(documented):
    df = pd.DataFrame({
        "outlet": ["outlet A", "outlet C", "outlet A", "outlet B"],
        "boilerplate_lines": [3.0, 9.0, 1.0, 0.0],
        "boilerplate_share": [0.2, 0.05, 0.1, 0.0],
        "hedges_per_100w": [1.0, 3.5, 2.0, 0.5],
        "boosters_per_100w": [9.0, 0.0, 0.0, 0.0],
        "frame_conflict": [4.0, 1.0, 2.0, 0.0],
        "frame_diplomacy": [1.0, 6.0, 1.0, 0.0],
        "loaded_per_1000w": [2.0, 2.0, 2.0, 2.0],
    }, index=["a1", "c1", "a2", "b1"])
    assert frame.headline_columns(df) == ["boilerplate_share", "hedges_per_100w", "loaded_per_1000w"]
    assert compare(df).attrs["reading"].splitlines() == [
        "boilerplate_share: highest for outlet A (15.0%), lowest for outlet B (0.0%).",
        "hedges_per_100w: highest for outlet C (3.50 per 100 words), lowest for outlet B (0.50 per 100 words).",
        "Leading frame per outlet: outlet A conflict (3.00 per 1,000 words); outlet B none; "
        "outlet C diplomacy (6.00 per 1,000 words).",
        "Articles per outlet (4 in all): outlet A 2, outlet B 1, outlet C 1.",
        "With fewer than 3 articles for some outlets, these are examples, not measurements of the outlets.",
    ]
    # named columns are read as given, counts included, without the frame line
    assert describe_comparison(compare(df), columns=["boilerplate_lines"]).splitlines()[0] == (
        "boilerplate_lines: highest for outlet C (9.0), lowest for outlet B (0.0).")


def test_reading_when_nothing_differs():
    df = pd.DataFrame({"outlet": ["A", "B", "A", "B", "A", "B"], "p": [1.0] * 6})
    text = describe_comparison(compare(df))
    assert text.splitlines() == ["No score differs between the groups.", "Articles per outlet (6 in all): A 3, B 3."]


def test_reading_of_an_empty_table():
    df = pd.DataFrame({"outlet": pd.Series([], dtype=object), "p": pd.Series([], dtype=float)})
    cmp = compare(df)
    assert cmp.empty and list(cmp.columns) == ["n_articles", "p"]
    assert cmp.attrs["reading"] == "No articles to compare."


def test_format_value_by_unit():
    assert format_value(0.1234, "share") == "12.3%"
    assert format_value(2.5, "per 100 words") == "2.50 per 100 words"
    assert format_value(3.0, "count") == "3.0"
    assert format_value(math.nan, "share") == "n/a"


def test_score_table_carries_the_dominant_frame_label(seeds, seed_analyses):
    df = score(seeds)
    assert list(df.columns[-2:]) == ["dominant_frame", "error"]
    for a in seed_analyses:
        assert df.loc[a.id, "dominant_frame"] == a.details["framing"]["dominant_frame"]


def test_package_claims_is_the_table_function_after_the_scorers_are_imported(seeds):
    import mediakit
    from mediakit import attribution  # noqa: F401  (imports the number finder)

    assert mediakit.claims is claims
    assert len(mediakit.claims(seeds[:1])) > 0
