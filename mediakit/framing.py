"""Frames and loaded language: which angles a story takes, and how heated its words are.

A *frame* is the angle from which a story presents its facts (Entman 1993).
mediakit looks for ten of them, defined in ``docs/frames.md`` from the
literature: the five generic news frames of Semetko and Valkenburg (2000)
(conflict, human interest, responsibility, economic consequences, morality)
and five that recur in international and security news (security and
defence, diplomacy, escalation, capacity and resources, legality; after the
Policy Frames Codebook of Boydstun et al. 2014 and the war-journalism
indicators of Lee and Maslog 2005).

Method
    Each frame is detected through the indicator words and phrases of the
    bundled ``frames`` lexicon (one lexicon category per frame).  Every
    match is a span of category ``frame.<name>``; the score ``frame_<name>``
    is the number of those spans per 1,000 body words::

        frame_<name> = 1000 * len(spans of category "frame.<name>") / words

    ``dominant_frame`` (in ``details``, as text) is the frame with the most
    cues, if it has at least :data:`MIN_DOMINANT_CUES` and strictly more
    than any other frame; otherwise ``None`` (no frame stands out).
    Loaded language works the same way with the ``loaded`` lexicon
    (categories ``emotive`` and ``label``): every match is a ``loaded`` span
    and ``loaded_per_1000w = 1000 * len(loaded spans) / words``.

Matching
    Patterns follow the lexicon syntax (:mod:`mediakit.lexicon`) but are
    matched against the body's word tokens (:attr:`Document.words`) rather
    than by one regular expression over the text: a pattern word matches one
    whole token, case-insensitively, with both apostrophes alike, ``*``
    matching any continuation and ``#`` a number.  Hyphenated compounds are
    single tokens, so ``escalat*``-style entries do not fire inside
    ``de-escalation`` and ``trade`` does not fire inside ``trade-off``; list
    such compounds as entries of their own.  A phrase matches only when its
    words are separated by spaces on one line (a dot may follow an
    abbreviation: ``U.N. Security Council``).  Where several entries could
    start at the same token, the longest wins, and a matched token is not
    matched again.  Token lookups are cached per lexicon, so an article
    costs one dictionary lookup per word plus a little work per match.

Context rules (named in the ``rule`` of a span or of a skipped match)
    ``not_a_cue`` (lexicon category)
        names and fixed phrases that contain a frame word but show no frame
        (``Defense Secretary``, ``National Security Council``, ``sanctions
        regime``, ``explosive device``).  They are consumed and reported in
        ``details["skipped"]``, never counted.
    ``rule:name``
        ``security``, ``defence``/``defense``, ``justice`` and the other words
        of :data:`NAME_PRONE` are skipped when capitalised next to another
        capitalised word: they are part of an institution's name
        (``Korea Institute for Defense Analyses``), not a frame.
    ``rule:conditional-should``
        a sentence-initial ``Should`` opens a condition or a question
        (``Should troops enter combat, ...``) and assigns no responsibility.
    ``rule:epistemic-must``
        ``must have`` is a guess (``they must have known``), not an obligation.
    ``rule:negated``
        a loaded word right after a negation (``not``, ``never``, ``no``,
        ``n't``; up to :data:`NEGATION_WINDOW` words before it, within the
        clause) is the writer declining the word (``may not dramatically
        shift``) and is skipped.
    ``rule:currency-amount``
        a number written after a currency sign (``$3.5 billion``) is an
        economic-consequences cue.
    ``rule:age``
        a ``34-year-old``, or an age between commas after a two-word name
        (``Maria Kovalenko, 41, lost ...``): the personal detail of a
        human-interest story.

Limits
    A lexicon approximates a frame; it does not read the article.  It counts
    words where a human coder answers questions about the whole story, it
    cannot tell who speaks (a frame in a quotation counts like the writer's
    own), and it misses frames expressed without its words.  The war itself
    is not a frame: "conflict" as the name of the war, troops, combat and
    weapons are topic words and are deliberately not cues.  See
    ``docs/frames.md``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_, itemgetter
from typing import Any, Iterable, Sequence

from .core import ScoreInfo, ScorerResult
from .lexicon import Lexicon, LexiconError
from .text import Document
from .types import Span

NAME = "framing"

#: The frames, in column order; each is a category of the ``frames`` lexicon.
FRAMES = (
    "conflict",
    "human_interest",
    "responsibility",
    "economic_consequences",
    "morality",
    "security_defence",
    "diplomacy",
    "escalation",
    "capacity_resources",
    "legality",
)
#: Lexicon category for phrases that contain a cue word but are no evidence.
NOT_A_CUE = "not_a_cue"
#: Categories of the ``loaded`` lexicon that produce ``loaded`` spans.
LOADED_KINDS = ("emotive", "label")

#: A frame needs at least this many cues (and strictly more than every other
#: frame) to be an article's dominant frame.
MIN_DOMINANT_CUES = 3
#: Words that are skipped inside capitalised names (``rule:name``).
NAME_PRONE = frozenset(
    {"security", "defence", "defense", "justice", "relations", "economic", "economy", "trade", "finance",
     "financial", "budget"}
)
#: Words that negate a loaded word right after them (``rule:negated``).
NEGATORS = frozenset({"not", "no", "never", "hardly", "nor", "without", "nothing", "barely"})
#: How many words before a loaded word a negation is looked for.
NEGATION_WINDOW = 2
#: Largest number read as an age after a name (``rule:age``).
MAX_AGE = 110
#: Most distinct tokens remembered before the token lookup cache starts afresh.
TOKEN_CACHE_SIZE = 200_000

_FRAME_DESCRIPTIONS = {
    "conflict": "disagreement, reproach, accusation or threat between parties (Semetko & Valkenburg 2000)",
    "human_interest": "people affected, families, victims, emotions (Semetko & Valkenburg 2000)",
    "responsibility": "blame, accountability and calls for action (Semetko & Valkenburg 2000)",
    "economic_consequences": "costs, money, trade and sanctions (Semetko & Valkenburg 2000)",
    "morality": "moral, ethical or religious judgement (Semetko & Valkenburg 2000)",
    "security_defence": "threats, defence and deterrence (Boydstun et al. 2014, security and defense)",
    "diplomacy": "negotiation, envoys, treaties, alliances, international bodies (Boydstun et al. 2014)",
    "escalation": "the conflict widening or intensifying (Lee & Maslog 2005)",
    "capacity_resources": "availability or lack of people, materiel or money (Boydstun et al. 2014)",
    "legality": "law, legitimacy, violations and courts (Boydstun et al. 2014)",
}

COLUMNS = tuple(
    ScoreInfo(f"frame_{f}", "per 1,000 words", 0.0, math.inf, f"{f.replace('_', ' ')} frame cues: {d}")
    for f, d in _FRAME_DESCRIPTIONS.items()
) + (
    ScoreInfo("loaded_per_1000w", "per 1,000 words", 0.0, math.inf,
              "sensational or emotive wording and loaded labels"),
)
LEXICONS = ("frames", "loaded")

_MODALS = frozenset({"should", "must"})
_RULE_CURRENCY = -1
_RULE_AGE = -2
_RULE_AGE_AFTER_NAME = -3
_AGE_NUMBER_RE = re.compile(r"\d{1,3}")
_CURRENCY_SIGNS = "$€£¥"
_SCALE_WORDS = frozenset({"billion", "million", "trillion", "bn", "m"})
_NUMBER_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*")
_AGE_TOKEN_RE = re.compile(r"\d{1,3}-year-old")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred thousand million billion dozen dozens hundreds thousands millions billions".split()
)
# Separators allowed between the words of a phrase: spaces on one line, and
# a dot when the word before is a dotted abbreviation ("U.N. Security").
_GAP_RE = re.compile(r"[ \t\u00a0]+")
_DOT_GAP_RE = re.compile(r"\.?[ \t\u00a0]+")
_OPENERS = "\"“‘'([ \t"
# Characters that end the clause in which a negation is looked for (rule:negated).
_CLAUSE_END_RE = re.compile(r"[.!?;:\n\r]")
#: Order of skipped matches in ``details``: by position.
_SKIPPED_ORDER = itemgetter("start", "end")


def _norm(token: str) -> str:
    """A token as patterns see it: one apostrophe, no possessive ending ("NATO’s" -> "nato")."""
    token = token.replace("’", "'")
    if token.endswith("'s"):
        return token[:-2]
    return token[:-1] if token.endswith("'") else token


@dataclass(frozen=True, slots=True)
class _Word:
    """One word position of a pattern: literal forms, prefixes, or a number.

    ``forms`` holds every raw lower-case token the literals accept (both
    apostrophes, possessive endings), so most checks are one set lookup.
    """

    literals: frozenset[str]
    prefixes: tuple[str, ...]
    number: bool
    forms: frozenset[str]

    @classmethod
    def parse(cls, word: str) -> "_Word":
        if word == "#":
            return cls(frozenset(), (), True, frozenset())
        lits, prefs = set(), []
        for alt in word.lower().split("|"):
            alt = alt.replace("’", "'")
            if alt.endswith("*"):
                prefs.append(_norm(alt[:-1]))
            else:
                lits.add(_norm(alt[:-1] if alt.endswith(".") and len(alt) > 1 else alt))
        forms: set[str] = set()
        for lit in lits:
            for form in (lit, lit.replace("'", "’")):
                forms.update((form, form + "'s", form + "’s", form + "'", form + "’"))
        return cls(frozenset(lits), tuple(prefs), False, frozenset(forms))

    def matches(self, token: str) -> bool:
        """Whether a raw lower-case token fills this position."""
        if token in self.forms:
            return True
        if self.number:
            return _is_number(token)
        if self.prefixes:
            tok = _norm(token)
            return any(tok.startswith(p) for p in self.prefixes)
        return False


def _is_number(token: str) -> bool:
    return token in _NUMBER_WORDS or _NUMBER_TOKEN_RE.fullmatch(token) is not None


@dataclass(frozen=True, slots=True)
class _Pattern:
    category: str
    words: tuple[_Word, ...]
    rule: str
    span_category: str  # the category of its spans: "frame.<name>" or "loaded"
    span_rule: str  # the rule of its spans
    context: bool  # whether a context rule may apply (its first word is name-prone or a modal)


# What a match of a pattern (or code rule) does once found: count it, skip it, or test its context.
_COUNT = 0  # a cue: counted as a span
_SKIP = 1  # a not_a_cue entry: reported as skipped
_CONTEXT = 2  # a frame cue that a context rule may cancel (rule:name, conditional should, epistemic must)
_CURRENCY = 3  # rule:currency-amount: the span takes in the currency sign
_NEGATABLE = 4  # a loaded cue, skipped after a negation (rule:negated)

#: What a match becomes: ``(category, span category, rule, action)`` (see :class:`_Compiled`).
_Emit = tuple[str, str, str, int]
#: A step of a token's match plan: ``(pattern index or rule id, number of words (0 for a code rule),
#: words, forms of the second word, whether those forms are all the second word accepts, emit)``.
_Step = tuple[int, int, tuple[_Word, ...], frozenset[str], bool, _Emit]
_NO_FORMS: frozenset[str] = frozenset()
_NO_EMIT: _Emit = ("", "", "", _COUNT)  # beside end token 0: no match


class _Compiled:
    """A lexicon prepared for token matching.

    ``emit`` maps a pattern index (and, for frames, a code-rule id) to what
    its match becomes: ``(category, span category, rule, action)``, where
    ``rule`` is the span's rule, or for a ``not_a_cue`` entry the rule of
    the skipped match, and ``action`` one of ``_COUNT``, ``_SKIP``,
    ``_CONTEXT``, ``_CURRENCY``, ``_NEGATABLE``.
    """

    def __init__(self, lexicon: Lexicon, categories: Iterable[str], is_frames: bool):
        allowed = set(categories)
        ordered = sorted(lexicon.entries, key=lambda e: (-len(e.pattern.split()), -len(e.pattern), e.line))
        self.lexicon = lexicon
        self.patterns: list[_Pattern] = []
        self.exact: dict[str, list[int]] = {}
        self.prefixes: list[tuple[str, int]] = []
        self.numbers: list[int] = []
        self.emit: dict[int, _Emit] = {}
        for entry in ordered:
            if entry.category not in allowed:
                raise LexiconError(
                    f"{lexicon.path}, line {entry.line}: unknown category {entry.category!r} for the "
                    f"{lexicon.name!r} lexicon (expected one of {', '.join(sorted(allowed))})"
                )
            words = tuple(_Word.parse(w) for w in entry.pattern.split())
            idx = len(self.patterns)
            rule = f"{lexicon.name}:{entry.pattern}"
            if is_frames:
                span_category, span_rule = f"frame.{entry.category}", rule
            else:
                span_category, span_rule = "loaded", f"{lexicon.name}:{entry.category}:{entry.pattern}"
            context = len(words) == 1 and bool(words[0].literals & (NAME_PRONE | _MODALS))
            pat = _Pattern(entry.category, words, rule, span_category, span_rule, context)
            self.patterns.append(pat)
            if entry.category == NOT_A_CUE:
                self.emit[idx] = (NOT_A_CUE, span_category, rule, _SKIP)
            else:
                action = (_CONTEXT if context else _COUNT) if is_frames else _NEGATABLE
                self.emit[idx] = (entry.category, span_category, span_rule, action)
            first = words[0]
            if first.number:
                self.numbers.append(idx)
            for lit in sorted(first.literals):
                self.exact.setdefault(lit, []).append(idx)
            for pre in first.prefixes:
                self.prefixes.append((pre, idx))
        if is_frames:
            self.emit[_RULE_CURRENCY] = (
                "economic_consequences", "frame.economic_consequences", "rule:currency-amount", _CURRENCY)
            self.emit[_RULE_AGE] = self.emit[_RULE_AGE_AFTER_NAME] = (
                "human_interest", "frame.human_interest", "rule:age", _COUNT)
        self.is_frames = is_frames

    def resolve(self, token: str) -> tuple[int, ...]:
        """Indices of the patterns whose first word matches ``token`` (longest first)."""
        tok = _norm(token)
        found = set(self.exact.get(tok, ()))
        found.update(i for p, i in self.prefixes if tok.startswith(p))
        rules: list[int] = []
        if _is_number(tok):
            found.update(self.numbers)
            if self.is_frames and tok[0].isdigit():
                rules.append(_RULE_CURRENCY)
                if _AGE_NUMBER_RE.fullmatch(tok):
                    rules.append(_RULE_AGE_AFTER_NAME)
        elif self.is_frames and _AGE_TOKEN_RE.fullmatch(tok):
            rules.append(_RULE_AGE)
        return tuple(rules) + tuple(sorted(found))

    def plan(self, cand: tuple[int, ...]) -> tuple[_Step, ...]:
        """The candidates of a token as match steps, tried in order.

        Steps after a single-word pattern (or the age rule) are dropped:
        that step always matches, so nothing after it is ever tried.
        """
        steps: list[_Step] = []
        for pid in cand:
            if pid < 0:
                steps.append((pid, 0, (), _NO_FORMS, False, self.emit[pid]))
                if pid == _RULE_AGE:
                    break
                continue
            pw = self.patterns[pid].words
            if len(pw) == 1:
                steps.append((pid, 1, pw, _NO_FORMS, False, self.emit[pid]))
                break
            second = pw[1]
            steps.append((pid, len(pw), pw, second.forms, not (second.number or second.prefixes), self.emit[pid]))
        return tuple(steps)


def _skipped(text: str, s: int, e: int, category: str, rule: str) -> dict[str, Any]:
    """The detail row of a match that a context rule kept from counting."""
    return {"start": s, "end": e, "cue": text[s:e], "category": category, "rule": rule}


def _match_here(
    steps: tuple[_Step, ...], text: str, words, low: list[str], i: int, n: int
) -> tuple[int, str, str, str, int, int, int] | None:
    """The match starting at token ``i``, or None: ``(end token, category, span
    category, rule, action, start offset, end offset)``.  The commonest case comes
    first: a single-word entry always matches."""
    step = steps[0]
    if step[1] == 1:
        end, emit = i + 1, step[5]
    else:
        end, emit = _first_match(steps, text, words, low, i, n)
        if not end:
            return None
    category, span_category, rule, action = emit
    return end, category, span_category, rule, action, words[i][0], words[end - 1][1]


def _first_match(steps: tuple[_Step, ...], text: str, words, low: list[str], i: int, n: int) -> tuple[int, _Emit]:
    """The first step that matches at token ``i``: ``(end token, its emit)``, or ``(0, _NO_EMIT)``."""
    for pid, k, pw, forms2, plain2, emit in steps:
        if k == 1:
            return i + 1, emit
        if k == 0:
            end = _code_rule(pid, text, words, low, i)
            if end:
                return end, emit
            continue
        # cheap test of the second word first: most phrase candidates fail there
        if i + k > n:
            continue
        tok = low[i + 1]
        if tok not in forms2 and (plain2 or not pw[1].matches(tok)):
            continue
        if k == 2:  # most phrases: only the gap is left to test
            if _joined(text, words, i + 1, low):
                return i + 2, emit
            continue
        if all(pw[m].matches(low[i + m]) for m in range(2, k)) and all(
            _joined(text, words, i + m, low) for m in range(1, k)
        ):
            return i + k, emit
    return 0, _NO_EMIT


def _prefilter(steps: tuple[_Step, ...]) -> tuple[frozenset[str] | None, bool]:
    """``(next, numeric)`` of a token whose match steps (both lexicons) are ``steps``: see :class:`_Scanner`."""
    forms: set[str] = set()
    numeric = False
    for pid, k, _pw, forms2, plain2, _emit in steps:
        if pid in (_RULE_CURRENCY, _RULE_AGE_AFTER_NAME):
            numeric = True
        elif k < 2 or not plain2:  # the age rule, a single word, or a second word that is no plain list
            return None, numeric
        else:
            forms |= forms2
    return frozenset(forms), numeric


class _Scanner:
    """The frames and loaded lexicons, matched together in one pass over the tokens.

    ``cache`` maps a lower-case token to ``(next, numeric, frame steps,
    loaded steps)`` (see :meth:`_Compiled.plan`), or ``False`` when it
    starts no pattern of either lexicon (``compress`` tests ``False``
    faster than an empty tuple).  ``next`` is the set of tokens that may
    follow when every candidate is a phrase whose second word is a plain
    word list, or a number rule (``None`` otherwise): a frequent first word
    such as "is" is then dismissed with one set lookup.  ``numeric`` says
    that the number rules (``rule:currency-amount``, ``rule:age`` after a
    name) are candidates too; a number is then also kept when a currency
    sign precedes it or it stands between commas (``, 41,``), as the
    rules require.
    """

    def __init__(self, frames: Lexicon, loaded: Lexicon):
        self.frames_lexicon, self.loaded_lexicon = frames, loaded
        self.frames = _Compiled(frames, FRAMES + (NOT_A_CUE,), is_frames=True)
        self.loaded = _Compiled(loaded, LOADED_KINDS + (NOT_A_CUE,), is_frames=False)
        self.cache: dict[str, tuple | bool] = {}

    def lookup(self, low: list[str]) -> Sequence[Any]:
        """The cache entry of every token; tokens not seen before are resolved and remembered."""
        cache = self.cache
        if len(low) > 1:
            try:
                # one C pass when every token is known (itemgetter of two or more keys gives a tuple)
                return itemgetter(*low)(cache)
            except KeyError:
                pass
        found: list[Any] = list(map(cache.get, low))  # an entry is never None
        misses = list(compress(range(len(low)), map(is_, found, repeat(None))))
        if len(cache) + len(misses) > TOKEN_CACHE_SIZE:
            cache.clear()
        for i in misses:
            tok = low[i]
            entry = cache.get(tok)  # the same new token may occur twice
            if entry is None:
                f, lo = self.frames.resolve(tok), self.loaded.resolve(tok)
                if f or lo:
                    steps_f, steps_l = self.frames.plan(f), self.loaded.plan(lo)
                    entry = cache[tok] = (*_prefilter(steps_f + steps_l), steps_f, steps_l)
                else:
                    entry = cache[tok] = False
            found[i] = entry
        return found


def _joined(text: str, words, j: int, low: list[str]) -> bool:
    """Whether token ``j`` follows token ``j - 1`` on the same line, separated by spaces."""
    gap_start, gap_end = words[j - 1][1], words[j][0]
    if gap_end - gap_start == 1 and text[gap_start] == " ":
        return True
    gap_re = _DOT_GAP_RE if "." in low[j - 1] else _GAP_RE
    return gap_re.fullmatch(text, gap_start, gap_end) is not None


def _code_rule(rule: int, text: str, words, low: list[str], i: int) -> int:
    """End token of a code-rule match starting at token ``i``, or 0."""
    if rule == _RULE_AGE:
        return i + 1
    start, end = words[i]
    if rule == _RULE_AGE_AFTER_NAME:
        # "Maria Kovalenko, 41, lost ...": two capitalised words, then the age between commas
        ok = (i > 1 and text[start - 2:start] == ", " and text[end:end + 1] == "," and words[i - 1][1] == start - 2
              and text[words[i - 1][0]].isupper() and text[words[i - 2][0]].isupper()
              and _joined(text, words, i - 1, low) and 0 < int(_norm(low[i])) <= MAX_AGE)
        return i + 1 if ok else 0
    if start == 0 or text[start - 1] not in _CURRENCY_SIGNS:
        return 0
    if i + 1 < len(low) and low[i + 1] in _SCALE_WORDS and _joined(text, words, i + 1, low):
        return i + 2
    return i + 1


_SCANNERS: dict[tuple[int, int], _Scanner] = {}


def _scanner(frames: Lexicon, loaded: Lexicon) -> _Scanner:
    """The prepared form of a pair of lexicons, built once per pair of Lexicon objects."""
    key = (id(frames), id(loaded))
    sc = _SCANNERS.get(key)
    if sc is None or sc.frames_lexicon is not frames or sc.loaded_lexicon is not loaded:
        if len(_SCANNERS) >= 32:
            _SCANNERS.clear()
        sc = _Scanner(frames, loaded)
        _SCANNERS[key] = sc
    return sc


def _sentence_initial(doc: Document, start: int) -> bool:
    """Whether only opening quotes or brackets stand between the sentence start and ``start``."""
    k = doc.sentence_index(start)
    if k < 0:
        return True
    s = doc.sentences[k][0]
    return not doc.text[s:start].strip(_OPENERS)


def _capitalised(text: str, seg: tuple[int, int]) -> bool:
    return text[seg[0]].isupper()


def _in_name(doc: Document, words, low, i: int) -> bool:
    """``rule:name``: a capitalised word next to another capitalised word of a name."""
    text = doc.text
    if not _capitalised(text, words[i]):
        return False
    if i + 1 < len(words) and _capitalised(text, words[i + 1]) and _joined(text, words, i + 1, low):
        return True
    if i > 0 and _capitalised(text, words[i - 1]) and _joined(text, words, i, low):
        return not _sentence_initial(doc, words[i - 1][0])
    return False


def _context_skip(doc: Document, words, low: list[str], i: int) -> str:
    """The context rule that cancels the single-word frame cue at token ``i``, or ``""``."""
    tok = _norm(low[i])
    if tok in NAME_PRONE and _in_name(doc, words, low, i):
        return "rule:name"
    if tok == "should" and _sentence_initial(doc, words[i][0]):
        return "rule:conditional-should"
    if tok == "must" and i + 1 < len(low) and low[i + 1] == "have":
        return "rule:epistemic-must"
    return ""


def _is_negation(token: str) -> bool:
    """Whether a raw lower-case token negates: one of :data:`NEGATORS` or a word ending in ``n't``."""
    if token in NEGATORS:
        return True
    if "'" not in token and "’" not in token:
        return False  # _norm would leave it as it is, and it cannot end in "n't"
    tok = _norm(token)
    return tok in NEGATORS or tok.endswith("n't")


def _negated(text: str, words, low: list[str], i: int) -> bool:
    """``rule:negated``: a negation among the few words before token ``i``, within the clause.

    Only the nearest negation in the window matters: a clause end between
    it and token ``i`` lies between any farther one and token ``i`` too.
    """
    for j in range(i - 1, max(-1, i - 1 - NEGATION_WINDOW), -1):
        if _is_negation(low[j]):
            return _CLAUSE_END_RE.search(text, words[j][1], words[i][0]) is None
    return False


def _dominant(counts: dict[str, int]) -> str | None:
    """The frame with the most cues, if it has at least MIN_DOMINANT_CUES and no other frame ties it."""
    values = list(counts.values())  # in FRAMES order
    top = max(values, default=0)
    if top < MIN_DOMINANT_CUES or values.count(top) > 1:
        return None
    return FRAMES[values.index(top)]


_FRAME_COLUMNS = tuple(f"frame_{f}" for f in FRAMES)
_INDICES: list[int] = list(range(4096))


def _indices(n: int) -> list[int]:
    """A list holding at least ``0 .. n - 1``: ``compress`` over it yields token indices without
    making a new int object for every token, as ``range`` would for indices above 256."""
    if n > len(_INDICES):
        _INDICES.extend(range(len(_INDICES), 2 * n))
    return _INDICES


def score(doc: Document, lexicons: dict[str, Lexicon]) -> ScorerResult:
    """Frame and loaded-language spans and rates for one document.

    One pass over the tokens that start a pattern: each lexicon takes the
    first (longest) match at a token not covered by its previous match, and
    the match becomes a span or a skipped entry at once.
    """
    scanner = _scanner(lexicons["frames"], lexicons["loaded"])
    text, words = doc.text, doc.words
    low = doc.lower_words
    cands = scanner.lookup(low)
    frame_spans: list[Span] = []
    loaded_spans: list[Span] = []
    skipped: list[dict[str, Any]] = []
    counts = dict.fromkeys(FRAMES, 0)
    kinds = dict.fromkeys(LOADED_KINDS, 0)
    free_f = free_l = 0  # the first token each lexicon may match again
    n = len(low)
    following = low[1:]  # the token after each token ("" after the last)
    following.append("")
    for i in compress(_indices(n), cands):
        nxt, numeric, steps_f, steps_l = cands[i]
        if nxt is not None and following[i] not in nxt:
            if not numeric:
                continue
            s, e = words[i]
            if not (s and text[s - 1] in _CURRENCY_SIGNS) and (text[e : e + 1] != "," or text[s - 2 : s] != ", "):
                continue
        if steps_f and i >= free_f:
            found = _match_here(steps_f, text, words, low, i, n)
            if found is not None:
                free_f, category, span_category, rule, action, s, e = found
                why = ""  # the rule of a skipped match
                if action:
                    if action == _SKIP:
                        why = rule
                    elif action == _CONTEXT:
                        why = _context_skip(doc, words, low, i)
                    else:  # _CURRENCY
                        s -= 1  # include the currency sign
                if why:
                    skipped.append(_skipped(text, s, e, category, why))
                else:
                    counts[category] += 1
                    frame_spans.append(Span(s, e, span_category, text[s:e], rule))
        if steps_l and i >= free_l:
            found = _match_here(steps_l, text, words, low, i, n)
            if found is not None:
                free_l, category, span_category, rule, action, s, e = found
                if action == _SKIP:
                    skipped.append(_skipped(text, s, e, category, rule))
                elif _negated(text, words, low, i):
                    skipped.append(_skipped(text, s, e, "loaded", "rule:negated"))
                else:
                    kinds[category] += 1
                    loaded_spans.append(Span(s, e, span_category, text[s:e], rule))

    n = doc.n_words
    if n:
        scores = {col: 1000.0 * c / n for col, c in zip(_FRAME_COLUMNS, counts.values())}
        scores["loaded_per_1000w"] = 1000.0 * sum(kinds.values()) / n
    else:
        scores = dict.fromkeys(_FRAME_COLUMNS, math.nan)
        scores["loaded_per_1000w"] = math.nan
    if len(skipped) > 1:
        skipped.sort(key=_SKIPPED_ORDER)  # stable: a frame match before a loaded one at the same place
    details = {
        "dominant_frame": _dominant(counts),
        "frame_counts": counts,
        "loaded_counts": kinds,
        "skipped": skipped,
    }
    return ScorerResult(frame_spans + loaded_spans, scores, details)
