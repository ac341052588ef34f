"""A self-contained HTML report on a set of articles.

:func:`write_report` analyses every article once and writes one HTML file
that opens in any browser without a network: the comparison by outlet with
its plain-language reading, the charts of :mod:`mediakit.plot` as embedded
PNG images, the score table with a glossary of its columns, and every
article with its spans highlighted (:mod:`mediakit.display`).

The file holds no scripts and loads nothing: its style sheet is inline,
images are ``data:`` URIs and a Content-Security-Policy forbids anything
else.  All text is HTML-escaped.  The same input gives the same file, byte
for byte (PNG files are written without a timestamp or software tag).
"""

from __future__ import annotations

import base64
import io
import math
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from . import __version__
from .display import CSS, escape, page, render_fragment
from .frame import _row_of, compare, iter_analyses, rows_to_frame, score_column_names
from .io import FailedArticle
from .types import Analysis, Article

#: Resolution of the embedded charts (dots per inch).
CHART_DPI = 96

REPORT_CSS = CSS + (
    "body{margin:0;background:#fff}"
    ".mk-report{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;max-width:80rem;"
    "margin:0 auto;padding:1rem 1.2rem;line-height:1.45}"
    ".mk-report h1{font-size:1.5rem;margin:.2rem 0}"
    ".mk-report h2{font-size:1.2rem;margin:1.6rem 0 .5rem 0;border-bottom:1px solid #ccc}"
    ".mk-report .mk-note{color:#555;font-size:.85rem}"
    ".mk-report .mk-scroll{overflow-x:auto}"
    ".mk-report table.mk-table{border-collapse:collapse;font-size:.8rem;margin:.4rem 0}"
    ".mk-report table.mk-table th,.mk-report table.mk-table td{border-bottom:1px solid #e3e3e3;padding:.2rem .45rem;"
    "text-align:left;vertical-align:top}"
    ".mk-report table.mk-table caption{text-align:left;font-weight:600;padding:.2rem 0}"
    ".mk-report table.mk-table th,.mk-report table.mk-table td[data-col=outlet],"
    ".mk-report table.mk-table td[data-col=published]{white-space:nowrap}"
    ".mk-report table.mk-table td[data-col=title]{min-width:14rem}"
    ".mk-report table.mk-table td.mk-num{text-align:right;font-variant-numeric:tabular-nums}"
    ".mk-report table.mk-table thead th{background:#f4f4f4;position:sticky;top:0}"
    ".mk-report .mk-reading{background:#f7f7f7;border-left:3px solid #0072b2;padding:.4rem .7rem;margin:.6rem 0;"
    "white-space:pre-wrap}"
    ".mk-report figure{margin:.8rem 0;display:inline-block;vertical-align:top;max-width:100%}"
    ".mk-report figure img{max-width:100%;height:auto;border:1px solid #eee}"
    ".mk-report figcaption{font-size:.8rem;color:#555}"
    ".mk-report details{margin:.5rem 0;border:1px solid #ddd;padding:.3rem .6rem}"
    ".mk-report summary{cursor:pointer;font-weight:600}"
    ".mk-report .mk-failed{color:#a0303a}"
)


def _cell(value: Any, digits: int = 3) -> tuple[str, bool]:
    if value is None:
        return "", False
    if isinstance(value, float):
        if math.isnan(value):
            return "", True
        return f"{value:.{digits}f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value)), True
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return str(value), True
    return str(value), False


def html_table(df: Any, *, table_id: str, caption: str, index_label: str | None = None) -> str:
    """A DataFrame as an escaped HTML table (numbers rounded to 3 decimals)."""
    label = index_label or df.index.name or ""
    head = f"<th>{escape(label)}</th>" + "".join(f'<th scope="col">{escape(c)}</th>' for c in df.columns)
    rows = []
    for idx, rec in zip(df.index, df.itertuples(index=False, name=None)):
        cells = []
        for col, v in zip(df.columns, rec):
            if hasattr(v, "item") and not isinstance(v, (str, bytes)):
                v = v.item()  # numpy scalar
            text, num = _cell(v)
            cells.append(f'<td class="mk-num" data-col="{escape(col)}">{escape(text)}</td>' if num
                         else f'<td data-col="{escape(col)}">{escape(text)}</td>')
        rows.append(f'<tr data-id="{escape(idx)}"><th scope="row">{escape(idx)}</th>{"".join(cells)}</tr>')
    return (f'<div class="mk-scroll"><table class="mk-table" id="{escape(table_id)}"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _glossary(columns: Sequence[str]) -> str:
    from .frame import _column_info

    info = _column_info()
    rows = []
    for name in columns:
        col = info.get(name)
        if col is None:
            continue
        high = "∞" if math.isinf(col.high) else f"{col.high:g}"
        rows.append(f"<tr><th scope=\"row\">{escape(name)}</th><td>{escape(col.unit)}</td>"
                    f"<td>{escape(f'{col.low:g}')}–{escape(high)}</td><td>{escape(col.description)}</td></tr>")
    if not rows:
        return ""
    return ('<details><summary>What the columns mean</summary><table class="mk-table" id="glossary">'
            "<thead><tr><th>score</th><th>unit</th><th>range</th><th>meaning</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></details>")


def chart_png(draw: Callable[..., Any], data: Any, *, size: tuple[float, float], **kwargs: Any) -> bytes:
    """Draw one chart on a fresh figure (no pyplot state) and return it as PNG bytes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=CHART_DPI)
    ax = fig.add_subplot()
    draw(data, ax=ax, **kwargs)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=CHART_DPI, bbox_inches="tight", pad_inches=0.15,
                metadata={"Software": None})
    return buf.getvalue()


def _charts(scores: Any, by: str) -> list[tuple[str, str, bytes | None, str]]:
    """(id, caption, png or None, why not drawn) for each chart."""
    from . import plot

    n_groups = max(1, scores[by].nunique(dropna=False)) if by in scores.columns else 1
    n = len(scores)
    specs = [
        ("chart-outlets", f"Hedging and attribution rates: mean by {by}", plot.plot_outlets, (8.0, 4.2)),
        ("chart-frames", f"Frames: mean by {by}", plot.plot_frames, (8.0, 1.2 + 0.55 * n_groups)),
        ("chart-hedging-attribution", "Hedging against attribution, per article and mean by group",
         plot.plot_hedging_attribution, (7.0, 4.8)),
        ("chart-boilerplate", "Boilerplate share per article", plot.plot_boilerplate,
         (8.0, min(1.6 + 0.32 * n, 40.0))),
    ]
    out = []
    ok_rows = scores[scores["error"].isna()] if "error" in scores.columns else scores
    for cid, caption, draw, size in specs:
        if ok_rows.empty:
            out.append((cid, caption, None, "no article could be scored"))
            continue
        try:
            out.append((cid, caption, chart_png(draw, ok_rows, size=size, by=by), ""))
        except (ValueError, KeyError) as exc:  # the scores this chart needs are not in the table
            out.append((cid, caption, None, str(exc)))
    return out


def build_report(
    articles: Any,
    *,
    title: str = "mediakit report",
    by: str = "outlet",
    strip_boilerplate: bool = True,
    tone: bool = False,
    lexicons: Mapping[str, Any] | None = None,
    text_column: str | None = None,
    charts: bool = True,
) -> str:
    """The report as an HTML string (see :func:`write_report`)."""
    items = iter_analyses(articles, strip_boilerplate=strip_boilerplate, tone=tone, lexicons=lexicons,
                          text_column=text_column)
    return render_report(items, title=title, by=by, tone=tone, charts=charts)


def render_report(
    items: Iterable[tuple[Article | FailedArticle, Analysis | None, str | None]],
    *,
    title: str = "mediakit report",
    by: str = "outlet",
    tone: bool = False,
    charts: bool = True,
) -> str:
    """The report on already analysed inputs: ``(article, analysis, error)`` as from
    :func:`mediakit.frame.iter_analyses`."""
    items = list(items)
    scores = rows_to_frame([_row_of(*it) for it in items], tone=tone)
    comparison = compare(scores, by=by)
    failed = [(a.id, err) for a, an, err in items if an is None]

    lex = ", ".join(f"{k} {v}" for k, v in sorted(scores.attrs.get("lexicons", {}).items())) or "none"
    parts = [
        '<main class="mk-report">',
        f"<h1>{escape(title)}</h1>",
        f'<p class="mk-note">{len(items)} articles ({len(failed)} could not be read or analysed) · '
        f"mediakit {escape(__version__)} · lexicons: {escape(lex)}</p>",
        '<nav class="mk-note"><a href="#comparison">Comparison</a> · <a href="#charts">Charts</a> · '
        '<a href="#scores">Scores</a> · <a href="#articles">Articles</a></nav>',
        f'<section id="comparison"><h2>Comparison by {escape(by)}</h2>',
        html_table(comparison, table_id="comparison-table", caption=f"Mean scores by {by}", index_label=by),
        f'<p class="mk-reading">{escape(comparison.attrs.get("reading", ""))}</p></section>',
    ]
    parts.append('<section id="charts"><h2>Charts</h2>')
    if charts:
        for cid, caption, png, why in _charts(scores, by):
            if png is None:
                parts.append(f'<p class="mk-note" id="{escape(cid)}">{escape(caption)}: not drawn ({escape(why)}).</p>')
                continue
            data = base64.b64encode(png).decode("ascii")
            parts.append(f'<figure id="{escape(cid)}"><img alt="{escape(caption)}" src="data:image/png;base64,{data}">'
                         f"<figcaption>{escape(caption)}</figcaption></figure>")
    else:
        parts.append('<p class="mk-note">Charts left out.</p>')
    parts.append("</section>")
    parts += [
        '<section id="scores"><h2>Scores</h2>',
        '<p class="mk-note">One row per article. Rates are computed on the article body, boilerplate removed; '
        "empty cells are undefined values (such as a rate on an empty body).</p>",
        html_table(scores, table_id="scores-table", caption="Scores per article", index_label="id"),
        _glossary(score_column_names(scores)),
        "</section>",
        '<section id="articles"><h2>Articles</h2>',
        '<p class="mk-note">Hover over a highlighted passage to see its category and the rule that found it.</p>',
    ]
    for article, analysis, error in items:
        label = " · ".join(str(x) for x in (article.id, article.outlet, article.title) if x)
        if analysis is None:
            parts.append(f'<p class="mk-failed" data-article="{escape(article.id)}">{escape(label)}: {escape(error)}</p>')
            continue
        parts.append(f'<details class="mk-article"><summary>{escape(label)}</summary>{render_fragment(analysis)}</details>')
    parts += ["</section>", "</main>"]
    return page(title, "\n".join(parts), css=REPORT_CSS)


def write_report(articles: Any, path: str | Path, **options: Any) -> Path:
    """Write a self-contained HTML report on ``articles`` to ``path``; return the path.

    ``articles`` is anything :func:`mediakit.score` accepts.  Options:
    ``title``, ``by`` (the grouping column, default ``"outlet"``),
    ``strip_boilerplate``, ``tone``, ``lexicons``, ``text_column`` and
    ``charts`` (``False`` leaves the charts out).
    """
    out = Path(path)
    html = build_report(articles, **options)
    out.write_text(html, encoding="utf-8", newline="\n")
    return out
