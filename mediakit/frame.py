"""The DataFrame surface: score tables for many articles.

:func:`score` returns one row per input, in input order, indexed by article
id.  An input that could not be read or analysed keeps its row: its scores
are empty (``NaN``) and the ``error`` column says why.  Nothing is dropped.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Iterable, Iterator, Mapping

from . import __version__
from .core import analyze, lexicon_versions, score_columns
from .io import FailedArticle, iter_articles
from .types import Analysis, Article

META_COLUMNS = ("outlet", "published", "title")
#: Articles handed to a worker process at a time.
CHUNK_SIZE = 64
#: Inputs larger than this show a progress bar when ``progress=None``.
PROGRESS_THRESHOLD = 200


def _row(item: Article | FailedArticle, options: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": item.id,
        "outlet": item.outlet,
        "published": item.published,
        "title": item.title,
        "error": None,
    }
    if isinstance(item, FailedArticle):
        row["error"] = item.error
        return row
    try:
        analysis = analyze(item, **options)
    except Exception as exc:  # a batch must not lose the row
        row["error"] = f"{type(exc).__name__}: {exc}"
        return row
    row.update(analysis.scores)
    return row


def _rows_chunk(chunk: list[Article | FailedArticle], options: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [_row(item, options) for item in chunk]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _n_workers(n_jobs: int) -> int:
    cpus = os.cpu_count() or 1
    if n_jobs is None or n_jobs == 0:
        return 1
    if n_jobs < 0:
        return max(1, cpus + 1 + n_jobs)
    return n_jobs


def iter_rows(
    items: Iterable[Article | FailedArticle],
    *,
    n_jobs: int = 1,
    options: Mapping[str, Any] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[dict[str, Any]]:
    """Score rows for ``items``, in order, lazily; parallel across processes when ``n_jobs != 1``."""
    opts = dict(options or {})
    workers = _n_workers(n_jobs)
    if workers == 1:
        for item in items:
            yield _row(item, opts)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        chunks = _chunks(items, chunk_size)
        # keep a bounded number of chunks in flight so memory stays flat
        for chunk in islice(chunks, workers * 2):
            pending.append(pool.submit(_rows_chunk, chunk, opts))
        while pending:
            done = pending.pop(0)
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.submit(_rows_chunk, nxt, opts))
            yield from done.result()


def columns(tone: bool = False) -> list[str]:
    """The columns of a score table, in order (the index, ``id``, excluded)."""
    return [*META_COLUMNS, *(c.name for c in score_columns(tone)), "error"]


def rows_to_frame(rows: Iterable[Mapping[str, Any]], *, tone: bool = False):
    import pandas as pd

    cols = columns(tone)
    rows = list(rows)
    df = pd.DataFrame.from_records(rows, columns=["id", *cols])
    for c in cols:
        if c not in (*META_COLUMNS, "error"):
            df[c] = df[c].astype(float)
    df = df.set_index("id")
    df.attrs["mediakit_version"] = __version__
    df.attrs["lexicons"] = lexicon_versions(tone)
    return df


def score(
    articles: Any,
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    strip_boilerplate: bool = True,
    tone: bool = False,
    lexicons: Mapping[str, Any] | None = None,
    text_column: str | None = None,
):
    """Score articles into a DataFrame: one row per input, index = article id.

    ``articles`` is anything :func:`mediakit.iter_articles` accepts: a folder,
    a text, CSV, JSON Lines or Parquet file, a DataFrame, an article or a list
    of them.  ``n_jobs=-1`` uses every core; the rows come back in the same
    order with the same values as with ``n_jobs=1``.  ``progress`` shows a
    tqdm bar (``None``: only for more than :data:`PROGRESS_THRESHOLD` inputs
    of known length).  Columns: ``outlet``, ``published``, ``title``, every
    score (see :func:`mediakit.score_columns`) and ``error``.
    ``DataFrame.attrs`` records the mediakit and lexicon versions.
    """
    if isinstance(articles, Analysis):
        articles = articles.article
    items = list(iter_articles(articles, text_column=text_column))
    options = {"strip_boilerplate": strip_boilerplate, "tone": tone, "lexicons": lexicons}
    if lexicons:  # fail early (before any scoring) on a bad lexicon
        from .core import _resolve_lexicons

        _resolve_lexicons(tuple(lexicons), lexicons)
    rows: Iterable[dict[str, Any]] = iter_rows(items, n_jobs=n_jobs, options=options)
    show = progress if progress is not None else len(items) > PROGRESS_THRESHOLD
    if show:
        from tqdm.auto import tqdm

        rows = tqdm(rows, total=len(items), unit="article", desc="mediakit")
    return rows_to_frame(rows, tone=tone)
