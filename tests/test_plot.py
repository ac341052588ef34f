"""Charts, checked through their data: bar sizes, image cells and points equal the tables' values."""

import itertools
import math
import types

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import mediakit  # noqa: E402
from mediakit import core, frame, plot  # noqa: E402
from mediakit.core import ScoreInfo  # noqa: E402
from mediakit.frame import compare  # noqa: E402

INF = float("inf")
FAKE = {
    "hedging": (ScoreInfo("hedges_per_100w", "per 100 words", 0, INF, "hedges"),
                ScoreInfo("hedge_count", "count", 0, INF, "hedges"),
                ScoreInfo("boosters_per_100w", "per 100 words", 0, INF, "boosters")),
    "attribution": (ScoreInfo("attributed_share", "share", 0, 1, "attributed sentences"),
                    ScoreInfo("sources_per_100w", "per 100 words", 0, INF, "sources")),
    "framing": (ScoreInfo("frame_conflict", "share", 0, 1, "conflict"),
                ScoreInfo("frame_diplomacy", "share", 0, 1, "diplomacy"),
                ScoreInfo("frame_cues", "count", 0, INF, "cues"),
                ScoreInfo("loaded_share", "share", 0, 1, "loaded words: not a frame")),
    "boilerplate": (ScoreInfo("boilerplate_share", "share", 0, 1, "page furniture"),),
}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def fake_scorers(monkeypatch):
    """Scorer modules documenting the columns of the synthetic table below."""
    mods = {name: types.SimpleNamespace(COLUMNS=cols) for name, cols in FAKE.items()}
    monkeypatch.setattr(core, "scorer_module", lambda name: mods[name])
    monkeypatch.setattr(frame, "_column_info", lambda: {c.name: c for cols in FAKE.values() for c in cols})
    return mods


@pytest.fixture
def table():
    return pd.DataFrame(
        {
            "outlet": ["outlet A", "outlet B", "outlet C", "outlet A", "outlet D"],
            "hedges_per_100w": [1.0, 2.0, 1.5, 1.2, 0.4],
            "hedge_count": [10.0, 20.0, 15.0, 12.0, 4.0],
            "boosters_per_100w": [0.5, 0.1, 0.9, 0.7, 0.0],
            "attributed_share": [0.30, 0.20, 0.22, 0.31, 0.10],
            "sources_per_100w": [3.0, 2.0, 2.2, 3.1, 1.0],
            "frame_conflict": [0.5, 0.2, 0.1, 0.4, 0.3],
            "frame_diplomacy": [0.1, 0.3, math.nan, 0.2, 0.0],
            "frame_cues": [5.0, 2.0, 1.0, 4.0, 3.0],
            "loaded_share": [0.0, 0.1, 0.2, 0.3, 0.4],
            "boilerplate_share": [0.3, 0.1, 0.5, 0.32, 0.0],
            "error": [None] * 5,
        },
        index=["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"],
    )


def new_ax(size=(8, 5)):
    fig = plt.figure(figsize=size)
    return fig.add_subplot()


def overlaps(a, b):
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def assert_no_overlap(texts, fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    # the text's own box (an annotation's extent would include its leader line)
    boxes = [Text.get_window_extent(t, renderer) for t in texts if t.get_text()]
    for a, b in itertools.combinations(boxes, 2):
        assert not overlaps(a, b), (a, b)


def heights(container):
    return [p.get_height() for p in container]


def nan_equal(a, b):
    return np.allclose(np.asarray(a, float), np.asarray(b, float), equal_nan=True, rtol=0, atol=1e-12)


# ---------------------------------------------------------------- plot_outlets


def test_outlet_bars_default_to_the_hedging_and_attribution_rates(fake_scorers, table):
    ax = plot.plot_outlets(table, ax=new_ax())
    cols = ["hedges_per_100w", "boosters_per_100w", "sources_per_100w"]  # the shared unit: per 100 words
    means = compare(table, columns=cols)
    assert [c.get_label() for c in ax.containers] == cols
    for container, col in zip(ax.containers, cols):
        assert nan_equal(heights(container), means[col])
        assert to_hex(container[0].get_facecolor()) == plot.OKABE_ITO[cols.index(col)].lower()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["outlet A\n(n=2)", "outlet B\n(n=1)", "outlet C\n(n=1)",
                                                           "outlet D\n(n=1)"]
    assert ax.get_ylabel() == "mean (per 100 words)"
    assert ax.get_xlabel() == "outlet" and ax.get_title() == "Mean scores by outlet"
    assert heights(ax.containers[0])[0] == pytest.approx((1.0 + 1.2) / 2)


def test_outlet_bars_with_mixed_units_name_units_in_the_legend(fake_scorers, table):
    ax = plot.plot_outlets(table, columns=["attributed_share", "sources_per_100w"], ax=new_ax())
    assert [c.get_label() for c in ax.containers] == ["attributed_share (share)", "sources_per_100w (per 100 words)"]
    assert ax.get_ylabel() == "mean (units in legend)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["attributed_share (share)",
                                                                   "sources_per_100w (per 100 words)"]


def test_outlet_bars_accept_a_comparison_table(fake_scorers, table):
    cmp = compare(table)
    ax = plot.plot_outlets(cmp, columns=["attributed_share"], ax=new_ax())
    assert nan_equal(heights(ax.containers[0]), cmp["attributed_share"])
    assert ax.get_ylabel() == "mean (% of text)"


def test_many_long_outlet_names_do_not_overlap(fake_scorers):
    names = [f"The Daily Example Number {i} Gazette" for i in range(8)]
    df = pd.DataFrame({"outlet": names * 2, "hedges_per_100w": np.arange(16.0)})
    ax = plot.plot_outlets(df, columns=["hedges_per_100w"], ax=new_ax((9, 5)))
    assert_no_overlap(ax.get_xticklabels(), ax.figure)


def test_missing_default_columns_raise_a_helpful_error(monkeypatch):
    empty = types.SimpleNamespace(COLUMNS=())
    monkeypatch.setattr(core, "scorer_module", lambda name: empty)
    df = pd.DataFrame({"outlet": ["a"], "x": [1.0]})
    with pytest.raises(ValueError, match=r"pass columns=\[\.\.\.\]"):
        plot.plot_outlets(df, ax=new_ax())
    with pytest.raises(ValueError, match="frame"):
        plot.plot_frames(df, ax=new_ax())
    with pytest.raises(TypeError, match="needs data"):
        plot.plot_outlets(ax=new_ax())


# ---------------------------------------------------------------- plot_frames


def test_frames_heatmap_cells_are_the_outlet_means(fake_scorers, table):
    ax = plot.plot_frames(table, ax=new_ax())
    cols = ["frame_conflict", "frame_diplomacy"]
    means = compare(table, columns=cols)
    assert nan_equal(np.ma.filled(ax.images[0].get_array(), np.nan), means[cols].to_numpy())
    assert [t.get_text() for t in ax.get_xticklabels()] == ["conflict", "diplomacy"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["outlet A (n=2)", "outlet B (n=1)", "outlet C (n=1)",
                                                           "outlet D (n=1)"]
    cells = [t.get_text() for t in ax.texts]
    assert cells == ["45%", "15%", "20%", "30%", "10%", "n/a", "30%", "0%"]
    assert ax.images[0].get_cmap().name == plot.HEATMAP_CMAP
    colorbar_ax = ax.figure.axes[-1]
    assert colorbar_ax.get_ylabel() == "mean (% of text)"
    assert_no_overlap(ax.get_xticklabels(), ax.figure)
    assert_no_overlap(ax.get_yticklabels(), ax.figure)


# ---------------------------------------------------------------- plot_hedging_attribution


def test_scatter_points_are_the_articles_and_the_outlet_means(fake_scorers, table):
    ax = plot.plot_hedging_attribution(table, ax=new_ax())
    assert ax.get_xlabel() == "hedges_per_100w (per 100 words)"
    assert ax.get_ylabel() == "attributed_share (share)"
    by_gid = {c.get_gid(): c.get_offsets() for c in ax.collections}
    assert nan_equal(by_gid["articles:outlet A"], [[1.0, 0.30], [1.2, 0.31]])
    assert nan_equal(by_gid["mean:outlet A"], [[1.1, 0.305]])
    assert nan_equal(by_gid["articles:outlet D"], [[0.4, 0.10]])
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == ["outlet A (n=2)", "outlet B (n=1)", "outlet C (n=1)", "outlet D (n=1)"]
    colours = {gid: to_hex(c.get_facecolor()[0]) for gid, c in ((c.get_gid(), c) for c in ax.collections)}
    assert colours["mean:outlet A"] == plot.OKABE_ITO[0].lower() and colours["mean:outlet D"] == plot.OKABE_ITO[3].lower()
    assert_no_overlap(ax.texts, ax.figure)


def test_scatter_labels_of_crowded_groups_do_not_overlap(fake_scorers):
    groups = [f"outlet {c}" for c in "ABCDEFGH"]
    df = pd.DataFrame({"outlet": groups, "hedges_per_100w": [1.0 + i * 1e-3 for i in range(8)],
                       "attributed_share": [0.5] * 8})
    ax = plot.plot_hedging_attribution(df, ax=new_ax((6, 4)))
    assert len(ax.texts) == 8
    assert_no_overlap(ax.texts, ax.figure)
    inside = ax.get_window_extent()
    for t in ax.texts:  # labels stay inside the axes, clear of the tick labels
        box = Text.get_window_extent(t)
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1


# ---------------------------------------------------------------- plot_boilerplate


def test_boilerplate_bars_are_the_article_shares(fake_scorers, table):
    ax = plot.plot_boilerplate(table, ax=new_ax())
    assert [p.get_width() for p in ax.patches] == list(table["boilerplate_share"])
    assert [t.get_text() for t in ax.get_yticklabels()] == list(table.index)
    assert ax.get_xlim() == (0.0, 1.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["outlet A", "outlet B", "outlet C", "outlet D"]
    assert [t.get_text() for t in ax.texts] == ["30%", "10%", "50%", "32%", "0%"]
    assert to_hex(ax.patches[0].get_facecolor()) == to_hex(ax.patches[3].get_facecolor())  # same outlet, same colour
    assert ax.get_xlabel() == "share of the captured text that is page furniture (%)"
    assert_no_overlap(ax.get_yticklabels(), ax.figure)


# ---------------------------------------------------------------- on the seeds


@pytest.fixture(scope="module")
def seed_scores():
    return mediakit.score(mediakit.load_seeds())


def test_seed_charts_show_the_score_table(seed_scores):
    ax = plot.plot_boilerplate(seed_scores, ax=new_ax())
    assert [p.get_width() for p in ax.patches] == list(seed_scores["boilerplate_share"])
    ax = plot.plot_outlets(seed_scores, columns=["words", "sentences"], ax=new_ax())
    means = compare(seed_scores)
    assert heights(ax.containers[0]) == list(means["words"])
    assert heights(ax.containers[1]) == list(means["sentences"])
    a_words = seed_scores.loc[["seed-000", "seed-003"], "words"].mean()
    assert heights(ax.containers[0])[0] == a_words


def test_default_axes_are_the_current_ones_and_nothing_is_shown(monkeypatch, table):
    def no_show(*a, **k):
        raise AssertionError("plt.show() called")

    monkeypatch.setattr(plt, "show", no_show)
    plt.figure()
    current = plt.gca()
    assert plot.plot_boilerplate(table) is current


def test_many_frames_keep_their_labels_apart(fake_scorers):
    cols = [f"frame_{name}" for name in ("conflict", "diplomacy", "economic_consequences", "human_interest", "morality",
                                         "responsibility", "security", "escalation", "public_health", "legality")]
    df = pd.DataFrame({"outlet": ["a", "b"], **{c: [0.1, 0.2] for c in cols}})
    ax = plot.plot_frames(df, columns=cols, ax=new_ax((8, 3)))
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "economic_consequences"
    assert_no_overlap(ax.get_xticklabels(), ax.figure)
