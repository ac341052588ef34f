"""Scoring a Dask DataFrame, partition by partition (optional: needs ``dask[dataframe]``).

mediakit has no scheduler of its own beyond a process pool: to score an
archive across many machines it hands the work to Dask.  :func:`score`
maps :func:`mediakit.score` over the partitions of a Dask DataFrame and
declares the result's ``meta`` (column names and dtypes) from
:func:`mediakit.frame.columns`, so the graph is built without scoring
anything.  Each partition gives exactly the rows :func:`mediakit.score`
gives for the same pandas rows, so ``mediakit.dask.score(ddf).compute()``
equals ``mediakit.score(ddf.compute())``::

    import dask.dataframe as dd
    from dask.distributed import Client
    import mediakit.dask

    client = Client("tcp://scheduler:8786")       # or Client() for a local cluster
    ddf = dd.read_parquet("archive/*.parquet")     # a "text" column, optional "id"
    scores = mediakit.dask.score(ddf)              # lazy: nothing scored yet
    scores.to_parquet("scores/")                   # scored on the workers

The index of the result is the article id (the ``id`` column when there is
one, else the input's index), so its divisions are unknown.  User lexicons
given as paths are loaded once, here, and shipped to the workers as data:
the workers need mediakit installed, not the lexicon files.
"""

from __future__ import annotations

from typing import Any, Mapping

from .frame import TEXT_COLUMNS, columns
from .io import InputError

#: Options of :func:`mediakit.score` that apply per partition.
OPTIONS = ("strip_boilerplate", "tone", "lexicons")


def meta(tone: bool = False):
    """An empty pandas DataFrame with the columns, dtypes and index of a score table."""
    import pandas as pd

    cols = columns(tone)
    data = {c: pd.Series([], dtype=object if c in TEXT_COLUMNS else "float64") for c in cols}
    return pd.DataFrame(data, index=pd.Index([], dtype=object, name="id"))


def _score_partition(part: Any, text_column: str, options: Mapping[str, Any]):
    from .frame import score as score_frame

    out = score_frame(part, text_column=text_column, n_jobs=1, progress=False, **options)
    out.attrs = {}  # attrs do not survive a concatenation of partitions; keep partitions alike
    return out


def score(ddf: Any, *, text_column: str = "text", **options: Any):
    """Score a Dask DataFrame (or Series of texts): a lazy Dask DataFrame, one row per input row.

    ``options`` are those of :func:`mediakit.score` that apply to each
    article: ``strip_boilerplate``, ``tone`` and ``lexicons``.  Rows that
    cannot be analysed keep their place with the reason in ``error``.
    """
    import dask.dataframe as dd

    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise TypeError(f"mediakit.dask.score() got unexpected option(s): {', '.join(unknown)} "
                        f"(accepted: {', '.join(OPTIONS)}; Dask does the parallel work)")
    if isinstance(ddf, dd.Series):
        ddf = ddf.to_frame(name=text_column)
    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"mediakit.dask.score() needs a dask DataFrame or Series, not {type(ddf).__name__}")
    if text_column not in ddf.columns:
        raise InputError(f"dask DataFrame: no text column {text_column!r} "
                         f"(columns: {', '.join(map(str, ddf.columns)) or 'none'})")
    opts = dict(options)
    if opts.get("lexicons"):
        from .core import _resolve_lexicons

        # load user lexicons here (errors surface now) and ship them as data
        opts["lexicons"] = _resolve_lexicons(tuple(opts["lexicons"]), opts["lexicons"])
    return ddf.map_partitions(
        _score_partition,
        text_column=text_column,
        options=opts,
        meta=meta(bool(opts.get("tone", False))),
        clear_divisions=True,
    )
