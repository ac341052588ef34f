"""HTML input: the page's visible text, and the article trafilatura finds in it.

:func:`visible_text` turns a page into text the way a reader sees it: one
line per block element (paragraph, heading, list item, table row, ...),
inline elements joined, runs of whitespace collapsed, and nothing from
``<head>``, scripts, styles, templates, SVG or elements marked hidden.
:func:`extract_page` adds the article as trafilatura extracts it (offline,
from the markup alone).  :mod:`mediakit.boilerplate` then labels each
visible line: body when trafilatura kept it, boilerplate otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Elements whose content is never visible.
INVISIBLE_TAGS = frozenset({"head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
                            "map", "audio", "video", "select", "option", "input", "textarea"})
#: Elements that start a new line of visible text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "legend", "menu",
})
#: Lines shorter than this must match a kept line exactly to count as article.
SUBSTRING_MIN_CHARS = 30

_MARKUP_START_RE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|li|ul|ol|body|head|article|section|table|td|tr|img|meta|script|"
                     r"style|nav|header|footer|main|figure|em|strong|b|i)\b[^>]*>", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_WS_RE = re.compile(r"\s+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def is_html(text: str, source: str | None = None) -> bool:
    """Whether the input is HTML: a ``.html``/``.htm`` source, or text that is clearly markup
    (it opens with a doctype or ``<html>``, or holds at least 5 HTML tags including closing ones)."""
    if source is not None and str(source).lower().endswith((".html", ".htm")):
        return True
    if "<" not in text:
        return False
    if _MARKUP_START_RE.match(text[:2000]):
        return True
    closing = 0
    total = 0
    for m in _TAG_RE.finditer(text):
        total += 1
        closing += m.group().startswith("</")
        if total >= 5 and closing >= 2:
            return True
    return False


def normalise(s: str) -> str:
    """Whitespace collapsed, lower case: how lines are compared with the extracted article."""
    return _WS_RE.sub(" ", s).strip().lower()


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def visible_text(markup: str) -> str:
    """The visible text of an HTML page, one line per block element."""
    import lxml.html

    markup = _XML_DECL_RE.sub("", markup)
    if not markup.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(markup)
    except Exception:  # lxml raises ParserError for documents without elements
        return ""
    out: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        line = _WS_RE.sub(" ", "".join(cur)).strip()
        if line:
            out.append(line)
        cur.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in INVISIBLE_TAGS or _hidden(el):  # comments, processing instructions, hidden
            if el.tail:
                cur.append(el.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
        if el.text:
            cur.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            cur.append(el.tail)

    walk(root)
    flush()
    return "\n".join(out)


@dataclass(frozen=True)
class Page:
    """A page's visible text and the article found in it."""

    text: str
    article_text: str | None
    article_lines: frozenset[str]
    title: str | None
    date: str | None
    author: str | None


def extract_page(markup: str) -> Page:
    """Visible text plus trafilatura's article (text, title, date, author)."""
    import trafilatura

    text = visible_text(markup)
    doc = None
    if text:
        try:
            doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                              include_tables=True, include_images=False)
        except Exception:  # a page trafilatura cannot parse: no article found
            doc = None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        return Page(text, None, frozenset(), None, None, None)
    norm = normalise(body)
    kept = frozenset(normalise(x) for x in body.splitlines() if x.strip())
    return Page(text, norm, kept, getattr(doc, "title", None) or None, getattr(doc, "date", None) or None,
                getattr(doc, "author", None) or None)


def in_article(line_norm: str, kept: frozenset[str], article_norm: str | None) -> bool:
    """Whether a (normalised) visible line belongs to the extracted article."""
    if not article_norm:
        return False
    if line_norm in kept:
        return True
    return len(line_norm) >= SUBSTRING_MIN_CHARS and line_norm in article_norm
