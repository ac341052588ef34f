"""Lexicons: versioned word lists shipped as package data.

A lexicon is a UTF-8 text file.  It opens with a header of ``# key: value``
lines, then holds one entry per line as tab-separated fields::

    # mediakit-lexicon: 1
    # name: hedging
    # version: 1.0.0
    # licence: CC-BY-4.0
    # sources: written for mediakit; checked against ...
    # description: epistemic hedges, approximators, boosters and dismissals
    # category hedge: a word or phrase that marks a claim as uncertain
    hedge	reportedly
    hedge	is|are|was|were believed	agentless belief
    approximator	approximately #

Fields: ``category``, ``pattern`` and an optional free-text ``note``.
Blank lines and lines starting with ``#`` after the header are comments.
The header keys ``mediakit-lexicon`` (the format, now ``1``), ``name``,
``version``, ``licence`` and ``sources`` are required.

Pattern syntax (matched case-insensitively, on word boundaries):

* words separated by spaces match words separated by any whitespace;
* ``a|b|c`` inside one word position matches any of the alternatives;
* a trailing ``*`` matches any continuation of the word (``confirm*``);
* ``#`` matches a number (``3,000``, ``3.5``, ``10``) or a number word
  (``dozens``, ``hundreds``, ``thousands``, ``three`` ...);
* ``'`` matches both the straight and the curly apostrophe.

Lexicons are parsed as data: nothing in a lexicon file is executed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

FORMAT_VERSION = "1"
REQUIRED_KEYS = ("mediakit-lexicon", "name", "version", "licence", "sources")

#: A number in figures or words, as matched by ``#`` in a pattern.
NUMBER_PATTERN = (
    r"(?:\d[\d,]*(?:\.\d+)?%?"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"a\s+hundred|a\s+thousand|a\s+dozen|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions|billions))"
    r"(?:\s+(?:hundred|thousand|million|billion))?"
)


class LexiconError(ValueError):
    """A lexicon file that does not follow the format; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    category: str
    pattern: str
    note: str
    line: int

    @property
    def rule(self) -> str:
        """How a span names this entry: ``lexicon:line:pattern``."""
        return self.pattern


@dataclass(frozen=True)
class Lexicon:
    name: str
    version: str
    meta: Mapping[str, str]
    entries: tuple[Entry, ...]
    path: str

    def by_category(self, category: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.category == category)

    @property
    def categories(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for e in self.entries:
            seen.setdefault(e.category, None)
        return tuple(seen)

    def entry_rule(self, entry: Entry) -> str:
        return f"{self.name}:{entry.pattern}"


def parse_lexicon(text: str, origin: str = "<lexicon>", *, categories: Iterable[str] | None = None) -> Lexicon:
    """Parse lexicon text; raise :class:`LexiconError` naming ``origin`` and the line."""
    allowed = set(categories) if categories is not None else None
    meta: dict[str, str] = {}
    entries: list[Entry] = []
    in_header = True
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            if in_header:
                body = line[1:].strip()
                if ":" in body:
                    key, _, value = body.partition(":")
                    key = key.strip().lower()
                    if key in meta:
                        meta[key] = meta[key] + " " + value.strip()
                    else:
                        meta[key] = value.strip()
            continue
        in_header = False
        fields = line.split("\t")
        if len(fields) < 2 or len(fields) > 3:
            raise LexiconError(
                f"{origin}, line {lineno}: expected 'category<TAB>pattern[<TAB>note]', got {line!r}"
            )
        category, pattern = fields[0].strip(), fields[1].strip()
        note = fields[2].strip() if len(fields) == 3 else ""
        if not category or not pattern:
            raise LexiconError(f"{origin}, line {lineno}: empty category or pattern in {line!r}")
        if allowed is not None and category not in allowed:
            raise LexiconError(
                f"{origin}, line {lineno}: unknown category {category!r} (expected one of {sorted(allowed)})"
            )
        try:
            compile_pattern(pattern)
        except (re.error, ValueError) as exc:
            raise LexiconError(f"{origin}, line {lineno}: bad pattern {pattern!r}: {exc}") from None
        entries.append(Entry(category, pattern, note, lineno))
    missing = [k for k in REQUIRED_KEYS if k not in meta]
    if missing:
        raise LexiconError(f"{origin}: header lacks required key(s) {', '.join(missing)}")
    if meta["mediakit-lexicon"] != FORMAT_VERSION:
        raise LexiconError(f"{origin}: unsupported lexicon format {meta['mediakit-lexicon']!r}")
    if not entries:
        raise LexiconError(f"{origin}: no entries")
    return Lexicon(meta["name"], meta["version"], meta, tuple(entries), origin)


_CACHE: dict[str, Lexicon] = {}


def load_lexicon(name_or_path: str | Path, *, categories: Iterable[str] | None = None) -> Lexicon:
    """Load a bundled lexicon by name (``"hedging"``) or a user lexicon from a path."""
    key = str(name_or_path)
    if isinstance(name_or_path, Path) or "/" in key or "\\" in key or key.endswith(".tsv"):
        path = Path(name_or_path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LexiconError(f"{path}: no such lexicon file") from None
        except UnicodeDecodeError as exc:
            raise LexiconError(f"{path}: not UTF-8 text ({exc.reason})") from None
        return parse_lexicon(text, str(path), categories=categories)
    if key not in _CACHE:
        res = resources.files("mediakit.lexicons").joinpath(f"{key}.tsv")
        if not res.is_file():
            raise LexiconError(f"no bundled lexicon named {key!r}")
        _CACHE[key] = parse_lexicon(res.read_text(encoding="utf-8"), f"mediakit/lexicons/{key}.tsv", categories=categories)
    return _CACHE[key]


def bundled_lexicons() -> dict[str, str]:
    """Names and versions of every lexicon shipped with mediakit."""
    out = {}
    for res in sorted(resources.files("mediakit.lexicons").iterdir(), key=lambda r: r.name):
        if res.name.endswith(".tsv"):
            lex = load_lexicon(res.name[:-4])
            out[lex.name] = lex.version
    return out


def _word_regex(word: str) -> str:
    if word == "#":
        return NUMBER_PATTERN
    alts = []
    for alt in word.split("|"):
        if not alt:
            raise ValueError("empty alternative")
        star = alt.endswith("*")
        core = alt[:-1] if star else alt
        if "*" in core:
            raise ValueError("'*' is only allowed at the end of a word")
        if not core:
            raise ValueError("'*' needs a word before it")
        piece = re.sub(r"['’]", "['’]", re.escape(core))
        alts.append(piece + (r"\w*" if star else ""))
    return "(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0]


def pattern_regex(pattern: str) -> str:
    """The regular expression (without flags) for one lexicon pattern."""
    parts = pattern.split()
    if not parts:
        raise ValueError("empty pattern")
    return r"(?<![\w])" + r"\s+".join(_word_regex(p) for p in parts) + r"(?![\w])"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern_regex(pattern), re.IGNORECASE)


def compile_entries(entries: Iterable[Entry]) -> tuple[re.Pattern[str], list[Entry]]:
    """One alternation regex over many entries; ``match.lastgroup`` names the entry.

    Longer patterns are tried first so that "is believed to" wins over
    "believed".  Group ``e<i>`` corresponds to ``entries_sorted[i]``.
    """
    ordered = sorted(entries, key=lambda e: (-len(e.pattern.split()), -len(e.pattern), e.line))
    if not ordered:
        return re.compile(r"(?!x)x"), []
    parts = [f"(?P<e{i}>{pattern_regex(e.pattern)})" for i, e in enumerate(ordered)]
    return re.compile("|".join(parts), re.IGNORECASE), ordered
