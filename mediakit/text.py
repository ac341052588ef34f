"""Offset-preserving segmentation: lines, paragraphs, sentences and words.

mediakit never rewrites the text it is given.  Every segment is a pair of
character offsets ``(start, end)`` into the original string, so a span
found anywhere can be shown in the text the user pasted or loaded.

Line endings
    ``\\r\\n`` (Windows), ``\\r`` (old Mac), ``\\n`` (Unix) and the Unicode
    line and paragraph separators all end a line.  Instead of replacing them
    in the text, the segmenter treats them alike when it finds lines, so the
    text keeps its own line endings and no offset map is needed.

Sentences
    A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
    brackets after it) when whitespace and then an opening quote, a capital
    letter or a digit follow, and at every line end.  It does *not* end:

    * after a known abbreviation (``U.S.``, ``U.N.``, ``St.``, ``Dr.``,
      ``Gen.``, ``Jan.`` ... see :data:`ABBREVIATIONS`) or a single initial;
    * inside a quotation that closes later on the same line, so a quotation
      with several sentences stays one unit with its attribution
      (``"We moved. We won," she said.``).  A quotation that never closes on
      its line does not suppress breaks, so a stray quote mark cannot
      swallow the rest of a paragraph.

    Straight (``"``) and curly (``“ ”``) double quotes are both understood.
    This is the rule set of NLTK's Punkt tokenizer with a fixed abbreviation
    list, written as one regular-expression pass so that it needs no trained
    model and runs at hundreds of thousands of sentences per second.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress
from typing import Iterable, Iterator, Sequence

Segment = tuple[int, int]

#: Characters that end a line.
LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")

#: Abbreviations after which a full stop does not end a sentence (lower case,
#: without the final dot).  Multi-part abbreviations such as ``U.S.`` are also
#: caught by the single-letter rule.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt capt cmdr adm sgt maj cpl pvt
    gov sen rep rev hon pres amb supt insp det
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc ltd co corp plc llc bros dept univ assn est approx vs etc al
    no nos vol fig pp ed eds cf ca
    u.s u.n u.k u.s.a e.u d.c a.m p.m e.g i.e
    """.split()
)

#: The last two letters of the abbreviations that end in two letters.
_ABBREVIATION_TAILS = frozenset(a[-2:] for a in ABBREVIATIONS if a[-2:].isalpha())

_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)

# Candidate sentence ends: terminal punctuation, optional closers, whitespace,
# then something that can open a sentence.  The pattern opens with a character
# set, so the regex engine jumps from one punctuation mark to the next instead
# of trying every position; the look-behind comes after that first mark.  It
# also sees the text before the start of a search, so a run that began before
# a segment never ends a sentence inside it.
_BOUNDARY_RE = re.compile(
    r"""([.!?…](?<![.!?…]{2})  # terminal punctuation met from the first mark of a run
        [.!?…]*+)              # (never from inside one: a long run would be retried
                               # from every mark, quadratic), the whole run
        ([\"'”’)\]]*)          # closing quotes or brackets
        [ \t\u00a0]+           # horizontal whitespace
        (?=[\"“‘'(\[]*[A-Z0-9À-ÖØ-ÞΑ-ΩЀ-Я])  # an opener, then a capital (Latin, Greek, Cyrillic) or digit
    """,
    re.VERBOSE,
)

# Double quotation marks.  Straight quotes toggle; curly quotes open/close.
_QUOTE_CHARS_RE = re.compile(r"[\"“”„«»]")


def lines(text: str) -> list[Segment]:
    """All lines as ``(start, end)``, line-break characters excluded."""
    out: list[Segment] = []
    pos = 0
    for m in LINE_BREAK_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def strip_segment(text: str, seg: Segment) -> Segment:
    """Shrink a segment so it starts and ends on a non-space character."""
    start, end = seg
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


_LINE_CONTENT_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")


def nonblank_lines(text: str) -> list[Segment]:
    """The lines that hold visible text, stripped of surrounding spaces."""
    out = []
    for m in _LINE_CONTENT_RE.finditer(text):
        seg = m.group()
        right = len(seg.rstrip())
        if right:
            base = m.start()
            out.append((base + len(seg) - len(seg.lstrip()), base + right))
    return out


def paragraphs(text: str) -> list[Segment]:
    """Runs of non-blank lines separated by one or more blank lines."""
    out: list[Segment] = []
    cur: list[int] | None = None
    for seg in lines(text):
        s = strip_segment(text, seg)
        if s[0] == s[1]:
            if cur is not None:
                out.append((cur[0], cur[1]))
                cur = None
            continue
        if cur is None:
            cur = [s[0], s[1]]
        else:
            cur[1] = s[1]
    if cur is not None:
        out.append((cur[0], cur[1]))
    return out


#: Double quotation marks, as :data:`_QUOTE_CHARS_RE` finds them.
_QUOTE_CHARS = "\"“”„«»"


#: Characters that may end a sentence (the first set of :data:`_BOUNDARY_RE`).
_TERMINALS = ".!?…"


def _offsets_of(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence of ``chars`` in ``text``, each found by
    ``str.find`` (a C scan far faster than the regex engine's)."""
    found: list[int] = []
    for ch in chars:
        k = text.find(ch)
        while k >= 0:
            found.append(k)
            k = text.find(ch, k + 1)
    found.sort()
    return found


#: What most often follows a sentence's full stop and its space: a capital
#: letter or a digit (ASCII), so the break is certain without the regex.
_PLAIN_OPENINGS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

#: A break: (start of the terminal run, its end, end of the closing quotes or
#: brackets = end of the sentence, start of what follows the whitespace).
_Break = tuple[int, int, int, int]


def _breaks_found(text: str, start: int, end: int) -> Iterator[_Break]:
    """The breaks of :data:`_BOUNDARY_RE` in ``text[start:end]``, found by the regex engine."""
    for m in _BOUNDARY_RE.finditer(text, start, end):
        yield m.start(1), m.end(1), m.end(2), m.end()


def _breaks_at(text: str, candidates: list[int], end: int) -> Iterator[_Break]:
    """The breaks of :data:`_BOUNDARY_RE` in a stretch ending at ``end``, tried only
    at ``candidates`` (the offsets of the terminal characters in the stretch).

    A match starts with a terminal character, so these are the matches
    ``finditer`` finds, without the engine stepping through every other
    character; candidates inside a match already found are skipped, as
    ``finditer`` resumes after it.  The commonest break, a lone terminal
    character, one space and an ASCII capital or digit, is recognised
    without the regex: that is exactly what the pattern would match there.
    """
    match = _BOUNDARY_RE.match
    plain = _PLAIN_OPENINGS
    terminals = _TERMINALS
    after = -1
    for k in candidates:
        if k < after:
            continue
        if k + 2 < end and text[k + 1] == " " and text[k + 2] in plain and (k == 0 or text[k - 1] not in terminals):
            after = k + 2
            yield k, k + 1, k + 1, after
            continue
        m = match(text, k, end)
        if m:
            after = m.end()
            yield k, m.end(1), m.end(2), after


def _closed_quote_ranges(text: str, start: int, end: int, marks: list[int] | None = None) -> list[Segment]:
    """Ranges of double quotations that open and close within ``text[start:end]``.

    ``marks`` lists the offsets of the quotation marks in that stretch when the
    caller has them (see :func:`_offsets_of`).
    """
    if marks is None:
        marks = [m.start() for m in _QUOTE_CHARS_RE.finditer(text, start, end)]
    ranges: list[Segment] = []
    open_at = -1
    for k in marks:
        ch = text[k]
        if ch in "“„«":
            open_at = k
        elif ch in "”»":
            if open_at >= 0:
                ranges.append((open_at, k + 1))
            open_at = -1
        else:  # straight quote toggles
            if open_at >= 0 and text[open_at] == '"':
                ranges.append((open_at, k + 1))
                open_at = -1
            else:
                open_at = k
    return ranges


def _inside_quote(quotes: list[Segment], quote_starts: list[int], punct_start: int, cut: int) -> bool:
    """Whether a break at ``punct_start``..``cut`` lies inside a closed quotation.

    The ranges do not overlap and are sorted, so only the last one opening
    before ``punct_start`` can contain it (a bisection, not a scan: a long
    line with many quotations stays linear).
    """
    i = bisect_left(quote_starts, punct_start) - 1
    return i >= 0 and cut <= quotes[i][1] - 1


def _is_abbreviation(text: str, dot: int, line_start: int) -> bool:
    """Whether the full stop at ``dot`` belongs to an abbreviation."""
    lo = max(line_start, dot - 24)
    k = text.rfind(" ", lo, dot)
    word = text[k + 1 if k >= 0 else lo : dot]
    if word.isalpha():  # the common case: a plain word, the last token as it stands
        token = word.lower()
        if len(token) > 8:
            return False
        return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())
    chunk = text[lo:dot].rsplit(None, 1)
    if not chunk:
        return False
    token = chunk[-1].lstrip("\"“‘'([").lower()
    if not token or len(token) > 8:
        return False
    if token in ABBREVIATIONS:
        return True
    # single letters and dotted initials: "J.", "U.S", "D.P.R.K"
    if "." not in token:
        return len(token) == 1 and token.isalpha()
    return all(len(p) == 1 and p.isalpha() for p in token.split("."))


def sentences_in(text: str, start: int, end: int) -> list[Segment]:
    """Sentences of one line (or any stretch without line breaks)."""
    out: list[Segment] = []
    _sentences_into(text, start, end, None, None, out)
    return out


def _sentences_into(
    text: str, start: int, end: int, marks: list[int] | None, candidates: list[int] | None, out: list[Segment]
) -> None:
    """Append the sentences of ``text[start:end]`` to ``out``.

    ``marks`` lists the offsets of the double quotation marks in the stretch
    (None: not known, looked up when a break needs it); most lines have
    none, and then no break can lie inside a quotation.  ``candidates``
    lists the offsets of its terminal characters (None: the regex finds
    the breaks itself).
    """
    end = min(end, len(text))
    quotes: list[Segment] | None = None
    quote_starts: list[int] = []
    pos = start
    found = _breaks_found(text, start, end) if candidates is None else _breaks_at(text, candidates, end)
    tails = _ABBREVIATION_TAILS
    for punct_start, punct_end, cut, nxt in found:
        if punct_end - punct_start == 1 and text[punct_start] == ".":
            # A word whose last two letters end no abbreviation needs no
            # further look (its lower-cased form cannot be one of them).
            tail = text[punct_start - 2 : punct_start]
            if not (punct_start - 2 >= start >= 0 and tail.isalpha() and tail.lower() not in tails):
                if _is_abbreviation(text, punct_start, start):
                    continue
        if marks is None or marks:
            if quotes is None:
                quotes = _closed_quote_ranges(text, start, end, marks)
                quote_starts = [qs for qs, _ in quotes]
            if quotes and _inside_quote(quotes, quote_starts, punct_start, cut):
                continue  # inside a quotation that closes later on this line
        if pos < cut and not text[pos].isspace() and not text[cut - 1].isspace():
            out.append((pos, cut))  # already stripped: the common case
        else:
            _append_stripped(text, pos, cut, out)
        pos = nxt
    if 0 <= pos < end and not text[pos].isspace() and not text[end - 1].isspace():
        out.append((pos, end))  # already stripped: the common case
    else:
        _append_stripped(text, pos, end, out)


def _append_stripped(text: str, start: int, end: int, out: list[Segment]) -> None:
    piece = text[start:end]
    right = len(piece.rstrip())
    if right:
        out.append((start + len(piece) - len(piece.lstrip()), start + right))


def sentences(text: str, within: Iterable[Segment] | None = None) -> list[Segment]:
    """All sentences of ``text`` (or of the given line segments)."""
    segs = nonblank_lines(text) if within is None else within
    out: list[Segment] = []
    marks = _offsets_of(text, _QUOTE_CHARS)
    terminals = _offsets_of(text, _TERMINALS)
    for s, e in segs:
        i = bisect_left(terminals, s)
        candidates = terminals[i : bisect_left(terminals, e, i)]
        if marks:
            i = bisect_left(marks, s)
            _sentences_into(text, s, e, marks[i : bisect_left(marks, e, i)], candidates, out)
        else:
            _sentences_into(text, s, e, marks, candidates, out)
    return out


def words(text: str, within: Iterable[Segment] | None = None) -> list[Segment]:
    """Word tokens: runs of letters and digits, with inner apostrophes,
    hyphens and dots kept (``Kyiv’s``, ``second-largest``, ``3.5``)."""
    if within is None:
        return _word_spans(text, 0, len(text))
    out: list[Segment] = []
    for s, e in within:
        out.extend(_word_spans(text, s, e))
    return out


_WORD_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})", re.UNICODE)
# The same tokens in a text without an underscore: ``\w`` is ``[^\W_]`` plus
# the underscore, and the regex engine tests ``\w`` faster than the set.  The
# repeats are possessive (nothing follows them, so giving back characters could
# never help a match), which spares the engine its backtracking bookkeeping.
_FAST_WORD_SPLIT_RE = re.compile(r"(\w++(?:[’'\-.]\w++)*+)")


def _word_spans(text: str, start: int, end: int) -> list[Segment]:
    """Word spans of ``text[start:end]``, without a match object per word.

    Splitting on the word pattern (captured) alternates gaps and words; the
    running sum of their lengths gives every offset at C speed.
    """
    piece = text[start:end]
    pieces = (_WORD_SPLIT_RE if "_" in piece else _FAST_WORD_SPLIT_RE).split(piece)
    if len(pieces) == 1:
        return []
    bounds = list(accumulate(map(len, pieces), initial=start))
    return list(zip(bounds[1::2], bounds[2::2]))


#: Characters that never belong to a word (neither ``\w`` nor an inner mark)
#: and are common in text: they are blanked out before the space split.
_SEPARATORS = tuple(',:"“”()?…;—–‘!•\n%$/&')
#: Rarer such characters, blanked out only when a stretch holds something
#: besides words, spaces and the common separators.
_RARE_SEPARATORS = tuple('·«»„[]{}*+=<>@#|~^`\\\t\r\u00a0')
#: The marks a word may hold between letters or digits (``Kyiv’s``, ``3.5``).
_INNER_MARKS = "’'-."


def _blank_separators(stretch: str) -> str | None:
    """``stretch`` with characters that no word holds made spaces, or None.

    Blanked out: the common :data:`_SEPARATORS`, and every inner mark that does not
    stand between two letters or digits (a word holds a mark only there).
    Changing characters that lie in no word leaves the words and their
    offsets as they were.  None when an underscore is left (a word character
    outside words), so that the caller falls back to the word pattern.
    """
    for ch in _SEPARATORS:
        if ch in stretch:
            stretch = stretch.replace(ch, " ")
    if "_" in stretch:
        return None
    if "." in stretch:
        stretch = stretch.replace(". ", "  ")  # the common case: a full stop
    blank: list[int] = []
    last = len(stretch) - 1
    for m in _INNER_MARKS:
        i = stretch.find(m)
        while i >= 0:
            if not (0 < i < last and stretch[i - 1].isalnum() and stretch[i + 1].isalnum()):
                blank.append(i)
            i = stretch.find(m, i + 1)
    if blank:
        blank.sort()
        parts = []
        prev = 0
        for i in blank:
            parts.append(stretch[prev:i])
            prev = i + 1
        parts.append(stretch[prev:])
        stretch = " ".join(parts)
    return stretch


#: The bytes (Latin-1) a blanked stretch may hold: letters, digits, the space
#: and the inner marks (``’`` is mapped to ``'`` before the test).
_WORD_BYTES = bytes(c for c in range(256) if chr(c).isalnum() or chr(c) in " '-.")


def _only_word_characters(blanked: str) -> bool:
    """Whether ``blanked`` holds only letters, digits, spaces and inner marks.

    Tested on its Latin-1 bytes, where deleting the allowed bytes is one C
    table pass; characters beyond Latin-1 (each encoded as ``?``, which is
    blanked out, so any left stands for one of them) are tested as text.
    """
    if "’" in blanked:
        blanked = blanked.replace("’", "'")
    if not blanked.encode("latin-1", "replace").translate(None, _WORD_BYTES):
        return True
    rest = "".join(blanked.split(" "))
    for m in _INNER_MARKS:
        if m in rest:
            rest = rest.replace(m, "")
    return not rest or rest.isalnum()


def _scan_words(source: str, lo: int, hi: int, spans: list[Segment], tokens: list[str]) -> None:
    """Append the word spans of ``source[lo:hi]`` and the words themselves.

    The same tokens as splitting on the word pattern, found by C string
    methods instead of the regex engine: with the characters outside words
    blanked out (:func:`_blank_separators`) and the stretch cut at single
    spaces, every non-empty chunk is one word (``str.isalnum`` is exactly
    ``\\w`` without ``_``), and the running sum of the chunk lengths, one
    space between them, gives the offsets.  A stretch holding anything else
    is split on the word pattern.
    """
    stretch = source[lo:hi]
    blanked = _blank_separators(stretch)
    if blanked is not None and not _only_word_characters(blanked):
        for ch in _RARE_SEPARATORS:
            if ch in blanked:
                blanked = blanked.replace(ch, " ")
        if not _only_word_characters(blanked):
            blanked = None
    if blanked is not None:
        chunks = blanked.split(" ")
        lens = list(map(len, chunks))
        # chunk lengths interleaved with the single spaces between them:
        # running sums give start, end, start, end ... for every chunk
        steps = [1] * (2 * len(lens) - 1)
        steps[::2] = lens
        bounds = accumulate(steps, initial=lo)
        spans.extend(compress(zip(bounds, bounds), lens))
        tokens.extend(compress(chunks, lens))
        return
    pieces = (_WORD_SPLIT_RE if "_" in stretch else _FAST_WORD_SPLIT_RE).split(stretch)
    if len(pieces) > 1:
        bounds = accumulate(map(len, pieces), initial=lo)
        next(bounds)
        spans.extend(zip(bounds, bounds))
        tokens.extend(pieces[1::2])


def _joined_runs(text: str, segs: Iterable[Segment]) -> list[Segment]:
    """Consecutive segments joined where only whitespace separates them.

    No word crosses whitespace and whitespace holds no word, so the words of
    a joined run are those of its segments, found in one pass.
    """
    runs: list[Segment] = []
    lo = hi = -1
    for s, e in segs:
        if e <= s:
            continue  # empty: no words
        if lo >= 0 and s > hi and text[hi:s].isspace():
            hi = e
            continue
        if lo >= 0:
            runs.append((lo, hi))
        lo, hi = s, e
    if lo >= 0:
        runs.append((lo, hi))
    return runs


def _tokenize(text: str, lowered: str, body: Iterable[Segment]) -> tuple[tuple[Segment, ...], list[str]]:
    """The word spans of the body segments and the lower-cased words, in one pass.

    ``lowered`` is ``text.lower()``.  When it has the length of ``text`` (every
    character lower-cases to one), it is scanned instead of ``text``: lower-casing
    never turns a word character into a non-word character or into one of the
    inner marks, or the reverse (true of every Unicode code point), so the
    tokens and their offsets are the same, and the scan hands over the
    lower-cased words without slicing them out one by one.
    """
    same = len(lowered) == len(text)
    source = lowered if same else text
    spans: list[Segment] = []
    tokens: list[str] = []
    for lo, hi in _joined_runs(text, body):
        _scan_words(source, lo, hi, spans, tokens)
    if not same:
        tokens = [text[s:e].lower() for s, e in spans]
    return tuple(spans), tokens


#: Characters inside a line after which a lexicon cue may start although no
#: space precedes it (dashes, a slash, a no-break space, a tab); rare in text,
#: so they are found with ``str.find`` rather than in a scanning regex.
CUE_LEADS = "—–/\u00a0\t"


def matches_after_leads(low: str, anchored: "re.Pattern[str]", lo: int, hi: int) -> list[Segment]:
    """Spans of ``anchored`` matched right after each :data:`CUE_LEADS` character in ``low[lo:hi]``."""
    found: list[Segment] = []
    for ch in CUE_LEADS:
        k = low.find(ch, lo, hi)
        while k >= 0:
            m = anchored.match(low, k + 1, hi)
            if m:
                found.append(m.span())
            k = low.find(ch, k + 1, hi)
    return found


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD_RE.finditer(text))


@dataclass(frozen=True)
class Document:
    """A text segmented once and shared by every scorer.

    ``body`` lists the line segments that scorers analyse (all non-blank
    lines, or only the article body when boilerplate is stripped).
    Sentences and words are computed lazily, once, within the body.
    """

    text: str
    body: tuple[Segment, ...]

    @classmethod
    def from_text(cls, text: str) -> "Document":
        return cls(text, tuple(nonblank_lines(text)))

    @cached_property
    def sentences(self) -> tuple[Segment, ...]:
        return tuple(sentences(self.text, self.body))

    @cached_property
    def lower_text(self) -> str:
        """``text.lower()``, computed once and shared by the scorers.

        It has the length of ``text`` (so offsets carry over) unless some
        character lower-cases to several (``İ``); check before relying on it.
        """
        return self.text.lower()

    @cached_property
    def _tokens(self) -> tuple[tuple[Segment, ...], list[str]]:
        return _tokenize(self.text, self.lower_text, self.body)

    @cached_property
    def words(self) -> tuple[Segment, ...]:
        return self._tokens[0]

    @cached_property
    def lower_words(self) -> list[str]:
        """The body's word tokens, lower-cased, in the order of ``words`` (shared by scorers)."""
        return self._tokens[1]

    @cached_property
    def body_chars(self) -> int:
        return sum(e - s for s, e in self.body)

    @cached_property
    def n_words(self) -> int:
        # The default pipeline needs the word spans anyway (framing reads
        # them), and finding them costs little more than counting them, so
        # one pass serves both.
        return len(self.words)

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the nearest before it); -1 if none."""

        starts = self._sentence_starts
        i = bisect_right(starts, offset) - 1
        return i

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def segment_text(self, seg: Segment) -> str:
        return self.text[seg[0] : seg[1]]

    def iter_body_text(self) -> Sequence[str]:
        return [self.text[s:e] for s, e in self.body]
