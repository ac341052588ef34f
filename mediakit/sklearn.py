"""mediakit's scores as a scikit-learn transformer.

:class:`MediaFeatures` turns raw texts into a matrix of mediakit scores, so
that they can feed a scikit-learn pipeline next to, say, a bag of words::

    from sklearn.pipeline import make_pipeline
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from mediakit.sklearn import MediaFeatures

    model = make_pipeline(MediaFeatures(), SimpleImputer(), LogisticRegression())

It follows scikit-learn's conventions: ``__init__`` only stores its
parameters, ``fit`` learns nothing from the data but the output columns
(``feature_names_out_``) and returns ``self``, and
``set_output(transform="pandas")`` makes ``transform`` return a DataFrame
whose columns are :meth:`MediaFeatures.get_feature_names_out`.  A rate on an
empty text is ``NaN``: put an imputer after the transformer when texts may
be empty.

scikit-learn is an optional dependency (``pip install 'mediakit[sklearn]'``).
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

try:
    import numpy as np
    from sklearn.base import BaseEstimator, TransformerMixin
    from sklearn.utils.validation import check_is_fitted
except ImportError as exc:  # pragma: no cover - exercised with scikit-learn hidden
    raise ImportError(
        "mediakit.sklearn needs scikit-learn, which is not installed; "
        "install it with: pip install 'mediakit[sklearn]'  (or: pip install scikit-learn)"
    ) from exc

from .core import analyze, score_columns
from .types import Article


def _texts(X: Any) -> list[str]:
    """The texts of ``X``: an iterable of strings, a Series, a one-column DataFrame or array."""
    from .frame import _missing

    if isinstance(X, (str, bytes)):
        raise TypeError("MediaFeatures expects an iterable of texts, not a single string; wrap it in a list")
    if hasattr(X, "columns") and hasattr(X, "iloc"):  # DataFrame
        if X.shape[1] != 1:
            raise ValueError(f"MediaFeatures expects one text column, got a DataFrame with {X.shape[1]} columns")
        X = X.iloc[:, 0]
    elif isinstance(X, np.ndarray):
        if X.ndim == 2 and X.shape[1] == 1:
            X = X[:, 0]
        elif X.ndim != 1:
            raise ValueError(f"MediaFeatures expects a 1-D array of texts (or one column), got shape {X.shape}")
    try:
        items = list(X)
    except TypeError:
        raise TypeError(f"MediaFeatures expects an iterable of texts, not {type(X).__name__}") from None
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            out.append(item)
        elif _missing(item):
            out.append("")
        else:
            raise TypeError(f"MediaFeatures: item {i} is {type(item).__name__}, not text")
    return out


class MediaFeatures(TransformerMixin, BaseEstimator):
    """Texts in, mediakit scores out: one row per text, one column per score.

    Parameters
    ----------
    strip_boilerplate : bool, default True
        Score the article body only (see :func:`mediakit.analyze`).
    tone : bool, default False
        Add the sentence-averaged VADER tone columns.
    columns : sequence of str, optional
        The score columns to output, in this order; default every score
        column (:func:`mediakit.score_columns`).

    Attributes
    ----------
    n_features_in_ : int
        1: the transformer reads one column of texts.
    feature_names_out_ : ndarray of str
        The output columns.
    """

    def __init__(self, strip_boilerplate: bool = True, tone: bool = False, columns: Sequence[str] | None = None):
        self.strip_boilerplate = strip_boilerplate
        self.tone = tone
        self.columns = columns

    def fit(self, X: Any, y: Any = None) -> "MediaFeatures":
        """Check ``X`` and settle the output columns; returns ``self``."""
        _texts(X)
        available = [c.name for c in score_columns(bool(self.tone))]
        if self.columns is None:
            names = available
        else:
            names = [str(c) for c in self.columns]
            unknown = [c for c in names if c not in available]
            if unknown:
                raise ValueError(f"MediaFeatures: unknown score column(s) {', '.join(map(repr, unknown))}; "
                                 f"available: {', '.join(available)}")
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self.n_features_in_ = 1
        if hasattr(X, "columns") and hasattr(X, "iloc"):
            self.feature_names_in_ = np.asarray([str(X.columns[0])], dtype=object)
        return self

    def transform(self, X: Any) -> np.ndarray:
        """The scores of every text: an array of shape ``(n_texts, n_columns)``."""
        check_is_fitted(self, "feature_names_out_")
        names = list(self.feature_names_out_)
        texts = _texts(X)
        out = np.full((len(texts), len(names)), np.nan, dtype=float)
        for i, text in enumerate(texts):
            # an Article, so that a text that happens to name a file is never read as a path
            scores = analyze(Article(id=str(i), text=text), strip_boilerplate=self.strip_boilerplate,
                             tone=bool(self.tone)).scores
            out[i] = [scores.get(n, np.nan) for n in names]
        return out

    def get_feature_names_out(self, input_features: Iterable[str] | None = None) -> np.ndarray:
        """The output column names (``input_features`` is accepted for the API and ignored)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):  # scikit-learn >= 1.6
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    def _more_tags(self) -> dict[str, Any]:  # scikit-learn < 1.6
        return {"X_types": ["string"]}
