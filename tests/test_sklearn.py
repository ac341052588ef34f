"""The scikit-learn transformer: conventions, values equal to score(), pandas output, optional import."""

import importlib
import math
import sys

import numpy as np
import pandas as pd
import pytest

sklearn = pytest.importorskip("sklearn")

from sklearn.base import clone  # noqa: E402
from sklearn.exceptions import NotFittedError  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

import mediakit  # noqa: E402
from mediakit.core import score_columns  # noqa: E402
from mediakit.sklearn import MediaFeatures  # noqa: E402
from mediakit.text import count_words  # noqa: E402


@pytest.fixture(scope="module")
def seeds():
    return mediakit.load_seeds()


@pytest.fixture(scope="module")
def texts(seeds):
    return pd.Series([a.text for a in seeds], index=[a.id for a in seeds], name="text")


@pytest.fixture(scope="module")
def seed_scores(seeds):
    return mediakit.score([mediakit.Article(a.id, a.text) for a in seeds])


def same(a, b):
    return np.allclose(np.asarray(a, float), np.asarray(b, float), equal_nan=True, rtol=0, atol=0)


def test_init_only_stores_parameters_and_clone_keeps_them():
    m = MediaFeatures(strip_boilerplate=False, tone=True, columns=["words"])
    assert m.get_params() == {"strip_boilerplate": False, "tone": True, "columns": ["words"]}
    c = clone(m)
    assert c.get_params() == m.get_params() and c is not m
    assert not hasattr(m, "feature_names_out_")
    assert repr(MediaFeatures()) == "MediaFeatures()"


def test_fit_returns_self_and_settles_the_columns(texts):
    m = MediaFeatures()
    assert m.fit(texts) is m
    assert m.n_features_in_ == 1
    assert list(m.get_feature_names_out()) == [c.name for c in score_columns()]
    assert m.get_feature_names_out().dtype == object


def test_transform_equals_the_score_table(texts, seed_scores):
    m = MediaFeatures().fit(texts)
    out = m.transform(texts)
    names = list(m.get_feature_names_out())
    assert out.shape == (len(texts), len(names))
    assert same(out, seed_scores[names].to_numpy())
    assert out[4, names.index("words")] == seed_scores.loc["seed-004", "words"]


def test_chosen_columns_in_their_order(texts, seed_scores):
    m = MediaFeatures(columns=["sentences", "words"])
    out = m.fit_transform(list(texts))
    assert list(m.get_feature_names_out()) == ["sentences", "words"]
    assert same(out, seed_scores[["sentences", "words"]].to_numpy())


def test_set_output_pandas_gives_named_columns_and_keeps_the_index(texts, seed_scores):
    m = MediaFeatures(columns=["words", "sentences"]).set_output(transform="pandas")
    df = m.fit_transform(texts)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["words", "sentences"]
    assert list(df.index) == list(texts.index)
    assert same(df.to_numpy(), seed_scores[["words", "sentences"]].to_numpy())
    df2 = m.transform(texts.to_frame())
    assert list(df2.index) == list(texts.index) and same(df2, df)


def test_in_a_pipeline(texts, seed_scores):
    pipe = make_pipeline(MediaFeatures(columns=["words", "sentences"]), StandardScaler()).set_output(transform="pandas")
    out = pipe.fit_transform(texts)
    words = seed_scores["words"]
    assert out["words"].to_numpy() == pytest.approx(((words - words.mean()) / words.std(ddof=0)).to_numpy())
    assert list(pipe.get_feature_names_out()) == ["words", "sentences"]


def test_inputs_accepted_and_refused(tmp_path):
    # every line scored (no boilerplate removal), so word counts are plain counts
    m = MediaFeatures(strip_boilerplate=False, columns=["words"]).fit(["a b c"])
    assert m.transform(np.array([["one two"], ["three"]], dtype=object)).tolist() == [[2.0], [1.0]]
    assert m.transform(pd.Series(["one two", None])).tolist() == [[2.0], [0.0]]
    assert m.transform([math.nan]).tolist() == [[0.0]]
    # a text that names an existing file is scored as text, not read from the file
    f = tmp_path / "article.txt"
    f.write_text("one two three four five six seven", encoding="utf-8")
    assert count_words(str(f)) != 7
    assert m.transform([str(f)]).tolist() == [[float(count_words(str(f)))]]
    with pytest.raises(TypeError, match="single string"):
        m.transform("one text")
    with pytest.raises(TypeError, match="item 1 is int"):
        m.transform(["ok", 3])
    with pytest.raises(ValueError, match="one text column"):
        m.fit(pd.DataFrame({"a": ["x"], "b": ["y"]}))
    with pytest.raises(ValueError, match="unknown score column"):
        MediaFeatures(columns=["nope"]).fit(["x"])
    with pytest.raises(NotFittedError):
        MediaFeatures().transform(["x"])


def test_dataframe_input_records_its_column_name():
    m = MediaFeatures(columns=["words"]).fit(pd.DataFrame({"body": ["a b"]}))
    assert list(m.feature_names_in_) == ["body"]


def test_a_clear_error_without_scikit_learn(monkeypatch):
    for name in [n for n in sys.modules if n == "sklearn" or n.startswith("sklearn.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "sklearn", None)
    monkeypatch.delitem(sys.modules, "mediakit.sklearn", raising=False)
    with pytest.raises(ImportError, match=r"mediakit\.sklearn needs scikit-learn.*pip install 'mediakit\[sklearn\]'"):
        importlib.import_module("mediakit.sklearn")
