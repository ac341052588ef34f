"""HTML views of an analysis: the article with its spans highlighted.

:func:`render_html` is what a notebook shows for an
:class:`~mediakit.Analysis` (``_repr_html_``): a legend, the article text
with every span highlighted by category, and the article's scores.
:func:`render_page` wraps the same view in a standalone HTML page
(``Analysis.to_html()``) with its style sheet inline and nothing loaded
from elsewhere.

Escaping
    Every piece of text that reaches the HTML -- the article, cues, rules,
    titles, outlet names, score names -- goes through :func:`html.escape`
    with ``quote=True``, attributes included, so an article holding
    ``<script>`` or markup shows that markup as text.  Standalone pages also
    carry a Content-Security-Policy that forbids scripts and every outside
    resource.

Overlapping spans
    Spans may nest (a hedge inside a quotation) or cross (a quotation that
    starts inside one attribution and ends inside another).  HTML elements
    must nest, so :func:`highlight` sweeps the text from boundary to
    boundary: at each point where some span starts or ends it closes the
    elements that end there (and any opened after them, which it reopens),
    then opens the spans that start there, longest first.  A span cut into
    pieces this way keeps its class and title on every piece.

Line breaks are kept (``white-space: pre-wrap``); each line ending shows as
one break, whichever convention the text uses.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

from .types import Analysis, Span

#: Categories in legend order, with their legend label.  ``frame`` stands for
#: every ``frame.<name>`` category.
CATEGORY_LABELS: dict[str, str] = {
    "boilerplate": "boilerplate (page furniture)",
    "metadata": "metadata (dateline, byline)",
    "hedge": "hedge",
    "approximator": "approximator",
    "booster": "booster",
    "dismissal": "dismissal",
    "attribution": "attribution",
    "quote": "quotation",
    "source": "named source",
    "unnamed_source": "unnamed source",
    "frame": "frame cue",
    "loaded": "loaded wording",
}

#: Which of two spans with the same extent is drawn outside the other
#: (earlier in this tuple: further out).
NESTING_ORDER = ("boilerplate", "metadata", "quote", "attribution", "frame", "source", "unnamed_source",
                 "loaded", "dismissal", "booster", "hedge", "approximator")

# Colours are tints of the Okabe-Ito palette, and every category also
# differs in its underline or weight, so that no distinction rests on
# colour alone.
_CATEGORY_CSS = {
    "boilerplate": "color:#6b6b6b;background:#efefef;",
    "metadata": "color:#6b6b6b;font-style:italic;background:#f5f5f5;",
    "hedge": "background:rgba(230,159,0,.28);border-bottom:2px dotted #b07800;",
    "approximator": "background:rgba(240,228,66,.45);border-bottom:2px dotted #8a7f00;",
    "booster": "background:rgba(213,94,0,.20);border-bottom:2px solid #d55e00;",
    "dismissal": "background:rgba(204,121,167,.30);border-bottom:3px double #a0507a;",
    "attribution": "background:rgba(0,114,178,.16);border-bottom:2px solid #0072b2;",
    "quote": "background:rgba(86,180,233,.14);",
    "source": "background:rgba(0,158,115,.22);font-weight:600;",
    "unnamed_source": "background:rgba(0,158,115,.10);border-bottom:2px dashed #009e73;",
    "frame": "border-bottom:2px solid #555;",
    "loaded": "background:rgba(204,121,167,.16);border-bottom:2px wavy #cc79a7;",
    "other": "border-bottom:1px solid #999;",
}

CSS = (
    ".mk-view{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff;"
    "line-height:1.5;max-width:72rem;padding:.5rem}"
    ".mk-view .mk-head{margin:0 0 .4rem 0}"
    ".mk-view .mk-head h3{margin:0 0 .2rem 0;font-size:1.1rem}"
    ".mk-view .mk-meta{color:#555;font-size:.85rem}"
    ".mk-view .mk-legend{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.8rem;margin:.3rem 0 .6rem 0;"
    "padding:0;list-style:none}"
    ".mk-view .mk-body{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}"
    ".mk-view .mk-text{flex:3 1 30rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.92rem;"
    "border:1px solid #ddd;padding:.6rem .8rem;margin:0}"
    ".mk-view .mk-side{flex:1 1 18rem;font-size:.8rem}"
    ".mk-view table{border-collapse:collapse;margin:0 0 .8rem 0}"
    ".mk-view th,.mk-view td{border-bottom:1px solid #e3e3e3;padding:.15rem .4rem;text-align:left;vertical-align:top}"
    ".mk-view td.mk-num{text-align:right;font-variant-numeric:tabular-nums}"
    ".mk-view table.mk-scores td:last-child{white-space:nowrap}"
    ".mk-view caption{text-align:left;font-weight:600;padding:.2rem 0}"
    ".mk-view .mk{border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone}"
    + "".join(f".mk-view .mk-c-{name}{{{css}}}" for name, css in _CATEGORY_CSS.items())
)

# Characters that end a line but that a browser would not break on, and
# control characters that HTML does not allow; each becomes one character.
_DISPLAY_FIX = {**{ord(c): "\n" for c in "\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"},
                **{c: "\ufffd" for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e"},
                0x7F: "\ufffd"}

_SLUG_RE = re.compile(r"[^a-z0-9_-]+")


def escape(value: Any) -> str:
    """``html.escape(str(value), quote=True)``: safe in text and in quoted attributes."""
    return html.escape(str(value), quote=True)


def _text(value: str) -> str:
    return escape(value.translate(_DISPLAY_FIX))


def family(category: str) -> str:
    """The legend family of a category: ``frame.conflict`` belongs to ``frame``."""
    return "frame" if category.startswith("frame.") else category


def css_class(category: str) -> str:
    """The CSS class of a category (``mk-c-other`` for one mediakit does not know)."""
    fam = family(category)
    return f"mk-c-{fam}" if fam in _CATEGORY_CSS else "mk-c-other"


def span_title(span: Span) -> str:
    """The hover text of a span: its category and the rule that found it."""
    return f"{span.category}: {span.rule}"


def _open_tag(span: Span) -> str:
    return (f'<span class="mk {css_class(span.category)}" data-category="{escape(span.category)}" '
            f'title="{escape(span_title(span))}">')


def _nesting_rank(category: str) -> int:
    fam = family(category)
    return NESTING_ORDER.index(fam) if fam in NESTING_ORDER else len(NESTING_ORDER)


def highlight(text: str, spans: Iterable[Span]) -> str:
    """``text`` as escaped HTML with every span wrapped in a ``<span>``, properly nested.

    Spans outside the text or empty are left out.  See the module notes for
    how overlapping spans are split.
    """
    n = len(text)
    todo = sorted({s for s in spans if 0 <= s.start < s.end <= n},
                  key=lambda s: (s.start, -s.end, _nesting_rank(s.category), s.category, s.rule))
    if not todo:
        return _text(text)
    points = sorted({0, n, *(s.start for s in todo), *(s.end for s in todo)})
    starting: dict[int, list[int]] = {}
    for k, s in enumerate(todo):
        starting.setdefault(s.start, []).append(k)
    out: list[str] = []
    active: set[int] = set()
    stack: list[int] = []  # open elements, outermost first
    for p, nxt in zip(points, points[1:]):
        active = {k for k in active if todo[k].end > p}
        active.update(starting.get(p, ()))
        keep = 0
        while keep < len(stack) and stack[keep] in active:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        del stack[keep:]
        on_stack = set(stack)
        for k in sorted(active - on_stack, key=lambda k: (-todo[k].end, todo[k].start, _nesting_rank(todo[k].category), k)):
            out.append(_open_tag(todo[k]))
            stack.append(k)
        out.append(_text(text[p:nxt]))
    out.append("</span>" * len(stack))
    return "".join(out)


def legend(spans: Sequence[Span]) -> str:
    """The legend: a sample of each category present, with its number of spans."""
    counts = Counter(family(s.category) for s in spans)
    known = [c for c in CATEGORY_LABELS if counts.get(c)]
    other = sorted(c for c in counts if c not in CATEGORY_LABELS)
    if not known and not other:
        return '<p class="mk-legend">No spans found.</p>'
    items = []
    for fam in [*known, *other]:
        label = CATEGORY_LABELS.get(fam, fam)
        cls = f"mk-c-{fam}" if fam in _CATEGORY_CSS else "mk-c-other"
        items.append(f'<li><span class="mk {cls}">{escape(label)}</span> {counts[fam]}</li>')
    return '<ul class="mk-legend" aria-label="legend">' + "".join(items) + "</ul>"


def _format_score(value: Any) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "n/a"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _range(info: Any) -> str:
    if info is None:
        return ""
    hi = "∞" if math.isinf(info.high) else _format_score(float(info.high))
    return f"{_format_score(float(info.low))}–{hi}"


def scores_table(scores: Mapping[str, float], *, caption: str = "Scores") -> str:
    """The scores of one article as a table: name, value and unit; hovering a name shows its meaning and range."""
    from .frame import _column_info

    info = _column_info()
    rows = []
    for name, value in scores.items():
        col = info.get(name)
        meaning = f"{col.description} (range {_range(col)})" if col else name
        rows.append(
            f'<tr data-score="{escape(name)}"><th scope="row" title="{escape(meaning)}">{escape(name)}</th>'
            f'<td class="mk-num">{escape(_format_score(value))}</td>'
            f"<td>{escape(col.unit if col else '')}</td></tr>"
        )
    return (f'<table class="mk-scores"><caption>{escape(caption)}</caption>'
            "<thead><tr><th>score</th><th>value</th><th>unit</th></tr></thead>"
            "<tbody>" + "".join(rows) + "</tbody></table>")


def records_table(records: Sequence[Mapping[str, Any]], columns: Sequence[str], *, caption: str,
                  css: str = "") -> str:
    """A small table of records (claims, sources), every cell escaped."""
    if not records:
        return ""
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for rec in records:
        cells = []
        for c in columns:
            v = rec.get(c)
            num = isinstance(v, (int, float)) and not isinstance(v, bool)
            text = "" if v is None else _format_score(v)
            cells.append(('<td class="mk-num">' if num else "<td>") + escape(text) + "</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cls = f' class="{escape(css)}"' if css else ""
    return f"<table{cls}><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _side_panel(analysis: Analysis) -> str:
    parts = [scores_table(analysis.scores)]
    framing = analysis.details.get("framing") or {}
    if framing.get("dominant_frame"):
        parts.append(f'<p class="mk-dominant">Dominant frame: <strong>{escape(framing["dominant_frame"])}</strong></p>')
    attribution = analysis.details.get("attribution") or {}
    parts.append(records_table(attribution.get("sources") or [], ("source", "kind", "count"),
                               caption="Sources", css="mk-sources"))
    parts.append(records_table(attribution.get("claims") or [], ("number", "unit", "approximator", "source"),
                               caption="Numeric claims", css="mk-claims"))
    return '<div class="mk-side">' + "".join(parts) + "</div>"


def _header(analysis: Analysis) -> str:
    a = analysis.article
    meta = [f"id {a.id}"]
    if a.outlet:
        meta.append(str(a.outlet))
    if a.published:
        meta.append(str(a.published))
    title = f"<h3>{escape(a.title)}</h3>" if a.title else ""
    return f'<div class="mk-head">{title}<div class="mk-meta">{escape(" · ".join(meta))}</div></div>'


def render_fragment(analysis: Analysis) -> str:
    """The view without its style sheet (for pages that carry :data:`CSS` once)."""
    return (
        f'<div class="mk-view" data-article="{escape(analysis.id)}">'
        + _header(analysis)
        + legend(analysis.spans)
        + '<div class="mk-body">'
        + f'<div class="mk-text">{highlight(analysis.text, analysis.spans)}</div>'
        + _side_panel(analysis)
        + "</div></div>"
    )


def render_html(analysis: Analysis) -> str:
    """The highlighted article with legend and scores, as an HTML fragment (for notebooks)."""
    return f"<style>{CSS}</style>" + render_fragment(analysis)


#: Forbids scripts and every outside resource; inline styles and embedded
#: (``data:``) images are all a mediakit page needs.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page(title: str, body: str, *, css: str = CSS) -> str:
    """A self-contained HTML page: inline CSS, no scripts, nothing loaded from elsewhere."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CONTENT_SECURITY_POLICY)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def render_page(analysis: Analysis) -> str:
    """The view of :func:`render_html` as a standalone page."""
    a = analysis.article
    return page(f"mediakit: {a.title or a.id}", render_fragment(analysis))
