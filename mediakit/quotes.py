"""Direct quotations: find them in one linear pass, never run away.

A quotation is a stretch between an opening and a closing double quotation
mark on one line of the article body.  Straight (``"``), curly (``“ ”``),
low (``„``) and angle (``« »``) marks are understood.

How a mark is read
    Curly, low and angle marks say which way they face.  A straight mark is
    read from its neighbours: after a space or an opening bracket and before
    a letter it opens (``say "yes``); after a letter or punctuation and
    before a space or punctuation it closes (``yes," he``).  When the
    neighbours do not decide (``a"b``), it closes an open quotation and
    opens one otherwise.  A closing curly mark after a space and before a
    letter (``”Hello``, a common typesetting slip) opens.

Pairing (rule ids in brackets)
    * An opening mark followed by a closing mark on the same line makes a
      quotation (``quote:direct``, or ``quote:short`` when it holds
      :data:`SHORT_QUOTE_WORDS` words or fewer, as scare quotes do).
    * A second opening mark before any closing mark makes the first one a
      stray mark: it is dropped, and the quotation starts again.
    * A closing mark with nothing open is a stray mark and is dropped.
    * A quotation longer than :data:`MAX_QUOTE_CHARS` characters is dropped:
      a missing mark must not turn a page into one quotation.
    * A quotation never crosses a line break, with one exception: the
      convention of multi-paragraph quotations, where a paragraph ends
      without a closing mark and the next one starts with an opening mark.
      The open quotation then runs to the end of its line
      (``quote:continued``) and the next paragraph's own marks take over.
    * Words such as ``titled``, ``slogan`` or ``the phrase`` right before
      the opening mark make the quotation a title or a name, not a
      quotation: it is skipped (the words come from the ``quote_title``
      category of the attribution lexicon).

Every mark is looked at once, so the pass is linear in the number of marks,
whatever their arrangement.
"""

from __future__ import annotations

import re
from typing import Collection, Iterable, NamedTuple, Sequence

#: A quotation longer than this (characters, marks included) is treated as unbalanced marks.
MAX_QUOTE_CHARS = 2000
#: Quotations of at most this many words are "short" (scare quotes, single terms).
SHORT_QUOTE_WORDS = 2
#: How far before an opening mark the title words are looked for (characters).
TITLE_WINDOW = 40

QUOTE_MARKS_RE = re.compile(r"[\"“”„«»]")
_OPENERS = "“„«"
_CLOSERS = "”»"
_OPEN_LEFT = "([{—–-/‘'"
_CLOSE_RIGHT = ".,;:!?)]}—–-…'’"


class Quote(NamedTuple):
    """One quotation: offsets include the marks; ``rule`` as in the module docstring."""

    start: int
    end: int
    rule: str
    words: int


def _opens_line(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` begins with an opening quotation mark."""
    if start >= end:
        return False
    ch = text[start]
    if ch in _OPENERS:
        return True
    return ch == '"' and start + 1 < end and not text[start + 1].isspace()


def _direction(text: str, i: int, start: int, end: int, is_open: bool) -> bool:
    """True if the mark at ``i`` opens a quotation, False if it closes one."""
    ch = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if ch in _OPENERS:
        return True
    if ch in _CLOSERS:
        return not is_open and prev.isspace() and nxt.isalnum()
    left_open = prev.isspace() or prev in _OPEN_LEFT
    right_close = nxt.isspace() or nxt in _CLOSE_RIGHT
    if left_open and not right_close:
        return True
    if right_close and not left_open:
        return False
    return not is_open


def _word_count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _is_title(text: str, line_start: int, pos: int, titles: Collection[str]) -> bool:
    """Whether the one to three words before ``pos`` are a title word (``titled``, ``the slogan``)."""
    if not titles or pos <= line_start or not (text[pos - 1].isspace() or text[pos - 1] in ",:"):
        return False
    words = text[max(line_start, pos - TITLE_WINDOW):pos].lower().replace("’", "'").split()
    words = [w.strip(",:") for w in words[-3:]]
    return any(" ".join(words[-k:]) in titles for k in (1, 2, 3) if len(words) >= k)


def find_quotes(
    text: str,
    segments: Sequence[tuple[int, int]],
    *,
    titles: Collection[str] = (),
) -> list[Quote]:
    """All quotations in the given line segments, in text order.

    ``segments`` are ``(start, end)`` lines without line breaks (the article
    body); ``titles`` are lower-case words and phrases that, right before an
    opening mark, make the quotation a title (``titled``, ``the slogan``).
    """
    out: list[Quote] = []
    n = len(segments)
    for k in range(n):
        s, e = segments[k]
        open_at = -1
        for m in QUOTE_MARKS_RE.finditer(text, s, e):
            i = m.start()
            if _direction(text, i, s, e, open_at >= 0):
                open_at = i  # an earlier unclosed mark was stray
                continue
            if open_at < 0:
                continue  # stray closing mark
            qs, qe = open_at, i + 1
            open_at = -1
            if qe - qs > MAX_QUOTE_CHARS:
                continue
            if _is_title(text, s, qs, titles):
                continue
            words = _word_count(text, qs + 1, qe - 1)
            out.append(Quote(qs, qe, "quote:short" if words <= SHORT_QUOTE_WORDS else "quote:direct", words))
        if open_at >= 0 and k + 1 < n and e - open_at <= MAX_QUOTE_CHARS:
            ns, ne = segments[k + 1]
            if _opens_line(text, ns, ne):
                if not _is_title(text, s, open_at, titles):
                    out.append(Quote(open_at, e, "quote:continued", _word_count(text, open_at + 1, e)))
    return out


def quote_ranges(quotes: Iterable[Quote]) -> tuple[list[int], list[int]]:
    """Starts and ends of quotations, for :func:`inside`."""
    starts, ends = [], []
    for q in quotes:
        starts.append(q.start)
        ends.append(q.end)
    return starts, ends


def inside(starts: list[int], ends: list[int], offset: int) -> int:
    """Index of the quotation that contains ``offset`` (marks excluded), or -1."""
    from bisect import bisect_right

    i = bisect_right(starts, offset) - 1
    if i >= 0 and starts[i] < offset < ends[i] - 1:
        return i
    return -1
