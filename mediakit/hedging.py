"""Hedges, approximators, boosters and dismissals: how sure the article says it is.

What is found (span categories)
    ``hedge``
        epistemic uncertainty: a cue that presents a proposition as possible,
        probable, believed, expected, inferred or reported rather than as
        fact.  Modal verbs used epistemically (``may``, ``might``, ``could``,
        ``would`` in predictions), lexical verbs (``suggest``, ``appear``,
        ``seem``, ``indicate``, ``estimate``), verbs of belief and
        expectation (``believe``, ``think``, ``expect``, ``fear``, ``doubt``),
        adverbs (``reportedly``, ``allegedly``, ``apparently``, ``possibly``,
        ``likely``, ``perhaps``), adjectives and nouns (``potential``,
        ``possible``, ``unclear``, ``likelihood``, ``speculation``), agentless
        attributions of belief (``is believed``, ``is expected to``, ``is said
        to``) and fixed phrases (``remains to be seen``, ``it is unclear
        whether``, ``questions remain``).
    ``approximator``
        a vague or estimated quantity: ``approximately``, ``around``,
        ``about``, ``some``, ``up to``, ``as many as``, ``more than``,
        ``over``, ``nearly``, ``almost``, ``an estimated`` before a number;
        ``several hundred``, ``dozens of``, ``thousands of``.
    ``booster``
        certainty: ``confirmed``, ``clearly``, ``undoubtedly``,
        ``definitely``, ``there is no doubt``, ``evidence shows``, ``proved``.
    ``dismissal``
        a denial or dismissal of a claim: ``denied``, ``dismissed ... as``,
        ``rejected the claims``, ``groundless rumors``, ``baseless``,
        ``unfounded``, ``fake news``, ``refrained from confirming``.

What is not a hedge
    Approximators alone (a vague number is not doubt about the claim),
    boosters, plain attribution (``said``, ``according to``), the plain
    future (``will``), conditionals of fact (``if either faces aggression``),
    questions and investigations (``examined whether``: the ``whether`` of an
    inquiry is not counted unless a hedge word such as ``unclear`` comes with
    it), and ability or permission readings of modal verbs.

Quotations and reported speech
    A hedge inside a direct quotation or in reported speech counts like any
    other: the article chose to print the uncertainty, and readers meet it as
    part of the article.  ``details["hedges_in_quotes"]`` says how many hedge
    spans sit inside a direct quotation, so that a reader can discount them.
    The one exception is ``would`` as the backshifted ``will`` of reported
    speech (``officials said the talks would resume``): that is tense, not
    doubt (``rule:would-reported``).  Inside a direct quotation ``would``
    keeps its modal meaning and counts.

Method
    The lexicon (``mediakit/lexicons/hedging.tsv``, categories ``hedge``,
    ``approximator``, ``booster``, ``dismissal`` and ``not_a_cue``) is
    compiled once per :class:`~mediakit.lexicon.Lexicon` object into one
    regular expression: a character trie over the first words of all
    patterns, each followed by the rest of its phrases, run over the
    lower-cased body (one pass after spaces, one after line breaks, and a
    look at the few places after a dash or slash).  At each place the longest
    entry wins and matched text is not matched again, so a ``not_a_cue``
    phrase (``think tank``, ``as soon as possible``, ``than expected``)
    swallows the cue word inside it and a dismissal (``groundless rumors``)
    swallows the hedge inside it.  In a pattern, ``#`` is a number in figures
    or words (see :data:`mediakit.lexicon.NUMBER_PATTERN`), here also after a
    currency sign (``about $3 billion``).  A phrase never runs over a line
    end.  Each match then passes the context rules for its first word.  A
    span's ``rule`` is the lexicon entry, ``hedging:<pattern>``, or
    ``rule:negated-booster`` / ``rule:refused-to-confirm`` when a rule changed
    its category; the other rules only keep a match out, so no span names them.

Context rules (``rule:<id>``)
    ``may-month``
        a capitalised ``May`` is the month or a name (``in May``, ``last
        May``, ``May 5``, ``May 2024``, ``Theresa May``), not a modal verb:
        mid-sentence, a capitalised ``May`` is a hedge only in a headline
        written in title case (``Troops May Join Front``), and never before a
        day number or year or after a month word (``in``, ``last``, ``early``,
        ``mid-`` ...).  A sentence-initial ``May`` is never a hedge (month,
        name, or the optative ``May God ...``).
    ``modal-deontic``
        ``may``/``might``/``could`` of permission: after ``you``, ``visitors``,
        ``users``, ``customers``, ``passengers``, ``guests``, ``anyone`` ...
        (``you may leave``); after ``patients``, ``residents``, ``students``
        ... only before a verb of permission (``patients may leave``, but
        ``patients may need surgery`` is a hedge); ``may`` after ``told``,
        ``allowed``, ``permitted`` (``told they may return``); and ``may not
        be reproduced`` (a ``not_a_cue`` phrase).
    ``modal-ability``
        ``could`` of ability: ``could not``, ``could never``, ``could
        hardly``, ``could only``; ``could`` before a verb of perception or
        means (``could see``, ``could afford``); ``could`` in a purpose clause
        (``so they could escape``) or an if-clause (``if they could``).
        ``cannot``/``can't`` are not cues at all.  A negated verification
        (``could not confirm``, ``cannot be ruled out``) is caught by
        ``negated-booster`` instead.
    ``might-noun``
        ``might`` (and ``may``, ``could``) followed by a preposition, a
        conjunction, a form of *be* or punctuation is not a verb
        (``Russia's military might was on display``, ``used its might
        against``).  A comma is allowed after ``may`` and ``could`` (``may,
        in some cases, ...``).
    ``will-future``
        ``will``, ``shall``, ``won't`` of plain future are never hedges, even
        when a user lexicon lists them (``factors will influence tactics``).
    ``would-reported``
        ``would`` after a reporting or cognition verb in the same sentence
        (``said``, ``told``, ``announced``, ``promised``, ``warned`` ...), or
        followed by a post-posed attribution (``..., the minister said``), is
        the backshifted future of reported speech.  Not applied inside a
        direct quotation.
    ``would-conditional``
        ``would`` in a sentence with ``if``, ``unless``, ``as long as``,
        ``provided that``, ``in case``, ``otherwise``, ``were to``, or an
        inverted condition (``Should troops enter combat, they would be
        ...``) is the consequence of a condition, not a prediction; so is
        ``would`` after a proposal (``the bill would raise the minimum
        wage``, ``a merger that would create``), whose condition is that it
        is adopted.
    ``would-habitual``
        ``would`` of habit, narrative, volition or refusal: ``would often``,
        ``would later``, ``would go on``, ``years later ... would``, ``would
        like``, ``would rather``, ``would not comment``.  Any other ``would`` (``it would be the first
        instance``) is a prediction or hypothesis and counts as a hedge.
    ``appear-show-up``
        ``appear`` meaning to show up: followed by a preposition (``appeared
        in court``, ``appear before``, ``appeared on television``,
        ``appeared as a witness``), by ``to`` with a noun phrase (``appeared
        to the crowd``) or by punctuation.  ``appears to be``, ``it
        appears``, ``appears that``, ``appeared calm`` stay hedges.
    ``apparent-evident``
        ``apparent`` after a form of *be* (``the damage was apparent``) means
        evident; ``became apparent`` is a ``not_a_cue`` phrase.
    ``suggest-propose``
        ``suggest`` meaning to propose: before a gerund (``suggested
        delaying``), before ``should`` (``suggested that they should``),
        before a subjunctive (``suggested that they meet``), or a person
        suggesting an object (``she suggested a compromise``).  ``evidence
        suggests``, ``reports suggest that`` stay hedges.
    ``potential-noun``
        ``potential`` as the noun of capability (``its potential``,
        ``potential of the technology``, ``full potential``) or before
        prospective people (``potential buyers``); ``the potential for
        escalation``, ``potential risks`` stay hedges.
    ``thought-noun``
        ``thought`` as a noun (``a thought``, ``school of thought``,
        ``thought process``).
    ``suspect-noun``
        ``suspect`` as a person (``the suspect``, ``suspects were arrested``).
    ``accused-of``
        ``accused`` is a hedge only when ``of`` or ``that`` follows (``was
        accused of fraud``); ``the accused`` is a person.
    ``considered-deliberation``
        ``will be considered``, ``is considered by the committee``, ``the
        court considered the appeal``: a deliberation, not a belief (also
        for ``consider``, ``regarded``, ``viewed``, which need ``as``).
    ``about-topic``
        an approximator needs a quantity: ``about`` before a topic never
        matches (the pattern wants a number), and ``about one of``, ``about
        one thing``, ``over 2023 levels``, ``about 9/11``, ``over three days
        of talks`` are dropped.
    ``prove-turn-out``
        ``could prove costly``: ``prove`` after a modal means *turn out*, not
        proof.
    ``negated-booster``
        a booster under negation (``not confirmed``, ``has not been
        independently verified``, ``has yet to be confirmed``, ``could not
        rule out``, ``cannot be ruled out``) is a hedge; the span starts at
        the negation.
    ``refused-to-confirm``
        a booster after a refusal (``would not confirm``, ``declined to
        immediately confirm``) is a dismissal, like ``refrained from
        confirming``.
    ``dismiss-claim``
        ``dismissed`` is a dismissal only when it dismisses a claim: ``as``
        follows in the sentence (``dismissed the accusations as groundless``)
        or a claim noun follows (``dismissed the reports``); ``was dismissed
        from his post`` and ``dismissed the lawsuit`` are not.
    ``deny-claim``
        ``denied bail``, ``denied entry``, ``was denied a visa``: refusing
        something is not denying a claim.
    ``fear-noun``
        ``fear`` and ``fears`` are hedges as verbs (``investors fear a
        recession``, ``fears that``), not as nouns (``fears of a wider war``,
        ``the fear of flying``).
    ``possible-idiom``
        ``as many as possible``, ``every possible``: no possibility is
        claimed (fixed phrases such as ``as soon as possible`` and ``if
        possible`` are ``not_a_cue`` entries).
    ``indicate-said``
        ``indicated`` after a speaker (``he indicated``, ``the minister
        indicated``, ``Zelenskyy indicated``) reports speech; after evidence
        (``reports indicate``, ``data indicating``) it is an inference and a
        hedge.
    ``estimated-attributive``
        ``the estimated cost`` describes a quantity, like an approximator;
        ``officials estimated that`` stays a hedge.
    ``compound``
        a cue word inside a hyphenated compound (``thought-provoking``,
        ``likely-voter``) is not a cue.

    Inability to know is written in the lexicon (``could not say``,
    ``cannot tell``, ``too early to say``): a hedge.  ``considered``,
    ``regarded`` and ``viewed`` are beliefs only in the passive or with
    ``as`` (``is considered one of``, ``regarded by many as``), not as a
    deliberation (``the proposal will be considered``).

Scores (body only; every one recomputable from the spans)
    With ``H``, ``A``, ``B``, ``D`` the numbers of ``hedge``, ``approximator``,
    ``booster`` and ``dismissal`` spans, ``W`` = ``doc.n_words`` and ``S`` =
    ``doc.n_sentences``:

    * ``hedges_per_100w = 100 * H / W``
    * ``hedged_sentence_share`` = (sentences holding the start of at least one
      hedge span) / ``S``
    * ``approximators_per_100w = 100 * A / W``
    * ``boosters_per_100w = 100 * B / W``
    * ``dismissals = D``
    * ``certainty_balance = (B - H) / (B + H)``, from -1 (only hedges) to +1
      (only boosters); 0 when they balance.

    Rates are NaN on an empty body (``W == 0``), the share when there are no
    sentences, the balance when ``B + H == 0``.  A dismissal phrase with its
    verb (``dismissed ... as "groundless rumors"``) yields two dismissal
    spans.

Limits
    The rules read a few words around each cue, not the syntax of the
    sentence.  ``would`` and ``could`` are judged from their neighbourhood
    only; a hedge is counted wherever it is, quoted or not; irony,
    rhetorical questions and hedging by omission are out of reach.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import product, repeat
from typing import Any, Callable

from .core import ScoreInfo, ScorerResult
from .lexicon import NUMBER_PATTERN, Lexicon, LexiconError
from .text import Document, matches_after_leads
from .types import Span

NAME = "hedging"
LEXICONS = ("hedging",)

#: Lexicon categories the scorer understands; ``not_a_cue`` yields no span.
CATEGORIES = ("hedge", "approximator", "booster", "dismissal", "not_a_cue")
#: Span categories it emits.
SPAN_CATEGORIES = ("hedge", "approximator", "booster", "dismissal")

COLUMNS = (
    ScoreInfo("hedges_per_100w", "per 100 words", 0.0, float("inf"),
              "hedge spans per 100 body words (epistemic uncertainty: may, reportedly, is believed ...)"),
    ScoreInfo("hedged_sentence_share", "share", 0.0, 1.0,
              "share of body sentences holding at least one hedge span"),
    ScoreInfo("approximators_per_100w", "per 100 words", 0.0, float("inf"),
              "approximator spans (approximately 3,000; up to 2,100; several hundred) per 100 body words"),
    ScoreInfo("boosters_per_100w", "per 100 words", 0.0, float("inf"),
              "booster spans (confirmed, clearly, there is no doubt) per 100 body words"),
    ScoreInfo("dismissals", "count", 0.0, float("inf"),
              "dismissal spans (denied, dismissed ... as, groundless rumors, baseless)"),
    ScoreInfo("certainty_balance", "balance", -1.0, 1.0,
              "(boosters - hedges) / (boosters + hedges): -1 only hedges, +1 only boosters; NaN if neither"),
)

#: ``#`` in a hedging pattern: a number, optionally after a currency sign.
NUMBER = r"(?:[$€£¥]\s?)?" + NUMBER_PATTERN

NAN = float("nan")

# ---------------------------------------------------------------------------
# Compiling a lexicon: the first words of all patterns become a character trie,
# each followed by the rest of its phrases, emitted as one regular expression.
# ---------------------------------------------------------------------------

_SEP = r"\s+"
_STAR = r"\w*"
_APOSTROPHE = "['’]"
#: Characters that may stand between a space and the first word of a cue.
_OPENERS = "\"“‘'(["


def _word_regex(word: str) -> str:
    """The regex of one pattern word (alternatives longest first)."""
    if word == "#":
        return NUMBER
    alts = []
    for alt in sorted(set(word.lower().split("|")), key=lambda a: (-len(a), a)):
        star = alt.endswith("*")
        core = alt[:-1] if star else alt
        alts.append("".join(_APOSTROPHE if ch in "'’" else re.escape(ch) for ch in core) + (_STAR if star else ""))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _first_word_atoms(alt: str) -> list[str]:
    star = alt.endswith("*")
    core = alt[:-1] if star else alt
    atoms = [_APOSTROPHE if ch in "'’" else re.escape(ch) for ch in core]
    if star:
        atoms.append(_STAR)
    return atoms


def _literals(pattern: str) -> list[str]:
    """Every expansion of a pattern as normalised text (``#`` kept, ``*`` kept)."""
    words = [w.lower().replace("’", "'").split("|") for w in pattern.split()]
    return [" ".join(combo) for combo in product(*words)]


#: Letters in order of frequency as the first letter of English words, then overall.  sre tries
#: the alternatives of a branch one after the other, so putting frequent letters first makes a
#: failed attempt at a common word cheaper.
_FIRST_LETTERS = "taosiwcbphfmdrelnguyvjkqzx"
_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"


def _atom_key(atom: str, root: bool = False) -> tuple[int, int, str]:
    # literal characters first (frequent ones first), the star last: a literal
    # continuation of the word is tried before a wildcard one
    if atom == _STAR:
        return (2, 0, atom)
    order = _FIRST_LETTERS if root else _LETTERS
    k = order.find(atom)
    return (0, k, atom) if len(atom) == 1 and k >= 0 else (1, 0, atom)


def _emit(node: dict, root: bool = False) -> str:
    """A trie node over first-word characters; ``node[""]`` holds the continuations
    (the rest of each phrase) of the entries whose first word ends here."""
    keys = sorted((k for k in node if k != ""), key=lambda a: _atom_key(a, root))
    alts = [a + _emit(node[a]) for a in keys]
    conts = node.get("", ())
    ends_here = "" in conts
    alts.extend(sorted((c for c in conts if c), key=lambda c: (-len(c), c)))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends_here:  # an entry may end here: the longer continuations are tried first
        return "(?:" + body + ")?"
    return body


def _norm(cue: str) -> str:
    return " ".join(cue.lower().replace("’", "'").split())


_NUMBER_RE = re.compile(r"(?<![\w$€£¥])" + NUMBER + r"(?!\w)")


class _Matcher:
    """A lexicon compiled for matching.

    The first words of all patterns form a character trie; where a first word
    ends, the rest of each phrase follows as an alternation, longest first.
    ``scan`` finds cues after a space (with an optional opening quote or
    bracket between), ``line`` after a line break, and ``anchored`` matches at
    a given position (the start of the text, or after a dash or slash).  A
    match is mapped back to its entry through its normalised text
    (``literal``, with numbers as ``#``); patterns with ``*`` are tried one by
    one.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        trie: dict = {}
        self.literal: dict[str, int] = {}
        self.starred: list[tuple[re.Pattern[str], int]] = []
        for idx, entry in enumerate(lexicon.entries):
            if entry.category not in CATEGORIES:
                raise LexiconError(
                    f"{lexicon.path}, line {entry.line}: unknown category {entry.category!r} "
                    f"for the hedging scorer (expected one of {', '.join(CATEGORIES)})"
                )
            words = entry.pattern.split()
            cont = "".join(_SEP + _word_regex(w) for w in words[1:])
            firsts = [words[0]] if words[0] == "#" else words[0].lower().split("|")
            for alt in firsts:
                node = trie
                for atom in ([NUMBER] if alt == "#" else _first_word_atoms(alt)):
                    node = node.setdefault(atom, {})
                node.setdefault("", set()).add(cont)
            if "*" in entry.pattern:
                full = "".join((_SEP if i else "") + _word_regex(w) for i, w in enumerate(words))
                self.starred.append((re.compile(full + r"(?!\w)"), idx))
            else:
                for lit in _literals(entry.pattern):
                    self.literal.setdefault(lit, idx)
        body = "(?:" + (_emit(trie, root=True) or r"(?!x)x") + r")(?!\w)"
        opener = "[" + re.escape(_OPENERS) + "]?"
        # group 1 is the cue itself, without the space or line break and the opener before it
        self.scan = re.compile(" " + opener + "(" + body + ")")
        self.line = re.compile("\n" + opener + "(" + body + ")")
        self.anchored = re.compile(opener + body)
        self.entries = lexicon.entries
        self.rules = [lexicon.entry_rule(e) for e in lexicon.entries]
        #: matched cue text -> what to do with it (see :meth:`cue_info`), filled as cues are met;
        #: only texts that are literal expansions of the lexicon are kept, so it stays bounded
        self.cues: dict[str, tuple[str, str, Rule | None, str] | None] = {}

    def entry_index(self, cue: str) -> int | None:
        """The index of the entry a matched cue belongs to (the first in file order)."""
        idx = self.literal.get(cue)
        if idx is not None and not self.starred:
            return idx
        key = _norm(cue)
        idx = self.literal.get(key)
        if idx is None:
            idx = self.literal.get(_NUMBER_RE.sub("#", key))
        if self.starred:
            for full, i in self.starred:
                if (idx is None or i < idx) and full.fullmatch(key):
                    idx = i
                    break
        return idx

    def cue_info(self, cue: str) -> tuple[str, str, Rule | None, str] | None:
        """(category, rule name, context rule or None, head) for a matched cue; None if no entry holds it.

        The context rule is chosen by the cue's first word (its head) and category."""
        info = self.cues.get(cue, False)
        if info is not False:
            return info  # type: ignore[return-value]
        idx = self.entry_index(cue)
        if idx is None:
            info = None
        else:
            category = self.entries[idx].category
            sp = cue.find(" ")
            head = cue[:sp] if sp >= 0 else cue
            table = _CATEGORY_RULES.get(category)
            fn = table.get(head) if table is not None else None
            if category == "approximator":
                fn = _rule_approximator
            info = (category, self.rules[idx], fn, head)
        if cue in self.literal:
            self.cues[cue] = info
        return info


_MATCHERS: dict[int, tuple[Lexicon, _Matcher]] = {}


def _matcher(lexicon: Lexicon) -> _Matcher:
    hit = _MATCHERS.get(id(lexicon))
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    m = _Matcher(lexicon)
    if len(_MATCHERS) >= 32:
        _MATCHERS.clear()
    _MATCHERS[id(lexicon)] = (lexicon, m)
    return m


def check_lexicon(lexicon: Lexicon) -> None:
    """Compile ``lexicon`` for this scorer; raise LexiconError (naming the line) if it cannot be used."""
    _matcher(lexicon)


# ---------------------------------------------------------------------------
# Context: a few words around a match, read with str.split on a short window
# ---------------------------------------------------------------------------

_WINDOW = 48
#: How far after a cue a rule looks for a later word of its sentence (characters).
_AFTER_WINDOW = 200
_STRIP = "\"“”‘’'()[]{},.;:!?—–-…*"
_CLAUSE_END = ".;!?:"
_OPEN_BRACKETS = "(\"“‘["


class _Ctx:
    """The document being read, the body line of the current match, and lazy sentence lookup."""

    __slots__ = ("doc", "text", "low", "lo", "hi", "_starts", "_quotes", "sentence_facts")

    def __init__(self, doc: Document, text: str, low: str) -> None:
        self.doc, self.text, self.low = doc, text, low
        self.lo = self.hi = 0
        self._starts: list[int] | None = None
        self._quotes = _Quotes(text)
        #: per-sentence results of whole-sentence checks, computed once (keyed by sentence start)
        self.sentence_facts: dict[tuple[str, int], bool] = {}

    def prev(self, pos: int, n: int = 1) -> list[str]:
        """Up to ``n`` words before ``pos`` in the same line and clause, nearest last."""
        lo = self.lo
        a = pos - _WINDOW
        chunk = self.low[a if a > lo else lo:pos]
        if n == 1:  # the common case, without the loop
            toks = chunk.rsplit(None, 1)
            if not toks or (len(toks) == 1 and a > lo and not chunk[0].isspace()):
                return []
            tok = toks[-1]
            if tok[-1] in _CLAUSE_END:
                return []
            w = tok.strip(_STRIP)
            return [w] if w else []
        toks = chunk.rsplit(None, n + 1)
        if len(toks) > n or (a > lo and toks and not chunk[0].isspace()):
            toks = toks[1:]  # the first piece is cut in the middle of a word, or not needed
        out: list[str] = []
        for tok in reversed(toks):
            if tok[-1] in _CLAUSE_END:
                break  # the clause ends here
            w = tok.strip(_STRIP)
            if w:
                out.append(w)
            if tok[0] in _OPEN_BRACKETS:
                break
        out.reverse()
        return out[-n:]

    def next(self, pos: int, n: int = 1) -> list[str]:
        """Up to ``n`` words after ``pos``, stopping at punctuation; [] if punctuation comes first."""
        hi = self.hi
        b = pos + _WINDOW
        chunk = self.low[pos:b if b < hi else hi]
        if not chunk[:1].isspace():
            return []  # punctuation (or a word character) right after the cue
        if n == 1:  # the common case, without the loop
            toks = chunk.split(None, 1)
            if not toks:
                return []
            tok = toks[0]
            if not (tok[0].isalnum() or tok[0] in "$€£¥"):
                return []
            return [tok.rstrip(_STRIP)]
        toks = chunk.split(None, n)
        out: list[str] = []
        for tok in toks[:n]:
            if not (tok[0].isalnum() or tok[0] in "$€£¥"):
                break
            w = tok.rstrip(_STRIP)
            out.append(w)
            if w != tok:
                break
        return out

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``, clipped to the current body line."""
        if self._starts is None:
            self._starts = [s for s, _ in self.doc.sentences]
        i = bisect_right(self._starts, pos) - 1
        sents = self.doc.sentences
        s, e = sents[i] if 0 <= i < len(sents) else (self.lo, self.hi)
        return (s if s > self.lo else self.lo, e if e < self.hi else self.hi)

    def in_quote(self, pos: int) -> bool:
        return self._quotes.inside(self.lo, pos)


class _Quotes:
    """Whether a position lies inside a direct quotation opened earlier on its line.

    Positions are asked in increasing order; the quote marks are counted
    incrementally, so many questions on one long line cost one pass."""

    __slots__ = ("text", "line", "pos", "straight", "opened", "closed")

    def __init__(self, text: str) -> None:
        self.text = text
        self.line = self.pos = -1
        self.straight = self.opened = self.closed = 0

    def inside(self, line: int, pos: int) -> bool:
        if line != self.line or pos < self.pos:
            self.line, self.pos = line, line
            self.straight = self.opened = self.closed = 0
        text, last = self.text, self.pos
        self.straight += text.count('"', last, pos)
        self.opened += text.count("“", last, pos)
        self.closed += text.count("”", last, pos)
        self.pos = pos
        return (self.opened > self.closed) or self.straight % 2 == 1


def _sentence_initial(text: str, lo: int, pos: int) -> bool:
    k = pos - 1
    while k >= lo and text[k] in " \t\u00a0\"“‘'([":
        k -= 1
    return k < lo or text[k] in ".!?:•"


# A rule gets (ctx, start, end, head) and returns False to drop the match;
# anything else keeps it as the lexicon says.
Rule = Callable[[_Ctx, int, int, str], Any]

# --- modal verbs -------------------------------------------------------------

_MONTHS = frozenset("january february march april june july august september october november december".split())
_MONTH_BEFORE = frozenset(
    "in last next this early late mid since until till by of during through throughout from before "
    "after between each every on the a".split()
) | _MONTHS
#: Subjects after which may/might/could grant permission (you may leave).
_DEONTIC_SUBJECTS = frozenset(
    "you visitors users customers passengers readers applicants participants members anyone everyone nobody "
    "guests subscribers".split()
)
#: Subjects that take permission only with a verb of :data:`_PERMISSION_VERBS` (patients may leave,
#: but patients may need surgery).
_PERMITTED_SUBJECTS = frozenset(
    "patients students employees staff workers drivers travellers travelers fans viewers residents "
    "shoppers tourists voters parents children pupils spectators someone they".split()
)
_PERMISSION_VERBS = frozenset(
    "leave apply bring enter park use return request choose opt submit contact visit access download attend "
    "register join stay borrow call email book cancel claim collect keep take go".split()
)
_PERMITTING = frozenset("told allowed permitted informed assured".split())
#: Words after which ``might``/``may`` is a noun or a name, not a verb.
_NOUN_FOLLOWERS = frozenset(
    "of and or in on at to for with against that is was are were behind as from but into over under "
    "has had 's".split()
)
_TITLE_WORD = re.compile(r"\b([A-Za-z])[a-z]{3,}")


def _is_title_case(text: str, lo: int, hi: int) -> bool:
    caps = [m.group(1).isupper() for m in _TITLE_WORD.finditer(text, lo, hi)]
    return bool(caps) and sum(caps) >= 0.8 * len(caps)


def _modal_common(c: _Ctx, start: int, end: int, prev: list[str], nxt: list[str]) -> bool:
    """rule:modal-deontic and the noun check (rule:might-noun) shared by may, might and could.

    ``prev``: up to three words before the modal; ``nxt``: the words after it."""
    subject = prev[-1] if prev else ""
    if subject in _DEONTIC_SUBJECTS:
        return False
    if not nxt:
        # punctuation right after: "may, in some cases," is still the verb; "its might." is the noun
        return c.low[end:end + 1] == "," and c.low[start:start + 5] != "might"
    if nxt[0] in _NOUN_FOLLOWERS:
        return False
    if nxt[0] in _PERMISSION_VERBS and subject in _PERMITTED_SUBJECTS:
        return False  # patients may leave
    if c.low[start] == "m" and nxt[0] != "have" and not _PERMITTING.isdisjoint(prev):
        return False  # told they may return: permission
    return True


def _rule_may(c: _Ctx, start: int, end: int, head: str) -> Any:
    nxt = c.next(end, 2)
    prev = c.prev(start, 3)
    if c.text[start] == "M":  # rule:may-month
        if nxt and nxt[0][:1].isdigit():
            return False
        if prev and prev[-1] in _MONTH_BEFORE:
            return False
        if len(nxt) == 2 and nxt[0] in ("and", "or", "to", "through") and nxt[1] in _MONTHS:
            return False
        if _sentence_initial(c.text, c.lo, start):
            return False
        s, e = c.sentence(start)
        key = ("title", s)
        if key not in c.sentence_facts:
            c.sentence_facts[key] = _is_title_case(c.text, s, e)
        if not c.sentence_facts[key]:
            return False
    return _modal_common(c, start, end, prev, nxt)


def _rule_might(c: _Ctx, start: int, end: int, head: str) -> Any:
    return _modal_common(c, start, end, c.prev(start, 3), c.next(end))  # rule:might-noun, rule:modal-deontic


_ABILITY_NEXT = frozenset(
    "not never hardly barely scarcely only see hear feel smell taste afford remember recall speak swim "
    "read walk".split()
)
_PURPOSE_WORDS = frozenset("so if".split())
_PERCEIVED = frozenset("seen heard felt smelled smelt".split())
_ABILITY_BEFORE = frozenset("as all everything anything whatever best what".split())
_SUBJECT_PRONOUNS = frozenset("i we you he she they it".split())


def _rule_could(c: _Ctx, start: int, end: int, head: str) -> Any:
    nxt = c.next(end, 2)
    if nxt and nxt[0] in _ABILITY_NEXT:  # rule:modal-ability
        return False
    if len(nxt) == 2 and nxt[0] == "be" and nxt[1] in _PERCEIVED:
        return False  # could be seen, could be heard
    prev = c.prev(start, 4)
    # so (that) they could ..., if they could ..., as best they could, one could
    if not _PURPOSE_WORDS.isdisjoint(prev[:-1]) or (prev and prev[-1] == "one"):
        return False
    if len(prev) >= 2 and prev[-1] in _SUBJECT_PRONOUNS and prev[-2] in _ABILITY_BEFORE:
        return False
    return _modal_common(c, start, end, prev[-3:], nxt)


def _rule_possible(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start != 8:
        return True
    prev = c.prev(start)
    return not (prev and prev[-1] in ("as", "every", "all"))  # rule:possible-idiom (as many as possible)


def _rule_will(c: _Ctx, start: int, end: int, head: str) -> Any:
    if _norm(c.low[start:end]) in ("will", "shall", "won't", "wont", "will not", "shall not"):
        return False  # rule:will-future
    return True


_REPORTING = frozenset((
    "said says say saying told tells tell telling announced announces announcing promised promises pledged "
    "pledges vowed vows warned warns warning insisted insists added adds adding stated states declared "
    "declares wrote writes explained explains confirmed confirms agreed agrees decided claimed claims "
    "argued argues argue arguing predicted predicts predicting believed believes believe thought think "
    "thinks expected expects expect hoped hopes knew know knows indicated indicates suggested suggests "
    "noted notes assured assures threatened threatens signaled signalled signals acknowledged conceded "
    "admitted reported reports estimated feared fears hinted guaranteed testified maintained asserted "
    "contended emphasized emphasised stressed stressing forecast projected calculated concluded figured "
    "reckoned assumed understood learned clear sure confident convinced certain"
).split())
_REPORTED_AFTER = re.compile(
    r"[^;:!?.]*?[,”\"]\s*(?:according\s+to|(?:[\w'’.\-]+\s+){0,5}?(?:said|says|told|added|stated|wrote|"
    r"warned|argued|predicted|claimed|noted|explained|reported|believes|believed|thinks|estimated))\b"
)
_CONDITIONAL = re.compile(
    r"\b(?:if|unless|as\s+long\s+as|provided\s+that|providing\s+that|in\s+case|in\s+the\s+event|"
    r"otherwise|were\s+to|whether\s+or\s+not)\b"
)
_INVERTED_CONDITION = re.compile(r"[\"“‘'(]*(?:should|were|had)\s+(?!not\b)[\w'’]+")
_NARRATIVE_PAST = re.compile(r"\b(?:years|decades|months|weeks|days)\s+later\b")
#: A proposal whose effect ``would`` describes, on the unstated condition that it is adopted.
_PROPOSALS = frozenset(
    "bill bills plan plans proposal proposals measure measures deal deals legislation law rule rules amendment "
    "agreement merger acquisition takeover offer bid scheme policy reform reforms budget package pact treaty "
    "proposed".split()
)
_HABIT_NEXT = frozenset(
    "often always usually later sometimes eventually never regularly frequently typically like love "
    "rather prefer you i we go".split()
)
_REFUSAL_VERBS = frozenset(
    "comment say confirm disclose elaborate discuss reveal name specify give provide answer speculate "
    "respond identify detail divulge".split()
)
_WORDS = re.compile(r"[\w'’]+")


def _rule_would(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start != 5:
        return True
    nxt = c.next(end, 3)
    if nxt:
        if nxt[0] in _HABIT_NEXT:  # rule:would-habitual
            return False
        if nxt[0] in ("not", "never"):
            rest = [w for w in nxt[1:] if w not in ("immediately", "publicly", "officially")]
            if rest and rest[0] in _REFUSAL_VERBS:
                return False
    s, e = c.sentence(start)
    low = c.low
    key = ("conditional", s)
    if key not in c.sentence_facts:
        c.sentence_facts[key] = bool(_CONDITIONAL.search(low, s, e) or _INVERTED_CONDITION.match(low, s, e))
        c.sentence_facts[("narrative", s)] = bool(_NARRATIVE_PAST.search(low, s, e))
    if c.sentence_facts[key]:
        return False  # rule:would-conditional
    if c.sentence_facts[("narrative", s)]:
        return False  # rule:would-habitual (years later she would ...)
    if not _PROPOSALS.isdisjoint(c.prev(start, 4)):
        return False  # rule:would-conditional: the bill would raise ... (if it is passed)
    if not c.in_quote(start):  # rule:would-reported
        a = start - 120
        before = low[a if a > s else s:start]
        k = max(before.rfind(";"), before.rfind(":"))
        if k >= 0:
            before = before[k + 1:]
        if not _REPORTING.isdisjoint(_WORDS.findall(before)):
            return False
        if _REPORTED_AFTER.match(low, end, min(e, end + _AFTER_WINDOW)):
            return False
    return True


# --- lexical hedges ----------------------------------------------------------

_SHOWUP_NEXT = frozenset(
    "in on at before with alongside outside inside during via from for onstage together briefly live "
    "publicly again later twice once among amid near behind under across between online virtually here "
    "there today yesterday tonight nationally regularly within after suddenly first overnight quickly soon "
    "throughout frequently occasionally rarely daily weekly prominently anywhere everywhere over wearing "
    "several".split()
)
_NOUN_PHRASE_START = frozenset("the a an his her their its this that these those him them me us you reporters "
                               "court".split())


def _rule_appear(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start > 9:
        return True
    prev = c.prev(start)
    if prev and prev[-1] in ("it", "there"):
        return True
    nxt = c.next(end, 2)
    if not nxt:
        return False  # rule:appear-show-up (failed to appear.)
    first = nxt[0]
    if first == "to":
        return not (len(nxt) < 2 or nxt[1] in _NOUN_PHRASE_START)
    if first == "as":
        return len(nxt) == 2 and nxt[1] in ("if", "though")
    return first not in _SHOWUP_NEXT


_BE = frozenset("is are was were be been being 's am".split())


def _rule_apparent(c: _Ctx, start: int, end: int, head: str) -> Any:
    prev = c.prev(start)
    if prev and (prev[-1] in _BE or prev[-1] in ("seems", "seemed", "quite", "readily", "immediately")):
        return False  # rule:apparent-evident
    return True


_PROPOSE_VERBS = frozenset(
    "meet go be wait stay leave delay postpone consider hold take make give allow talk resign return try "
    "use start stop work join visit focus avoid seek look step pay hire sell buy move create build drop "
    "cut raise put keep speak call apply reduce increase limit ban end open close change adopt remain "
    "review rethink reconsider continue withdraw send".split()
)
_PERSON_PRONOUNS = frozenset("i we you he she they who".split())
_DETERMINERS = frozenset("the a an his her their its this that these those both all".split())
_OBJECT_START = frozenset("the a an his her their its this that these those it them him us".split())


def _rule_suggest(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start > 10:
        return True
    nxt = c.next(end, 5)
    if not nxt:
        return True
    body = nxt[1:] if nxt[0] == "that" else nxt
    if "should" in body[:3]:
        return False  # rule:suggest-propose (suggested that they should)
    if len(body) >= 2 and body[0] in _SUBJECT_PRONOUNS and body[1] in _PROPOSE_VERBS:
        return False  # suggested that they meet
    if head == "suggested" and any(w in _PROPOSE_VERBS for w in body[2:4]) and body[0] in _DETERMINERS:
        return False  # suggested that the two sides meet (subjunctive after a past tense)
    gerund = nxt[0] != "that" and nxt[0].endswith("ing") and len(nxt[0]) > 5
    if gerund and len(nxt) >= 2 and nxt[1] in _OBJECT_START:
        return False  # suggested delaying the vote
    if gerund or nxt[0] in ("a", "an", "the"):
        prev = c.prev(start)
        human = bool(prev) and prev[-1] in _PERSON_PRONOUNS
        if not human and prev:
            k = start - 1
            while k > c.lo and c.text[k] == " ":
                k -= 1
            word_start = k - len(prev[-1]) + 1
            human = c.text[word_start:word_start + 1].isupper() and not _sentence_initial(c.text, c.lo, word_start)
        if human:
            return False  # she suggested a compromise, he suggested waiting
    return True


_POTENTIAL_PEOPLE = frozenset(
    "customers buyers investors clients bidders suitors candidates recruits voters users donors partners "
    "acquirers applicants students employers tenants members sponsors employees customer buyer investor client "
    "bidder suitor candidate recruit voter user donor partner acquirer applicant student employer tenant member "
    "sponsor employee mate mates".split()
)


def _rule_potential(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start != 9:
        return True
    nxt = c.next(end)
    if not nxt:
        return False  # rule:potential-noun
    w = nxt[0]
    if w in ("for", "to"):
        return True
    return not (w in _NOUN_FOLLOWERS or w in _BE or w in ("has", "had", "remains") or w in _POTENTIAL_PEOPLE)


_THOUGHT_NOUN_BEFORE = frozenset(
    "a the his her their my our your its of for second any some no much deep careful independent political "
    "economic this that school free conventional religious critical original further serious little more "
    "great lot".split()
)
_THOUGHT_NOUN_AFTER = frozenset("and process processes experiment experiments leader leaders leadership police "
                                "pattern patterns".split())


def _rule_thought(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start != 7:
        return True
    prev = c.prev(start)
    if prev and prev[-1] in _THOUGHT_NOUN_BEFORE:
        return False  # rule:thought-noun
    nxt = c.next(end)
    return not (nxt and nxt[0] in _THOUGHT_NOUN_AFTER)


_SUSPECT_NOUN_BEFORE = frozenset(
    "a the one two three four five key prime main murder terror terrorism shooting robbery alleged suspected "
    "another other male female second third lone possible potential both several unnamed "
    "unidentified any no more".split()
)
_SUSPECT_NOUN_AFTER = frozenset(
    "was is were are has had in who 's fled died remains remain charged arrested identified described named "
    "appeared and or".split()
)


def _rule_suspect(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start > 8:
        return True
    prev = c.prev(start)
    if prev and (prev[-1] in _SUSPECT_NOUN_BEFORE or prev[-1].isdigit() or prev[-1].endswith("'s")
                 or prev[-1].endswith("’s")):
        return False  # rule:suspect-noun
    nxt = c.next(end)
    return bool(nxt) and nxt[0] not in _SUSPECT_NOUN_AFTER


def _rule_accused(c: _Ctx, start: int, end: int, head: str) -> Any:
    prev = c.prev(start)
    if prev and prev[-1] in ("the", "an", "a"):
        return False  # rule:accused-of
    nxt = c.next(end, 6)
    return "of" in nxt or "that" in nxt


_MODALS = frozenset("will would shall should could can must may might to".split())
_CONSIDERED_BEFORE = _BE | frozenset(
    "widely generally largely often long also now still once traditionally commonly usually not "
    "increasingly previously".split()
)


_BY_BELIEVERS = frozenset("many some most experts critics historians scholars analysts observers others "
                          "fans commentators".split())


def _rule_considered(c: _Ctx, start: int, end: int, head: str) -> Any:
    """rule:considered-deliberation: a belief, not a deliberation (the court considered the appeal)."""
    nxt = c.next(end, 5)
    if not nxt and c.low[end:end + 3].lstrip()[:1] in ("\"", "“", "‘"):
        nxt = [""]  # considered "spiritual"
    if not nxt:
        return False
    if nxt[0] == "by":
        return len(nxt) > 1 and nxt[1] in _BY_BELIEVERS  # considered by many to be
    if "as" in nxt or ("to" in nxt[:4] and "be" in nxt):
        return True  # considered him as, consider her to be
    if end - start != 10:  # consider, considers
        return nxt[0] in ("that", "himself", "herself", "themselves", "itself")
    prev = c.prev(start, 2)
    if not prev or prev[-1] not in _CONSIDERED_BEFORE:
        return False
    if len(prev) == 2 and prev[-1] in _BE and prev[-2] in _MODALS:
        return False  # will be considered
    if prev[-1] == "being":
        return False  # is being considered
    return nxt[0] not in ("for", "at", "in", "on", "during", "next", "when", "before", "after", "until", "under")


def _rule_estimated(c: _Ctx, start: int, end: int, head: str) -> Any:
    """rule:estimated-attributive: "the estimated cost" describes a quantity, like an approximator."""
    prev = c.prev(start)
    return not (prev and prev[-1] in ("the", "an", "a", "its", "their", "his", "her", "our"))


_SPEAKERS = frozenset(
    "he she they we i who officials official spokesman spokeswoman spokesperson minister president company "
    "government ministry secretary chairman chief".split()
)


_EVIDENCE = frozenset(
    "reports report data evidence results findings figures studies study polls poll signs this these that it "
    "records documents images footage intelligence estimates analysis research surveys survey tests test "
    "statistics numbers trends experience history".split()
)


def _rule_indicate(c: _Ctx, start: int, end: int, head: str) -> Any:
    """rule:indicate-said: a speaker who "indicated" something said it; evidence that indicates infers it."""
    if head == "indicating":
        return True
    prev = c.prev(start)
    if not prev or prev[-1] in _EVIDENCE:
        return True
    if prev[-1] in _SPEAKERS:
        return False
    k = start - 1
    while k > c.lo and c.text[k] == " ":
        k -= 1
    word_start = k - len(prev[-1]) + 1
    return not c.text[word_start:word_start + 1].isupper()  # Kovalenko indicated ...


def _rule_regarded(c: _Ctx, start: int, end: int, head: str) -> Any:
    """seen, viewed, regarded, perceived: a belief only with "as" (seen by many as a favourite)."""
    nxt = c.next(end, 5)
    return "as" in nxt[:5] and nxt[:2] != ["as", "well"]


_FEAR_NOUN_BEFORE = frozenset(
    "the a their his her its our my your of with in amid over no without growing widespread public such these "
    "those deep real renewed rising".split()
)
_FEAR_NOUN_AFTER = frozenset("of for and about over in among is was are were".split())


def _rule_fear(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start > 5:
        return True  # fears that
    prev = c.prev(start)
    if not prev or prev[-1] in _FEAR_NOUN_BEFORE:
        return False  # rule:fear-noun
    nxt = c.next(end)
    return bool(nxt) and nxt[0] not in _FEAR_NOUN_AFTER


_HEDGE_RULES: dict[str, Rule] = {
    "fear": _rule_fear, "fears": _rule_fear,
    "may": _rule_may, "might": _rule_might, "could": _rule_could, "would": _rule_would,
    "will": _rule_will, "shall": _rule_will, "won't": _rule_will, "wont": _rule_will,
    "apparent": _rule_apparent, "potential": _rule_potential, "possible": _rule_possible, "thought": _rule_thought,
    "considered": _rule_considered, "consider": _rule_considered, "considers": _rule_considered,
    "regarded": _rule_regarded, "viewed": _rule_regarded, "estimated": _rule_estimated,
    "indicate": _rule_indicate, "indicates": _rule_indicate, "indicated": _rule_indicate,
    "indicating": _rule_indicate,
}
for _w in ("appear", "appears", "appeared", "appearing"):
    _HEDGE_RULES[_w] = _rule_appear
for _w in ("suggest", "suggests", "suggested", "suggesting"):
    _HEDGE_RULES[_w] = _rule_suggest
for _w in ("suspect", "suspects"):
    _HEDGE_RULES[_w] = _rule_suspect
for _w in ("accused", "accuses", "accusing", "accuse"):
    _HEDGE_RULES[_w] = _rule_accused

# --- approximators ----------------------------------------------------------

_TIME_UNITS = frozenset(
    "day days week weeks month months year years hour hours decade decades minute minutes weekend weekends "
    "night nights season seasons".split()
)
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d$")
_ONE_QUANTITY_NEXT = frozenset(
    "in million billion thousand hundred percent per third quarter fifth tenth half dozen".split()
)
_OVER_DURATION_BEFORE = frozenset("for in after of than within lasting spanning ago".split())


def _rule_approximator(c: _Ctx, start: int, end: int, head: str) -> Any:
    """rule:about-topic: an approximator needs a quantity."""
    low = c.low
    if end + 1 < c.hi and low[end] in "/-:" and low[end + 1].isdigit():
        return False  # a date, score or time (about 9/11, around 3-2)
    nxt = c.next(end)
    if low[end - 1].isdigit() and _YEAR.search(low, start, end) and (
            not nxt or nxt[0] in ("and", "to", "levels", "level", "when")):
        return False  # a year (over 2023 levels)
    if low.endswith(" one", start, end) and not (nxt and nxt[0] in _ONE_QUANTITY_NEXT):
        return False  # about one thing, over one of
    if head == "over" and nxt and nxt[0] in _TIME_UNITS:
        prev = c.prev(start)
        if not prev or prev[-1] not in _OVER_DURATION_BEFORE:
            return False  # over three days of talks: during, not more than
    return True


# --- boosters ----------------------------------------------------------------

def _rule_prove(c: _Ctx, start: int, end: int, head: str) -> Any:
    prev = c.prev(start)
    return not (prev and (prev[-1] in _MODALS or prev[-1] in ("'ll", "yet")))  # rule:prove-turn-out


_BOOSTER_RULES: dict[str, Rule] = {w: _rule_prove for w in ("prove", "proves", "proved", "proven")}

# negation, with the filler words that may stand between it and the booster
_NEG_WORDS = frozenset("not never no without cannot can't won't isn't wasn't aren't weren't hasn't haven't "
                       "hadn't didn't doesn't don't couldn't wouldn't".split())
#: Substrings one of which any negation of :func:`_negation` contains.
_NEG_MARKS = ("no", "n't", "n’t", "never", "without", "unable", "yet", "fail", "declin", "refus")
_NEG_MARK_RE = re.compile("|".join(map(re.escape, _NEG_MARKS)))
_NEG_BEFORE_TO = frozenset("unable yet failed fail fails".split())  # unable to, yet to, failed to
_REFUSAL_BEFORE_TO = frozenset("declined declines declining refused refuses refusing".split())
_NEG_FILLER = frozenset(
    "yet been be being have has had independently officially immediately publicly formally fully so far as "
    "clearly definitively directly able possible to any firmly conclusively separately".split()
)


def _negation(c: _Ctx, start: int, floor: int) -> tuple[int, bool] | None:
    """Where a negation of the booster at ``start`` begins, and whether it is a refusal.

    Reads back over at most six words (not past ``floor``): filler words
    (``not yet been independently confirmed``) until a negation word.  A
    refusal (``would not``, ``won't``, ``declined to``) makes the booster a
    dismissal; any other negation makes it a hedge."""
    a = start - 60
    if _NEG_MARK_RE.search(c.low, a if a > floor else floor, start) is None:
        return None  # no negation word near: the common case
    last = c.prev(start)
    if last:
        w = last[0].replace("’", "'")
        if w not in _NEG_WORDS and w not in _NEG_FILLER:
            return None  # the word just before is neither a negation nor a filler: the next common case
    words = [w.replace("’", "'") for w in c.prev(start, 6)]
    k = len(words) - 1
    while k >= 0:
        w = words[k]
        if w in _NEG_WORDS:
            begin = k
            refusal = w in ("wouldn't", "won't")
            if w in ("not", "never") and k and words[k - 1] in ("would", "will"):
                refusal, begin = True, k - 1
            break
        if w == "to" and k and words[k - 1] in _REFUSAL_BEFORE_TO:
            begin, refusal = k - 1, True
            break
        if w == "to" and k and words[k - 1] in _NEG_BEFORE_TO:
            begin, refusal = k - 1, False
            break
        if w not in _NEG_FILLER:
            return None
        k -= 1
    else:
        return None
    pos = _word_position(c, start, len(words) - begin)
    return (pos, refusal) if pos >= floor else None


def _word_position(c: _Ctx, pos: int, back: int) -> int:
    """The start of the ``back``-th word before ``pos`` (1 = the word just before)."""
    low = c.low
    k = pos
    for _ in range(back):
        while k > c.lo and not (low[k - 1].isalnum() or low[k - 1] in "'’"):
            k -= 1
        while k > c.lo and (low[k - 1].isalnum() or low[k - 1] in "'’"):
            k -= 1
    return k


# --- dismissals --------------------------------------------------------------

_DISMISS_CLAIMS = frozenset(
    "claim claims report reports allegation allegations accusation accusations assertion assertions "
    "suggestion suggestions rumor rumors rumour rumours speculation concerns concern fears criticism warnings "
    "idea notion talk story stories theory theories".split()
)
_PASSIVE = frozenset("was were been being is are be get got gets".split())
_AS = re.compile(r"\bas\b")


def _rule_dismiss(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start > 10:
        return True
    prev = c.prev(start)
    if prev and prev[-1] in _PASSIVE:
        return False  # rule:dismiss-claim (was dismissed from his post)
    nxt = c.next(end, 4)
    if any(w in _DISMISS_CLAIMS for w in nxt):
        return True
    s, e = c.sentence(start)
    return bool(_AS.search(c.low, end, min(e, end + _AFTER_WINDOW)))


_DENY_THINGS = frozenset(
    "bail entry access permission visa visas parole service asylum admission boarding coverage funding "
    "benefits tenure him her them us me you passage credit a an".split()
)
_DENY_THE_THINGS = frozenset(
    "right request application appeal motion petition permit license licence opportunity chance".split()
)


def _rule_deny(c: _Ctx, start: int, end: int, head: str) -> Any:
    if end - start > 8:
        return True
    prev = c.prev(start)
    if prev and prev[-1] in _PASSIVE:
        return False  # rule:deny-claim (was denied bail)
    nxt = c.next(end, 2)
    if nxt and nxt[0] in _DENY_THINGS:
        return False
    if len(nxt) == 2 and nxt[0] in ("the", "his", "her", "their", "its") and nxt[1] in _DENY_THE_THINGS:
        return False
    return True


_DISMISSAL_RULES: dict[str, Rule] = {}
for _w in ("dismiss", "dismisses", "dismissed", "dismissing"):
    _DISMISSAL_RULES[_w] = _rule_dismiss
for _w in ("deny", "denies", "denied", "denying", "denial", "denials"):
    _DISMISSAL_RULES[_w] = _rule_deny

#: The context rules of each category, by the cue's first word (approximators all share one rule).
_CATEGORY_RULES: dict[str, dict[str, Rule]] = {
    "hedge": _HEDGE_RULES, "booster": _BOOSTER_RULES, "dismissal": _DISMISSAL_RULES,
}


# ---------------------------------------------------------------------------
# Finding the spans and scoring
# ---------------------------------------------------------------------------



def _raw_matches(matcher: _Matcher, low: str, body: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Every lexicon match in the stretch of ``low`` the body covers, in order.

    A match after a space or line break comes without them and its opener;
    one at a line start or after a dash or slash may still hold its opener.
    (The order is that of the matches with their leads: a lead is one
    character, and no match can begin inside another's lead and opener.)
    :func:`find_spans` strips the opener, keeps a match only inside one body
    line, and lets the leftmost match at a place win (matched text is not
    matched again)."""
    scan, line, anchored = matcher.scan, matcher.line, matcher.anchored
    lo0, hi0 = body[0][0], body[-1][1]
    a = lo0 - 1 if lo0 > 0 else 0
    found = [m.span(1) for m in scan.finditer(low, a, hi0)]
    found.extend(m.span(1) for m in line.finditer(low, a, hi0))
    for lo, _ in body:  # a line that starts the text or follows a rare line break
        if lo == 0 or low[lo - 1] not in " \n":
            m = anchored.match(low, lo, hi0)
            if m:
                found.append(m.span())
    found.extend(matches_after_leads(low, anchored, a, hi0))  # a cue right after a dash, slash, tab ...
    found.sort()
    return found


def _lower(text: str) -> str:
    """The text in lower case, with the same length (so that offsets carry over).

    A few characters change length in lower case (``İ`` becomes two); those
    are kept as they are, which is harmless because no cue contains them."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(lc if len(lc := ch.lower()) == 1 else ch for ch in text)


def find_spans(doc: Document, lexicon: Lexicon) -> list[Span]:
    """Every hedge, approximator, booster and dismissal span in the body of ``doc``."""
    matcher = _matcher(lexicon)
    text = doc.text
    low = getattr(doc, "lower_text", None)  # shared with the other scorers
    if low is None or len(low) != len(text):
        low = _lower(text)
    body = doc.body
    ctx = _Ctx(doc, text, low)
    cues = matcher.cues
    cue_info = matcher.cue_info
    spans: list[Span] = []
    if not body:
        return spans
    append = spans.append
    last_end = -1  # the end of the last match kept (a span or a not_a_cue phrase)
    taken = -1  # the end of the last match that passed to the rules
    seg = 0
    n_seg = len(body)
    lo, hi = body[0]
    for start, end in _raw_matches(matcher, low, body):
        while not (low[start].isalnum() or low[start] in "$€£¥"):  # an opener
            start += 1
        if start < taken:
            continue
        if start >= hi:
            while seg < n_seg and body[seg][1] <= start:
                seg += 1
            if seg == n_seg:
                break
            lo, hi = body[seg]
        if start < lo or end > hi:
            continue  # outside the body, or running over a line end
        taken = end
        cue = low[start:end]
        info = cues[cue] if cue in cues else cue_info(cue)
        if info is None:
            continue
        category, rule, fn, head = info
        if category == "not_a_cue":
            last_end = end
            continue
        ctx.lo, ctx.hi = lo, hi
        if category != "approximator":
            # rule:compound - a cue word inside a hyphenated compound
            if ((end + 1 < hi and low[end] == "-" and low[end + 1].isalpha())
                    or (start - 2 >= lo and low[start - 1] == "-" and low[start - 2].isalpha())):
                continue
            if category == "booster":
                if fn is not None and fn(ctx, start, end, head) is False:
                    continue
                neg = _negation(ctx, start, last_end if last_end > lo else lo)
                if neg is not None:
                    start, refusal = neg
                    category, rule = ("dismissal", "rule:refused-to-confirm") if refusal else (
                        "hedge", "rule:negated-booster")
                append(Span(start, end, category, text[start:end], rule))
                last_end = end
                continue
        if fn is not None and fn(ctx, start, end, head) is False:
            continue
        append(Span(start, end, category, text[start:end], rule))
        last_end = end
    return spans


def _rate(count: int, words: int) -> float:
    return 100.0 * count / words if words else NAN


def score(doc: Document, lexicons: dict[str, Lexicon]) -> ScorerResult:
    spans = find_spans(doc, lexicons["hedging"])
    counts = dict.fromkeys(SPAN_CATEGORIES, 0)
    for sp in spans:
        counts[sp.category] += 1
    h, b = counts["hedge"], counts["booster"]
    hedged: list[int] = []
    in_quotes = 0
    if h:
        starts = [sp.start for sp in spans if sp.category == "hedge"]
        sent_starts = [s for s, _ in doc.sentences]
        # sentence i holds a hedge starting at p when bisect_right(sent_starts, p) == i + 1
        hedged = [i - 1 for i in sorted(set(map(bisect_right, repeat(sent_starts), starts)))]
        body = doc.body
        body_starts = [s for s, _ in body]
        inside = _Quotes(doc.text).inside
        for p in starts:
            if inside(body[bisect_right(body_starts, p) - 1][0], p):
                in_quotes += 1
    words = doc.n_words
    n_sent = doc.n_sentences
    scores = {
        "hedges_per_100w": _rate(h, words),
        "hedged_sentence_share": len(hedged) / n_sent if n_sent else NAN,
        "approximators_per_100w": _rate(counts["approximator"], words),
        "boosters_per_100w": _rate(b, words),
        "dismissals": float(counts["dismissal"]),
        "certainty_balance": (b - h) / (b + h) if (b + h) else NAN,
    }
    details: dict[str, Any] = {
        "counts": counts,
        "hedged_sentences": hedged,
        "hedges_in_quotes": in_quotes,
    }
    return ScorerResult(spans, scores, details)
