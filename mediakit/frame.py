"""The DataFrame surface: score tables, evidence tables and comparisons.

:func:`score` returns one row per input, in input order, indexed by article
id.  An input that could not be read or analysed keeps its row: its scores
are empty (``NaN``) and the ``error`` column says why.  Nothing is dropped.

The evidence behind the scores comes as long tables, one row per finding:

* :func:`evidence` -- every span (article id, category, offsets, cue, rule
  and the sentence it sits in);
* :func:`claims` -- the numeric claims (a number, its unit, any
  approximator, and the source it is attributed to);
* :func:`sources` -- the sources each article cites and how often.

:func:`compare` turns a score table into group means (by outlet, by
default) with the number of articles behind each mean, and
:func:`describe_comparison` reads the largest differences out in words.
"""

from __future__ import annotations

import math
import os
from bisect import bisect_left, bisect_right
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Iterable, Iterator, Mapping

from . import __version__
from .core import analyze, lexicon_versions, score_columns
from .io import FailedArticle, _as_path, iter_articles
from .text import sentences as _sentences
from .types import Analysis, Article

META_COLUMNS = ("outlet", "published", "title")
#: Text columns taken from a scorer's details: column -> (scorer, detail key).
LABEL_COLUMNS = {"dominant_frame": ("framing", "dominant_frame")}
#: Every column of a score table that is not a float score.
TEXT_COLUMNS = (*META_COLUMNS, *LABEL_COLUMNS, "error")
#: Articles handed to a worker process at a time.
CHUNK_SIZE = 64
#: Inputs larger than this show a progress bar when ``progress=None``.
PROGRESS_THRESHOLD = 200


def _analysed(item: Article | FailedArticle, options: Mapping[str, Any]) -> tuple[Analysis | None, str | None]:
    """The analysis of one input, or ``None`` and the reason it failed."""
    if isinstance(item, FailedArticle):
        return None, item.error
    try:
        return analyze(item, **options), None
    except Exception as exc:  # a batch must not lose the row
        return None, f"{type(exc).__name__}: {exc}"


def _row_of(item: Article | FailedArticle, analysis: Analysis | None, error: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": item.id,
        "outlet": item.outlet,
        "published": item.published,
        "title": item.title,
        "error": error,
    }
    if analysis is not None:
        row.update(analysis.scores)
        for column, (scorer, key) in LABEL_COLUMNS.items():
            row[column] = (analysis.details.get(scorer) or {}).get(key)
    return row


def _row(item: Article | FailedArticle, options: Mapping[str, Any]) -> dict[str, Any]:
    return _row_of(item, *_analysed(item, options))


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
    return [*META_COLUMNS, *(c.name for c in score_columns(tone)), *LABEL_COLUMNS, "error"]


def rows_to_frame(rows: Iterable[Mapping[str, Any]], *, tone: bool = False):
    import pandas as pd

    cols = columns(tone)
    rows = list(rows)
    df = pd.DataFrame.from_records(rows, columns=["id", *cols])
    for c in cols:
        if c not in TEXT_COLUMNS:
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


# ---------------------------------------------------------------------------
# Evidence tables

#: Columns of :func:`evidence`.
EVIDENCE_COLUMNS = ("article_id", "category", "start", "end", "cue", "rule", "sentence")
#: The fields of a numeric claim (``details["attribution"]["claims"]``), in table order.
CLAIM_FIELDS = ("number", "value", "unit", "approximator", "source", "source_kind", "start", "end")
#: Columns of :func:`sources`.
SOURCE_COLUMNS = ("article_id", "outlet", "source", "kind", "count")
#: The group name given to rows whose grouping value is missing in :func:`compare`.
MISSING_GROUP = "(none)"


def iter_analyses(
    articles: Any,
    *,
    strip_boilerplate: bool = True,
    tone: bool = False,
    lexicons: Mapping[str, Any] | None = None,
    text_column: str | None = None,
) -> Iterator[tuple[Article | FailedArticle, Analysis | None, str | None]]:
    """``(article, analysis, error)`` for every input, in order.

    ``articles`` is anything :func:`score` accepts; :class:`~mediakit.Analysis`
    objects (alone or in a list) are used as they are, not analysed again.
    ``analysis`` is ``None`` and ``error`` says why when an input could not
    be read or analysed.
    """
    options = {"strip_boilerplate": strip_boilerplate, "tone": tone, "lexicons": lexicons}
    for item in _iter_items(articles, text_column):
        if isinstance(item, Analysis):
            yield item.article, item, None
        else:
            yield (item, *_analysed(item, options))


def _iter_items(articles: Any, text_column: str | None) -> Iterator[Any]:
    if isinstance(articles, Analysis):
        yield articles
        return
    if isinstance(articles, (list, tuple)) and any(isinstance(a, Analysis) for a in articles):
        # the same ids iter_articles would give, with analyses passed through
        for n, item in enumerate(articles):
            if isinstance(item, Analysis):
                yield item
            elif isinstance(item, str) and _as_path(item) is None:
                yield Article(id=str(n), text=item)
            else:
                yield from iter_articles(item, text_column=text_column)
        return
    yield from iter_articles(articles, text_column=text_column)


class _SentenceFinder:
    """The sentence(s) of a text that a span overlaps, found by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        segs = _sentences(text)
        self.starts = [s for s, _ in segs]
        self.ends = [e for _, e in segs]

    def __call__(self, start: int, end: int) -> str:
        end = max(end, start + 1)  # an empty span still sits somewhere
        first = bisect_right(self.ends, start)  # first sentence ending after start
        last = bisect_left(self.starts, end) - 1  # last sentence starting before end
        if first > last:
            return ""
        return self.text[self.starts[first] : self.ends[last]]


def _frame(records: list[dict[str, Any]], columns: Iterable[str]):
    import pandas as pd

    return pd.DataFrame.from_records(records, columns=list(columns))


def evidence(articles: Any, **options: Any):
    """The spans behind every score: one row per span.

    Columns: ``article_id``, ``category``, ``start``, ``end``, ``cue``,
    ``rule`` and ``sentence``, the text of the sentence holding the span (of
    all sentences it overlaps, when it crosses a sentence boundary; found
    with :func:`mediakit.text.sentences` over the analysed text, so spans in
    boilerplate get their line).  Rows come in input order, then by
    position.  ``start``/``end`` are offsets into the analysed text:
    ``analysis.text[start:end] == cue``.  Inputs that failed have no rows
    (:func:`score` lists them with their error).  ``options`` are those of
    :func:`iter_analyses` (``strip_boilerplate``, ``tone``, ``lexicons``,
    ``text_column``).
    """
    records: list[dict[str, Any]] = []
    for article, analysis, _ in iter_analyses(articles, **options):
        if analysis is None or not analysis.spans:
            continue
        sentence_of = _SentenceFinder(analysis.text)
        for sp in sorted(analysis.spans, key=lambda s: (s.start, s.end, s.category, s.rule)):
            records.append(
                {
                    "article_id": article.id,
                    "category": sp.category,
                    "start": sp.start,
                    "end": sp.end,
                    "cue": sp.cue,
                    "rule": sp.rule,
                    "sentence": sentence_of(sp.start, sp.end),
                }
            )
    df = _frame(records, EVIDENCE_COLUMNS)
    return df.astype({"start": "int64", "end": "int64"})


def claims(articles: Any, **options: Any):
    """The numeric claims of every article: one row per number.

    Columns: ``article_id``, ``outlet``, then the claim fields
    (:data:`CLAIM_FIELDS`: the number as written, its ``value``, ``unit``,
    the ``approximator`` before it, the ``source`` it is attributed to and
    that source's kind, its offsets), any further fields the attribution
    scorer records, and the ``sentence`` holding the claim.
    """
    records: list[dict[str, Any]] = []
    extra: set[str] = set()
    for article, analysis, _ in iter_analyses(articles, **options):
        found = _details_list(analysis, "claims")
        if not found:
            continue
        sentence_of = _SentenceFinder(analysis.text)
        for claim in found:
            rec = {"article_id": article.id, "outlet": article.outlet}
            rec.update(claim)
            extra.update(k for k in claim if k not in CLAIM_FIELDS)
            start, end = claim.get("start"), claim.get("end")
            rec["sentence"] = sentence_of(start, end) if isinstance(start, int) and isinstance(end, int) else ""
            records.append(rec)
    extra.discard("sentence")
    cols = ["article_id", "outlet", *CLAIM_FIELDS, *sorted(extra), "sentence"]
    return _frame(records, cols)


def sources(articles: Any, **options: Any):
    """The sources each article cites: ``article_id``, ``outlet``, ``source``, ``kind``, ``count``."""
    records: list[dict[str, Any]] = []
    for article, analysis, _ in iter_analyses(articles, **options):
        for src in _details_list(analysis, "sources"):
            records.append({"article_id": article.id, "outlet": article.outlet, "source": src.get("source"),
                            "kind": src.get("kind"), "count": src.get("count")})
    return _frame(records, SOURCE_COLUMNS)


def _details_list(analysis: Analysis | None, key: str) -> list[dict[str, Any]]:
    if analysis is None:
        return []
    found = (analysis.details.get("attribution") or {}).get(key) or []
    return [dict(x) for x in found]


# ---------------------------------------------------------------------------
# Comparisons


def score_column_names(df) -> list[str]:
    """The numeric score columns of a score (or comparison) table, in table order."""
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    skip = {*TEXT_COLUMNS, "n_articles"}
    return [c for c in df.columns if c not in skip and is_numeric_dtype(df[c]) and not is_bool_dtype(df[c])]


def compare(scores, by: str = "outlet", *, columns: Iterable[str] | None = None):
    """Group means of a score table, with the number of articles behind each.

    ``scores`` is a table from :func:`score` (or any DataFrame with a ``by``
    column and numeric columns).  Returns one row per group, sorted by group
    name (rows without a ``by`` value form the group ``"(none)"``), with
    ``n_articles`` (the articles scored without error) and the mean of every
    score column (or of ``columns``).  A mean skips undefined (``NaN``)
    values, such as a rate on an empty body.  Values are not rounded; round
    for display with ``.round(2)``.

    ``attrs["reading"]`` holds :func:`describe_comparison`'s plain-language
    reading; ``attrs`` also keeps the score table's versions.
    """
    import pandas as pd

    if by not in scores.columns:
        raise KeyError(f"compare: no column {by!r} to group by (columns: {', '.join(map(str, scores.columns))})")
    cols = list(columns) if columns is not None else score_column_names(scores)
    missing = [c for c in cols if c not in scores.columns]
    if missing:
        raise KeyError(f"compare: no score column(s) {', '.join(map(repr, missing))}")
    keys = pd.Series([MISSING_GROUP if _missing(v) else str(v) for v in scores[by]], index=scores.index, name=by)
    ok = scores["error"].isna() if "error" in scores.columns else pd.Series(True, index=scores.index)
    groups = sorted(set(keys))
    means = scores[cols].astype(float).groupby(keys, sort=False).mean().reindex(groups)
    n = ok.groupby(keys, sort=False).sum().reindex(groups).astype("int64")
    out = means.copy()
    out.insert(0, "n_articles", n)
    out.index.name = by
    out.attrs = {k: v for k, v in scores.attrs.items() if k != "reading"}
    out.attrs["by"] = by
    out.attrs["reading"] = describe_comparison(out)
    return out


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


#: Units whose values are compared as percentages in readings.
SHARE_UNITS = ("share", "fraction", "proportion")


def format_value(value: float, unit: str = "") -> str:
    """A score for reading: shares as percentages, others with two decimals and their unit."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if unit in SHARE_UNITS:
        return f"{value * 100:.1f}%"
    if unit == "count":
        return f"{value:.1f}"
    return f"{value:.2f} {unit}".strip()


def _column_info() -> dict[str, Any]:
    from .core import score_columns

    try:
        return {c.name: c for c in score_columns(tone=True)}
    except Exception:  # a scorer that cannot be imported must not break a reading
        return {}


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def headline_columns(table) -> list[str]:
    """One score per scorer for a reading: the first documented non-count column the table holds.

    Per-frame columns (``frame_*``) are left to the leading-frame line.
    """
    from .core import active_scorers, scorer_module

    out = []
    for name in active_scorers(tone=True):
        try:
            documented = scorer_module(name).COLUMNS
        except Exception:  # a scorer that cannot be imported must not break a reading
            continue
        for col in documented:
            if col.unit != "count" and col.name in table.columns and not col.name.startswith("frame_"):
                out.append(col.name)
                break
    return out


def _frame_columns_of(table) -> list[str]:
    from .core import scorer_module

    try:
        documented = [c.name for c in scorer_module("framing").COLUMNS]
    except Exception:
        documented = []
    return [c for c in documented if c.startswith("frame_") and c in table.columns] or [
        c for c in table.columns if str(c).startswith("frame_")]


def _extremes(table, col: str, unit: str) -> tuple[float, str] | None:
    values = table[col].dropna()
    if len(values) < 2:
        return None
    hi, lo = float(values.max()), float(values.min())
    if hi == lo:
        return None
    top = _names([str(g) for g in values.index[values == hi]])
    bottom = _names([str(g) for g in values.index[values == lo]])
    spread = (hi - lo) / max(abs(hi), abs(lo))
    return spread, f"{col}: highest for {top} ({format_value(hi, unit)}), lowest for {bottom} ({format_value(lo, unit)})."


def _leading_frames(table, frames: list[str], info: Mapping[str, Any], by: str) -> str | None:
    if not frames:
        return None
    parts = []
    for group, row in table[frames].iterrows():
        values = row.dropna()
        if values.empty or float(values.max()) <= 0:
            parts.append(f"{group} none")
            continue
        top = float(values.max())
        names = [str(c)[len("frame_"):] if str(c).startswith("frame_") else str(c) for c in values.index[values == top]]
        unit = getattr(info.get(str(values.index[values == top][0])), "unit", "")
        parts.append(f"{group} {_names(names)} ({format_value(top, unit)})")
    return f"Leading frame per {by}: " + "; ".join(parts) + "."


def describe_comparison(comparison, *, columns: Iterable[str] | None = None, max_lines: int = 6) -> str:
    """A short plain-language reading of a :func:`compare` table.

    For each scorer's headline score (:func:`headline_columns`), or for each
    of ``columns``, it names the group with the highest and the lowest
    mean; then the leading frame of each group, and how many articles stand
    behind each group.  A table whose columns no scorer documents is read
    on the ``max_lines`` scores that differ most between groups, relative
    to their size.  Counts (words, sentences, lines) are left out unless
    named in ``columns``: they follow article length.  A score table is
    compared by outlet first.
    """
    if "n_articles" not in comparison.columns:
        comparison = compare(comparison)
    by = comparison.attrs.get("by") or comparison.index.name or "group"
    if comparison.empty:
        return "No articles to compare."
    info = _column_info()
    ranked = False
    if columns is not None:
        cols = list(columns)
    else:
        cols = headline_columns(comparison)
        if not cols:
            ranked = True
            cols = [c for c in score_column_names(comparison)
                    if getattr(info.get(c), "unit", "") != "count" and not str(c).startswith("frame_")]
    found = [(spread, order, text) for order, col in enumerate(cols)
             if (line := _extremes(comparison, col, getattr(info.get(col), "unit", ""))) is not None
             for spread, text in [line]]
    if ranked:
        found.sort(key=lambda item: (-item[0], item[1]))
    out = [text for _, _, text in found[:max_lines]]
    if columns is None and (frames := _leading_frames(comparison, _frame_columns_of(comparison), info, by)):
        out.append(frames)
    if not out:
        out.append("No score differs between the groups.")
    counts = ", ".join(f"{g} {int(n)}" for g, n in comparison["n_articles"].items())
    total = int(comparison["n_articles"].sum())
    out.append(f"Articles per {by} ({total} in all): {counts}.")
    if len(comparison) and int(comparison["n_articles"].min()) < 3:
        out.append(f"With fewer than 3 articles for some {by}s, these are examples, not measurements of the {by}s.")
    return "\n".join(out)
