"""Numeric claims: numbers together with what they count.

A numeric claim is a number in figures (``11,000``, ``3.5 million``,
``40%``, ``$1.3 billion``) or in words (``three generals``) with the noun
phrase after it (its *unit*: ``North Korean soldiers``, ``artillery
shells``, ``the territory``) and the approximator before it
(``approximately``, ``as many as``, ``up to`` ...).  The attribution
scorer adds the source of the sentence, so a table of claims shows which
article reported which figure on whose authority.

Numbers that are not claims are skipped (rule names in brackets):

* dates: a day next to a month name (``October 23``, ``24 November``), a
  year (a four-digit number from 1800 to 2099), decades (``1990s``)
  [claims:date];
* times (``10:30``, ``3 p.m.``) [claims:time];
* ordinals (``23rd``), ages and compounds (``45-year-old``, ``Hwasong-19``,
  ``G7``), numbers after ``aged`` / ``age`` and ages between commas
  (``Ana Lopez, 34, a nurse``) [claims:not-a-count];
* labels after a word such as ``Article``, ``Resolution``, ``Flight`` or
  ``day`` (``Article 5``, ``Resolution 2231``) and index names in capitals
  (``S&P 500``, ``FTSE 100``) [claims:identifier];
* the second number of a range whose first number was skipped
  (``aged 5 to 11``, ``from 2018 to 2021``).

Number words need a unit after them (``two units``), so that ``one of the``
or ``two and a half`` are not claims.
"""

from __future__ import annotations

import re
from typing import Any

#: How far before a number the approximator is looked for (characters).
APPROXIMATOR_WINDOW = 30
#: At most this many words make the unit.
MAX_UNIT_WORDS = 4

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
MULTIPLIERS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
}
#: Number words and their values (matched by the attribution scorer's cue pass).
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
}  # fmt: skip
#: Words before a number that make it a label, not a count.
IDENTIFIER_WORDS = frozenset(
    "article section resolution flight route chapter page vol no no. number room level phase act title episode "
    "season game round stage grade class type model version category gate platform highway interstate "
    "aged age ages day week year size".split()
)
#: Words that end a unit (function words and verbs that follow a count).
UNIT_STOP = frozenset(
    """a an the and or but nor of in on at by for from to with into onto over under between among during before
    after since until than as that which who whom whose where when while is are was were be been being has have
    had will would can could may might must shall should do does did it its this these those they he she we there
    each every also not no more less per just only about around some within across against along through toward
    towards amid despite like via if so yet""".split()
)

_NUMBER_RE = re.compile(
    r"(?P<num>\d(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?)"
    r"(?P<mult>\s?(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|m|k)\b)?"
    r"(?P<pct>\s?(?:%|percent\b|per\s+cent\b))?"
)
_CURRENCY = "$€£¥"
_NOT_BEFORE = ".,/:-–_"
_INDEX_BEFORE_RE = re.compile(r"(?<![\w&])(?:[A-Z]{2,5}|[A-Z]+&[A-Z]+)\s\Z")
_TIME_AFTER_RE = re.compile(r"\s?(?:[ap]\.?m\.?(?![\w])|o[’']clock|GMT|UTC|BST|EST|EDT|CET|hrs\b|ET\b|PT\b)")
_RANGE_AFTER_RE = re.compile(r"\s*(?:to|and|-|–|—)\s*\d[\d,]*")
_WORD_BEFORE_RE = re.compile(r"([\w.’']+)[\s.]*\Z")
_UNIT_WORDS_RE = re.compile(r"(?:[ \t\u00a0]+[A-Za-z][\w’'\-]*){1,8}")
_MULT_WORD_RE = re.compile(r"\s+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


def _word_before(text: str, line_start: int, pos: int) -> str:
    m = _WORD_BEFORE_RE.search(text, max(line_start, pos - 24), pos)
    return m.group(1).lower() if m else ""


def unit_after(text: str, pos: int, line_end: int, *, percent: bool = False) -> str:
    """The noun phrase a number counts: up to :data:`MAX_UNIT_WORDS` words after ``pos``."""
    m = _UNIT_WORDS_RE.match(text, pos, line_end)
    if not m:
        return ""
    words = m.group().split()
    lead: list[str] = []
    if percent and words and words[0].lower() == "of":
        words = words[1:]
        if words and words[0].lower() == "the":
            lead, words = words[:1], words[1:]
    out: list[str] = []
    for w in words:
        lw = w.lower()
        if lw in UNIT_STOP or (lw.endswith("ly") and w.islower()):
            break
        if out and w.islower() and (lw.endswith("ed") or lw.endswith("ing")):
            break
        out.append(w)
        if len(out) >= MAX_UNIT_WORDS:
            break
    return " ".join(lead + out) if out else ""


def approximator_before(text: str, line_start: int, pos: int, approx_re: re.Pattern[str] | None) -> str:
    """The approximator right before ``pos`` (``approximately``, ``as many as`` ...), or ''."""
    if approx_re is None:
        return ""
    m = approx_re.search(text, max(line_start, pos - APPROXIMATOR_WINDOW), pos)
    return " ".join(m.group(1).split()) if m else ""


def _parse_value(num: str, mult: str | None) -> float:
    value = float(num.replace(",", ""))
    if mult:
        value *= MULTIPLIERS[mult.strip().lower()]
    return value


def numbers_in(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Numbers in figures in ``text[start:end]`` (one line) that count something.

    Each is a dict with ``start``, ``end`` (the number with its currency,
    multiplier and percent sign), ``text``, ``value`` and ``percent``.
    """
    out: list[dict[str, Any]] = []
    skip_until = -1
    for m in _NUMBER_RE.finditer(text, start, end):
        ns, ne = m.start(), m.end()
        if ns < skip_until:
            continue
        cur = ns > start and text[ns - 1] in _CURRENCY
        if cur:
            ns -= 1
        before_ch = text[ns - 1] if ns > start else " "
        if before_ch.isalnum() or before_ch in _NOT_BEFORE:
            continue  # part of a token: G7, Hwasong-19, 3.5.1, 10:30
        num, mult, pct = m.group("num"), m.group("mult"), m.group("pct")
        nxt = text[ne] if ne < end else " "
        nxt2 = text[ne + 1] if ne + 1 < end else " "
        skip = False
        if nxt.isalnum() or (nxt in "-–" and nxt2.isalnum()) or nxt == "’" or nxt == "'" or (nxt == ":" and nxt2.isdigit()):
            skip = True  # ordinal, compound or decade: 23rd, 45-year-old, 1990s
        elif _TIME_AFTER_RE.match(text, ne, end) and not (mult or pct):
            skip = True
        elif not (mult or pct or cur) and "," not in num and "." not in num and len(num) == 4 and 1800 <= int(num) <= 2099:
            skip = True  # a year
        elif not (mult or pct or cur) and len(num) <= 3 and nxt == "," and text[max(start, ns - 2):ns] == ", ":
            skip = True  # an age in apposition: Ana Lopez, 34, a nurse
        else:
            before = _word_before(text, start, ns)
            after = text[ne:min(end, ne + 12)].split()
            after_word = after[0].lower().rstrip(".,;:") if after else ""
            if not (mult or pct) and (before.rstrip(".") in MONTHS or after_word.rstrip(".") in MONTHS):
                skip = True
            elif before in IDENTIFIER_WORDS or before.rstrip(".") in IDENTIFIER_WORDS:
                skip = True
            elif _INDEX_BEFORE_RE.search(text, max(start, ns - 12), ns):
                skip = True  # an index or a name: S&P 500, FTSE 100
        if skip:
            r = _RANGE_AFTER_RE.match(text, ne, end)
            skip_until = r.end() if r else ne
            continue
        out.append(
            {
                "start": ns,
                "end": ne,
                "text": text[ns:ne],
                "value": _parse_value(num, mult),
                "percent": bool(pct),
            }
        )
    return out


def word_number(text: str, start: int, end: int, line_end: int) -> dict[str, Any] | None:
    """A number written in words at ``text[start:end]`` (``three``, ``a dozen``), with a following multiplier."""
    key = " ".join(text[start:end].lower().split())
    if key not in NUMBER_WORDS:
        return None
    value = float(NUMBER_WORDS[key])
    m = _MULT_WORD_RE.match(text, end, line_end)
    if m:
        value *= MULTIPLIERS[m.group(1).lower()]
        end = m.end()
    return {"start": start, "end": end, "text": text[start:end], "value": value, "percent": False}
