"""Attribution: who says what, named or vague, quoted or paraphrased.

The scorer finds where an article attributes content to a source, decides
whether the source is named, links the cue to the attributed content and
to direct quotations, and lists the numeric claims with their source.
Everything is read from the article body (``doc.body``); spans point into
the original text.

Passes
    1. :func:`mediakit.quotes.find_quotes` finds the direct quotations
       (one pass over the quotation marks of each body line).
    2. One compiled regular expression, built as a character trie from the
       cue categories of the ``attribution`` lexicon, finds every cue
       candidate, title word (``Secretary``, ``spokesperson``) and number
       word in one pass over the lower-cased body (a cue starts after a
       space, at a line start, or after a dash, slash or tab).
    3. Each candidate is judged in its sentence by the context rules below,
       in text order, so that a pronoun can look back at earlier sources.
    4. Numbers in figures are found by :mod:`mediakit.claims` and given the
       source of the attribution whose content holds them.

Cue categories (lexicon) and their context rules (rule ids in brackets)
    A candidate inside a direct quotation is not a cue: quoted words are the
    speaker's, not the article's.  A verb cue is not a cue after a
    determiner or possessive (``the said agreement``, ``a warning``,
    ``Zelenskyy's warning``), after a hyphen (``so-called``), when negated
    (``did not say``, ``never said``), after a modal (``should note``,
    ``will testify``), after ``declined to`` / ``refused to`` and similar,
    or as a passive without ``by`` + agent (``was dismissed``,
    ``is expected to``); a capitalised cue inside a sentence counts only in
    a headline (most words capitalised), where a capitalised participle is
    read as an agentless passive (``Troops Confirmed Deployed``)
    [rule:headline-passive].  ``veto`` entries (``that said``, ``time will
    tell``, ``remains to be seen``) consume their words.  At most
    :data:`MAX_CUES_PER_SENTENCE` candidates are judged per sentence, so
    a degenerate "sentence" of cue words costs bounded time.

    ``speech``
        any subject except ``this``/``that``/``which``, ``it`` before a
        present-tense verb (``It confirms`` is the writer's voice) and the
        first person outside quotations (``we believe`` is the writer's).
    ``speech_sourced``, ``belief_sourced``, ``evidence``, ``evidence_clause``
        only with a source as subject: a name, a pronoun, a person or group
        noun (``vague``, ``role``), an institution or, for evidence, a
        document (``reports indicate``, ``data show``).  ``The deployment
        highlights ...`` and ``This suggests ...`` are not attributions
        [rule:subject-not-a-source].
    ``evidence_document``
        only with a document as subject (``the survey found 40% ...``).
    ``speech_clause``
        only before a that-clause, a quotation, a colon, a comma or the end
        of the sentence, or in inversion (``he added that``, not ``added
        troops``) [rule:no-complement].
    ``speech_noun``, ``belief_noun``
        forms that are also nouns (``claims``, ``reports``, ``fears``): a
        verb only after a pronoun, a name, a group noun or a singular
        office, institution or document that opens its clause (``the
        manifesto promises``, not ``confirmed the intelligence reports``),
        or before that/a quotation/a colon [rule:noun-reading].
    ``belief``
        like ``speech``.
    ``passive``, ``adverb``
        agentless attributions (``is believed to``, ``is seen as``,
        ``reportedly``): the source is unnamed (``rule:agentless``) unless
        ``by`` + agent follows.
    ``according``
        the source follows (``according to various reports``, ``citing
        officials``); ``based on`` / ``compiling`` need a document or a
        source after them.
    ``noun_that``
        a reporting noun before a that-clause (``claims that``); the source
        is the possessor before it, else unnamed; after a subject it is the
        verb (``The budget model estimates that``).
    ``frame``
        ``in a statement``, ``at a news conference``, ``in her view``: a cue
        only in a sentence without any other cue; the source is the
        possessive (``her``) or the subject after the comma.

Finding the source
    * ``by`` + agent after a participle (``confirmed by the United States``,
      ``first reported by The Washington Post``) [rule:by-agent];
    * the subject before the cue, within its clause: the clause starts after
      the last quotation mark, colon, semicolon or dash, after an earlier
      cue of the sentence, and after the last subordinator (``when he
      said``, ``which critics say``, ``as analysts argue``)
      [rule:subject];
    * an appositive between commas (``Andrii Kovalenko, who heads ...,
      mentioned``; ``Kyiv's ambassador to the United Nations, Sergiy
      Kyslytsya, reported``): the subject is the noun phrase before it, and
      a name in the appositive is the source [rule:appositive-name];
      ``Experts, such as Doo Jinho ...`` names its example
      [rule:example-name]; an appositive that asks for anonymity (``who
      asked not to be named``) makes the source unnamed [rule:anonymous];
    * after the cue in inversion (``"...," said Lloyd Austin``)
      [rule:inverted];
    * for a participle after a comma (``..., adding that``) or a coordinated
      verb (``... and has also stated``), the source of the earlier cue of
      the sentence, else the subject of the main clause if it is a person,
      group or institution [rule:main-clause];
    * for a participle right after a noun (``reports confirming``,
      ``intelligence indicating``), that noun [rule:reduced-relative];
    * pronouns: ``he``/``she``/``him``/``her`` resolve to the most recent
      named person (a named source, or a name after a title such as
      ``Defense Secretary Lloyd Austin``) in the same or the
      :data:`PRONOUN_WINDOW` previous sentences; ``they`` to the most recent
      source, preferring plural or coordinated ones; ``it`` to the most
      recent organisation or document [rule:pronoun=<name> when named,
      rule:pronoun when the antecedent is unnamed, rule:pronoun-unresolved
      otherwise: named for he, she and it (one identified referent),
      unnamed for they]; the first person outside quotations is the writer.

Named or unnamed
    The noun phrase is read head first.  A capitalised head (``Lloyd
    Austin``, ``the U.S. State Department``, ``Pentagon``) is named.  A
    ``vague`` head (``officials``, ``a senior military official``,
    ``experts``, ``many analysts``, ``Officials from Ukraine and the United
    States``) is unnamed whatever modifies it.  A ``role`` or
    ``institution`` head is named when definite or possessive (``the
    senator``, ``his lawyer``, ``the company``) or tied to a name (``a
    spokesperson for Amazon``), unnamed when indefinite or plural (``a
    representative``, ``lawyers for the plaintiffs``, ``intelligence
    agencies``).  A ``document``
    head is named when definite or tied to a name (``the report``, ``data
    from the Commerce Department``), unnamed otherwise (``reports``,
    ``polls``, ``a leaked memo``).  Nationality words (``North Korean``,
    ``U.S.``) do not make a phrase named.  Agentless attributions are
    unnamed.

Scores (body only) and how to recompute them from the spans
    ``attribution_density``
        sentences that overlap an ``attribution`` span or a ``quote`` span
        whose rule is not ``quote:short``, divided by the body sentences
        (:func:`sentence_flags`).
    ``quote_share``
        the summed length of the ``quote`` spans divided by the body
        characters (``doc.body_chars``).
    ``unnamed_source_share``
        ``unnamed_source`` spans divided by ``source`` plus
        ``unnamed_source`` spans.  Each attributing clause names its source
        once: a participle that shares the source of an earlier cue adds no
        source span.
    ``named_sources``
        the distinct names of the ``source`` spans
        (:func:`named_source_names`: titles are stripped, coordinated names
        split, surnames joined to full names, resolved pronouns read from
        their rule).
    ``attributions``
        the number of ``attribution`` spans.

Details
    ``sources``: one row per source with its kind and the number of
    attributions credited to it; ``attributions``: each cue with its source
    and the offsets of the content it introduces (``None`` when the
    structure does not show it); ``claims``: the numeric claims of
    :mod:`mediakit.claims` with approximator, source and sentence (a number
    inside a source phrase, such as ``two people familiar with the talks``,
    is not a claim).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import product
from typing import Any, Iterable, NamedTuple, Sequence

from .numbers import NUMBER_WORDS, approximator_before, numbers_in, unit_after, word_number
from .core import ScoreInfo, ScorerResult
from .lexicon import Lexicon, pattern_regex
from .quotes import Quote, find_quotes
from .text import Document, matches_after_leads
from .types import Span

NAME = "attribution"
LEXICONS = ("attribution",)
COLUMNS = (
    ScoreInfo(
        "attribution_density", "share", 0.0, 1.0,
        "body sentences that carry attributed content (a reporting cue or a direct quotation) / body sentences",
    ),
    ScoreInfo("quote_share", "share", 0.0, 1.0, "body characters inside direct quotations (marks included) / body characters"),
    ScoreInfo("unnamed_source_share", "share", 0.0, 1.0, "unnamed or vague source mentions / all source mentions"),
    ScoreInfo("named_sources", "count", 0, float("inf"), "distinct named sources (people and organisations)"),
    ScoreInfo("attributions", "count", 0, float("inf"), "attribution cues in the body"),
)  # fmt: skip

#: Cue categories of the lexicon that the cue pass looks for.
CUE_CATEGORIES = (
    "speech", "speech_sourced", "speech_clause", "speech_noun", "belief", "belief_sourced", "belief_noun",
    "evidence", "evidence_clause", "evidence_document", "passive", "adverb", "according", "noun_that", "frame",
    "veto", "title",
)  # fmt: skip
#: Word classes of the lexicon used to read source noun phrases.
WORD_CLASSES = ("vague", "vague_pronoun", "role", "institution", "document", "org_word", "place_word")
#: A pronoun looks this many sentences back for its antecedent (besides its own sentence).
PRONOUN_WINDOW = 3
#: Only this many characters before a cue are read for its subject.
SUBJECT_WINDOW = 200
#: At most this many words are read for a source after a cue (inversion, according to, by).
RIGHT_NP_WORDS = 12
#: Cue candidates judged per sentence, and numbers read per sentence; the rest of a
#: degenerate "sentence" (thousands of cue words, no full stop) is skipped.
MAX_CUES_PER_SENTENCE = 40
MAX_CLAIMS_PER_SENTENCE = 40
#: The stretch before a cue that is read as its subject, at most (characters).
MAX_SUBJECT_CHARS = 120
#: Word properties remembered per lexicon (a bound on memory, not a tuning knob).
MEMO_SIZE = 50_000
#: A sentence is a headline (capitalised cues allowed) when this share of its words is capitalised.
HEADLINE_CAPS = 0.6

_VERB_CATEGORIES = frozenset(
    ("speech", "speech_sourced", "speech_clause", "speech_noun", "belief", "belief_sourced", "belief_noun",
     "evidence", "evidence_clause", "evidence_document")
)  # fmt: skip
_SOURCED = frozenset(("speech_sourced", "belief_sourced", "evidence", "evidence_clause"))
_SOURCE_LIKE = frozenset(("name", "pronoun", "vague", "role", "institution", "document"))
_PERSONAL = frozenset(("name", "pronoun", "vague", "role", "institution"))

DETERMINERS = {
    "the": "def", "this": "def", "that": "def", "these": "def", "those": "def",
    "his": "poss", "her": "poss", "its": "poss", "their": "poss", "our": "poss", "my": "poss", "your": "poss",
    "a": "indef", "an": "indef", "one": "indef", "another": "indef", "any": "indef", "no": "indef",
    "some": "quant", "many": "quant", "several": "quant", "few": "quant", "most": "quant", "both": "quant",
    "all": "quant", "various": "quant", "numerous": "quant", "multiple": "quant", "certain": "quant",
    "other": "quant", "two": "quant", "three": "quant", "four": "quant", "five": "quant", "six": "quant",
    "seven": "quant", "eight": "quant", "nine": "quant", "ten": "quant", "dozens": "quant", "hundreds": "quant",
    "thousands": "quant", "such": "quant", "each": "quant", "every": "quant",
}  # fmt: skip
#: Words before a verb cue that make it a noun or adjective (the said agreement, a warning).
NOUN_MARKERS = frozenset("the a an this these those his her its their our my your such no any every each another".split())
AUX = frozenset(
    """is are was were be been being am 's 're has have had having do does did will would shall should can
    could may might must""".split()
)
MODALS = frozenset("will would shall should can could may might must to".split())
NEGATIONS = frozenset("not never no n't cannot".split())
#: Words before "to" that make the following verb unspoken (declined to say, plans to announce).
INTENT_WORDS = frozenset(
    """declined decline declines declining refused refuse refuses refusing want wants wanted plan plans planned
    expected going able unable likely unlikely due set scheduled hoping hopes hoped trying tried try tries
    asked permitted allowed authorized authorised ready prepared""".split()
)
ADVERBS = frozenset(
    """also still already just again now then first later previously recently initially independently publicly
    privately repeatedly largely reportedly allegedly further often once quickly immediately formally officially
    separately jointly earlier too even never not only""".split()
)
SUBORDINATORS = frozenset(
    "that when while as because if although though since whereas where what whether which who whom whose but so after before until unless".split()
)
PREPOSITIONS = frozenset(
    """of from for at in on with to by among about under over between into onto during after before since until
    against amid despite like via near across within without toward towards through per than including""".split()
)
CONNECTORS = frozenset("of for and & de del da van von al bin der la le du".split())
PRONOUNS = {
    "he": "he", "she": "she", "him": "he", "her": "she", "they": "they", "them": "they",
    "it": "it", "who": "who", "we": "we", "i": "we", "us": "we", "me": "we",
}  # fmt: skip
BLOCKED = frozenset("this that these those which what there here such it's that's there's what's here's".split())
DEMONSTRATIVES = frozenset("this these that those".split())
POSTMOD_ADJECTIVES = frozenset(
    "familiar close near loyal opposed linked involved aware responsible knowledgeable briefed connected present".split()
)
COMMON_VERBS = frozenset(
    """remain remains remained seem seems seemed appear appears appeared become becomes became continue continues
    continued get gets got go goes went come comes came take takes took give gives gave make makes made""".split()
)
#: Abbreviations of countries and unions that name the same source as their full name.
NAME_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "UN": "United Nations", "U.N.": "United Nations",
    "EU": "European Union", "E.U.": "European Union",
}  # fmt: skip
#: Capitalised words that name a time, not a source.
CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
NOT_ADVERBS = frozenset("family ally rally assembly supply reply anomaly monopoly butterfly italy july bully belly jelly".split())
IRREGULAR_PARTICIPLES = frozenset("said told thought seen found shown spoken made felt known written held heard".split())
_NATIONALITY_RE = re.compile(
    r"^(?:[A-Z][a-z]+(?:an|ian|ese|ish|ic|i|ch)|U\.?S\.?A?\.?|U\.?K\.?|E\.?U\.?|US|UK|EU|UN|U\.N\.|"
    r"Western|Eastern|Northern|Southern|Arab|Allied|Soviet|Swiss|Thai|Greek|Dutch|French|Welsh|Irish|Scottish|"
    r"Kurdish|Polish|North|South|East|West|Central)$"
)
_ANONYMOUS_RE = re.compile(
    r"anonymity|not to be (?:named|identified)|declined to be (?:named|identified)|on condition|"
    r"not authori[sz]ed to (?:speak|comment)|speaking anonymously|who requested anonymity",
    re.IGNORECASE,
)
_EXAMPLE_RE = re.compile(r"^\s*(?:such as|including|like|among them|notably)\s+", re.IGNORECASE)
_COMMA_RE = re.compile(r",(?!\d)")
_TOKEN_RE = re.compile(r"[^\W_][\w’'\-&.]*|[,;()]")
_OPENERS = "\"“‘'([„«"
#: The clause of a cue starts after the last of these characters before it.
_LAST_BOUNDARY_RE = re.compile(r".*[;:—–\"“”„«»]", re.DOTALL)
_CLAUSE_AFTER_RE = re.compile(r"\s*(?:[,:\"“”„«]|that\b|[.!?]\s*[\"”]?\s*$|$)")
_BY_AFTER_RE = re.compile(
    r"(?:\s+(?:not|just|only|also|initially|first|previously|originally|widely|both|even|later|since)){0,3}\s+by\s+",
    re.IGNORECASE,
)
_NAME_RUN_RE = re.compile(r"(?:\s+[A-Z][\w’'\-]*\.?){1,6}")
_QUOTE_AFTER_RE = re.compile(r"(?:\s*,)?(?:\s+[^\s\"“”„«»,.;:!?]+){0,6}?\s*[,:]?\s*[\"“„«]")
_VERB_NEXT_RE = re.compile(r"\s*(?:that\b|[:\"“]|,\s*[\"“])")
_QUOTE_BEFORE_GAP = 80
_ABBREVIATION_RE = re.compile(r"^(?:[A-Za-z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Prof|Col|Lt|Jr|Sr)\.$")
_INTERRUPTED_RE = re.compile(r"(?:\s+[^\s,.;:!?\"“”]+){0,4}\s*,\s*$")
_WHEN = r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|earlier|later|late|last\s+\w+|this\s+\w+)"
_LEAD_RE = re.compile(r"[\s,:]*(?:" + _WHEN + r"\s+)?(?:that\s+)?")
#: What may follow a cue when the content comes before it: "..., Austin said on Monday."
_TIME_TAIL_RE = re.compile(
    r"(?:(?:on|in|at|by|to)\s+)?(?:" + _WHEN + r"|(?:a|an|the|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?|reporters|journalists)"
    r"(?:\s+(?:on\s+)?" + _WHEN + r")?\s*$"
)
_NEXT_WORD_RE = re.compile(r"\s+(\w+)")


#: Words that end the head group of a noun phrase, and words that end its post-modifiers.
_GROUP_STOP = PREPOSITIONS | SUBORDINATORS | AUX | frozenset(PRONOUNS) | NEGATIONS | COMMON_VERBS
_POST_STOP = AUX | (SUBORDINATORS - {"as"}) | frozenset(PRONOUNS) | NEGATIONS | COMMON_VERBS | {",", ";"}


class Tok:
    """One word of a clause: offsets, the word, its lower case and whether it is capitalised.

    A plain class with slots rather than a named tuple: in the compiled build its
    fields are read straight from the object."""

    __slots__ = ("start", "end", "word", "lw", "cap")

    def __init__(self, start: int, end: int, word: str, lw: str, cap: bool) -> None:
        self.start = start
        self.end = end
        self.word = word
        self.lw = lw  # lower case, trailing dot and possessive kept
        self.cap = cap

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.word!r})"


class NP(NamedTuple):
    start: int
    end: int  # the phrase with its post-modifiers
    cls: str  # name, pronoun, vague, role, institution, document, other, blocked
    head: str
    det: str  # '', def, poss, indef, quant
    plural: bool
    named_mod: bool
    tok_end: int
    group_end: int = -1  # end of the phrase without post-modifiers
    single: bool = False  # the phrase is one word


class Source(NamedTuple):
    start: int
    end: int
    kind: str  # named | unnamed
    rule: str
    names: tuple[str, ...]  # canonical names (named) or the normalised phrase (unnamed)
    person: bool
    plural: bool
    org: bool
    emit: bool  # False when the span is shared with an earlier cue or has no text of its own


# --- compiled rules, cached per lexicon -----------------------------------------------------------


class _Rules:
    """The lexicon compiled once: the cue trie, the word classes and helper patterns."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lookup: dict[str, tuple[str, str]] = {}
        literal: list[str] = []
        wild: list[tuple[str, str]] = []
        for entry in lexicon.entries:
            if entry.category not in CUE_CATEGORIES:
                continue
            words = entry.pattern.split()
            if any("*" in w or w == "#" for w in words):
                wild.append((entry.category, entry.pattern))
                continue
            for combo in product(*(w.split("|") for w in words)):
                key = " ".join(combo).lower().replace("’", "'")
                if key not in self.lookup:
                    self.lookup[key] = (entry.category, entry.pattern)
                    literal.append(key)
        for word in NUMBER_WORDS:
            if word not in self.lookup:
                self.lookup[word] = ("number", word)
                literal.append(word)
        body = "(?:" + _trie_regex(literal) + r")(?![\w])"
        opener = "[" + re.escape(_OPENERS) + "]?"
        # the text is lower-cased once; a cue starts after a space (fast literal search), at a
        # line start, or after one of the rarer lead characters
        self.scan = re.compile(" " + opener + body)
        self.anchored = re.compile(opener + body)
        self._folded: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        self.wild = [(re.compile(pattern_regex(p), re.IGNORECASE), c, p) for c, p in wild]
        self.classes: dict[str, frozenset[str]] = {}
        for cat in (*WORD_CLASSES, "title", "quote_title"):
            cwords: set[str] = set()
            for e in lexicon.by_category(cat):
                for combo in product(*(w.split("|") for w in e.pattern.split())):
                    k = " ".join(combo).lower().replace("’", "'")
                    cwords.add(k)
                    cwords.add(k.rstrip("."))
            self.classes[cat] = frozenset(cwords)
        self.vague = self.classes["vague"]
        self.vague_pronoun = self.classes["vague_pronoun"]
        self.role = self.classes["role"] | self.classes["title"]
        self.institution = self.classes["institution"]
        self.document = self.classes["document"]
        self.org_word = self.classes["org_word"]
        self.place_word = self.classes["place_word"]
        self.title = self.classes["title"] | self.classes["role"]
        self.quote_titles = self.classes["quote_title"]
        # per-word answers that do not depend on the article, kept to a bounded size
        self.word_classes: dict[str, str] = {}
        self.nationalities: dict[str, bool] = {}
        self.approximator = _phrase_regex(lexicon, "approximator", r"\s+\Z", capture=True)


    def regexes(self, fold: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(scan, anchored); case-insensitive copies for texts that change length in lower case."""
        if not fold:
            return self.scan, self.anchored
        if self._folded is None:
            self._folded = (re.compile(self.scan.pattern, re.IGNORECASE), re.compile(self.anchored.pattern, re.IGNORECASE))
        return self._folded


def _phrase_regex(lexicon: Lexicon, category: str, tail: str, *, capture: bool = False) -> re.Pattern[str] | None:
    entries = lexicon.by_category(category)
    if not entries:
        return None
    alts = sorted({pattern_regex(e.pattern)[len(r"(?<![\w])"):-len(r"(?![\w])")] for e in entries}, key=lambda a: (-len(a), a))
    body = "|".join(alts)
    return re.compile(r"(?<![\w])" + (f"({body})" if capture else f"(?:{body})") + tail, re.IGNORECASE)


#: Letters by frequency as first letters of English words, then overall: sre tries the
#: alternatives of a branch in order, so frequent letters first make a failed attempt cheaper.
_FIRST_LETTERS = "taosiwcbphfmdrelnguyvjkqzx"
_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"


def _trie_regex(words: Iterable[str]) -> str:
    """A regular expression matching any of the lower-case ``words``, factored as a character trie.

    Spaces match any whitespace and apostrophes both forms; where one word is
    a prefix of another, the longer one is tried first.
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def order(ch: str, depth: int) -> tuple[int, int, str]:
        k = (_FIRST_LETTERS if depth == 0 else _LETTERS).find(ch)
        return (0, k, ch) if k >= 0 else (1, 0, ch)

    def emit(node: dict[str, Any], depth: int) -> str:
        alts = []
        for ch in sorted((c for c in node if c), key=lambda c: order(c, depth)):
            piece = r"\s+" if ch == " " else "['’]" if ch == "'" else re.escape(ch)
            alts.append(piece + emit(node[ch], depth + 1))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root, 0) or "(?!x)x"


_RULES: dict[int, tuple[Lexicon, _Rules]] = {}


def _rules(lexicon: Lexicon) -> _Rules:
    cached = _RULES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, _Rules(lexicon))
        _RULES[id(lexicon)] = cached
    return cached[1]


# --- tokens and noun phrases ----------------------------------------------------------------------


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    out = []
    for m in _TOKEN_RE.finditer(text, start, end):
        w = m.group()
        out.append(Tok(m.start(), m.end(), w, w.lower().replace("’", "'"), w[0].isupper()))
    return out


def _bare(lw: str) -> str:
    """A lower-case token without its possessive and trailing dot."""
    if lw.endswith("'s"):
        lw = lw[:-2]
    elif lw.endswith("'"):
        lw = lw[:-1]
    return lw.rstrip(".")


def _is_possessive(lw: str) -> bool:
    return lw.endswith("'s") or (lw.endswith("s'") and len(lw) > 2)


def _plural(lw: str) -> bool:
    lw = _bare(lw)
    return lw.endswith("s") and not lw.endswith(("ss", "us", "is", "news")) and len(lw) > 3


def _adverb(R: _Rules, lw: str) -> bool:
    """An -ly adverb (recently, largely), not a noun such as family or ally."""
    return lw.endswith("ly") and len(lw) > 4 and lw not in NOT_ADVERBS and not _word_class(R, lw)


def _word_class(R: _Rules, lw: str) -> str:
    """vague, role, institution, document or '' for a lower-case word (plurals included); memoised."""
    cls = R.word_classes.get(lw)
    if cls is None:
        b = _bare(lw)
        cls = ""
        if b in R.vague:
            cls = "vague"
        else:
            forms = (b, b[:-3] + "y", b[:-1], b[:-2]) if b.endswith("ies") else (b, b[:-1], b[:-2]) if b.endswith("s") else (b,)
            for name, words in (("role", R.role), ("institution", R.institution), ("document", R.document)):
                if any(f in words for f in forms):
                    cls = name
                    break
        if len(R.word_classes) > MEMO_SIZE:
            R.word_classes.clear()
        R.word_classes[lw] = cls
    return cls


def _nationality(R: _Rules, word: str) -> bool:
    """A nationality or region adjective (North Korean, U.S., Western), not a country name; memoised."""
    found = R.nationalities.get(word)
    if found is None:
        w = word[:-2] if word.endswith(("'s", "’s")) else word
        found = bool(_NATIONALITY_RE.match(w)) and w.lower().rstrip(".") not in R.org_word
        if len(R.nationalities) > MEMO_SIZE:
            R.nationalities.clear()
        R.nationalities[word] = found
    return found


def _is_name_token(R: _Rules, tok: Tok, sentence_start: int, nxt: Tok | None) -> bool:
    """A capitalised token that names something (not a nationality, not a capitalised common word)."""
    if not tok.cap or _nationality(R, tok.word) or tok.lw.rstrip(".") in CALENDAR_WORDS:
        return False
    if tok.start <= sentence_start + 1 and (nxt is None or not nxt.cap) and not _is_possessive(tok.lw):
        return False
    return True


def _parse_np(R: _Rules, toks: Sequence[Tok], i: int, j: int, sent_start: int, *, partial: bool = False) -> NP | None:
    """Read the noun phrase ``toks[i:j]`` head first.

    With ``partial`` the phrase may end before ``j`` (a source after a cue);
    otherwise every token must belong to it, or None is returned.
    """
    if i >= j:
        return None
    k = i
    det = ""
    while k < j and toks[k].lw in DETERMINERS and not (k + 1 < j and toks[k + 1].lw in ("of",)):
        if toks[k].lw in R.vague_pronoun and (k + 1 == j or toks[k + 1].lw in PREPOSITIONS or toks[k + 1].word == ","):
            break
        det = det or DETERMINERS[toks[k].lw]
        k += 1
    if k >= j:
        if i < j and toks[j - 1].lw in R.vague_pronoun:
            return NP(toks[i].start, toks[j - 1].end, "vague", toks[j - 1].lw, det, True, False, j)
        return None
    first = toks[k]
    if first.lw in PRONOUNS and not first.word[1:2].isupper() and (k + 1 == j or partial):
        return NP(first.start, first.end, "pronoun", PRONOUNS[first.lw], det, first.lw in ("they", "them"), False, k + 1)
    if first.lw in BLOCKED and k == i:
        return NP(first.start, first.end, "blocked", first.lw, "", False, False, k + 1)
    if first.lw in R.vague_pronoun and (k + 1 == j or toks[k + 1].lw in PREPOSITIONS or toks[k + 1].word in ",;"):
        return NP(toks[i].start, first.end, "vague", first.lw, det, True, False, k + 1)
    g0 = k
    caps = 0
    named_mod = False
    head_at = -1
    while k < j:
        t = toks[k]
        if t.word == "(":
            close = next((x for x in range(k + 1, min(j, k + 6)) if toks[x].word == ")"), -1)
            if close < 0 or k == g0:
                break
            k = close + 1
            continue
        if t.word in ",;)":
            break
        lw = t.lw
        if lw in CONNECTORS and k > g0 and toks[k - 1].cap and k + 1 < j:
            nx = toks[k + 1]
            if nx.cap or (nx.lw == "the" and k + 2 < j and toks[k + 2].cap):
                k += 2 if nx.cap else 3
                head_at = k - 1
                caps += 1
                if _is_name_token(R, toks[k - 1], sent_start, None):
                    named_mod = True
                continue
        if lw in _GROUP_STOP:
            if not (k == g0 and t.cap) or lw in COMMON_VERBS:
                break
        if k > g0 and not t.cap and (lw.endswith("ed") or lw.endswith("ing") or _adverb(R, lw)):
            nx2 = toks[k + 1] if k + 1 < j else None
            prenominal = (
                not _adverb(R, lw) and nx2 is not None and not nx2.cap and nx2.word not in ",;()"
                and nx2.lw not in PREPOSITIONS and nx2.lw not in AUX and nx2.lw not in SUBORDINATORS
                and not _word_class(R, toks[k - 1].lw)
            )
            if not prenominal:
                break
        if k > g0 and lw in POSTMOD_ADJECTIVES:
            break  # a post-modifier after the head noun: sources close to ..., people familiar with ...
        if t.cap:
            caps += 1
            if _is_name_token(R, t, sent_start, toks[k + 1] if k + 1 < j else None):
                named_mod = True
        head_at = k
        k += 1
    if head_at < 0:
        return None
    head = toks[head_at]
    # the rest: post-modifiers (of the United States, familiar with the matter, published in The Lancet)
    end_tok = k
    post_named = post_definite = False
    x = k
    while x < j:
        t = toks[x]
        lw = t.lw
        verbish = (
            lw in _POST_STOP
            or (not t.cap and lw.endswith("ed") and not (x + 1 < j and toks[x + 1].lw in PREPOSITIONS))
        )
        if verbish or (lw in PREPOSITIONS and x + 1 < j and toks[x + 1].lw.rstrip(".") in CALENDAR_WORDS | {"last", "next", "this"}):
            if not partial:
                return None
            break
        if t.cap and _is_name_token(R, t, sent_start, toks[x + 1] if x + 1 < j else None) and _bare(lw) not in R.title:
            post_named = True
        elif lw in ("the", "its", "their", "his", "her") and x + 1 < j:
            post_definite = True  # a spokesman for the airline
        x += 1
        end_tok = x
    if not partial and end_tok != j:
        return None
    hb = _bare(head.lw)
    cls = _word_class(R, head.lw)
    if cls == "vague" and hb in R.role and any(_is_possessive(toks[x].lw) for x in range(i, head_at)):
        cls = "role"  # the bank's chief economist: one person in an office
    if head.cap:
        if caps >= 2 and cls != "vague":
            cls = "name"
        elif not cls:
            abbreviation = "." in head.word or head.word.isupper()
            cls = "name" if abbreviation or not _nationality(R, head.word) else "other"
    elif not cls:
        cls = "other"
    if not det and any(_is_possessive(toks[x].lw) for x in range(g0, head_at)):
        det = "poss"  # Macron's office, the bank's chief economist
    if _is_possessive(head.lw) and end_tok == k:
        # a bare possessor (Zelenskyy's ...) is not a subject
        return None
    if cls == "name":
        named_mod = True
    start = toks[g0].start if cls == "name" else toks[i].start
    if det and cls == "name" and toks[i].lw != "the":
        start = toks[i].start
    plural = _plural(head.lw)
    named = named_mod or post_named or (cls == "role" and post_definite and not plural)
    return NP(
        start, toks[end_tok - 1].end, cls, hb, det, plural, named, end_tok, head.end,
        head_at == g0 and end_tok == head_at + 1,
    )


def _np_kind(np: NP) -> str:
    """named or unnamed, from the head class, determiner and names (see the module docstring)."""
    cls, det = np.cls, np.det
    if cls == "name":
        return "named"
    if cls == "vague":
        return "unnamed"
    if cls == "role":
        if np.named_mod:
            return "named"
        # a spokesperson, lawyers for the plaintiffs: offices without a name
        return "unnamed" if det in ("indef", "quant") or (np.plural and det not in ("poss",)) else "named"
    if cls == "institution":
        if np.named_mod or det in ("def", "poss"):
            return "named"
        # bare: "Police said" names the force; "intelligence agencies", "allied military leadership" do not
        return "named" if det == "" and not np.plural and np.single else "unnamed"
    if cls == "document":
        return "named" if det in ("def", "poss") or np.named_mod else "unnamed"
    return "named" if det in ("def", "poss") and not np.plural else "unnamed"


# --- canonical names ------------------------------------------------------------------------------


def _split_conjuncts(words: list[str], org_word: frozenset[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for i, w in enumerate(words):
        if w.lower() in ("and", "&") and parts[-1] and i + 1 < len(words):
            left = parts[-1]
            right_first = words[i + 2] if words[i + 1].lower() == "the" and i + 2 < len(words) else words[i + 1]
            if left[-1][:1].isupper() and right_first[:1].isupper():
                rest = words[i + 1 :]
                left_org = any(_bare(x.lower()) in org_word for x in left)
                ends_org = bool(rest) and all(_capital(x) or x.lower() in CONNECTORS | {"the"} for x in rest) \
                    and _bare(rest[-1].lower()) in org_word
                if not (len(left) == 1 and not left_org and ends_org):
                    parts.append([])
                    continue
        parts[-1].append(w)
    return [p for p in parts if p]


def _capital(w: str) -> bool:
    return w[:1].isupper()


def _clean_name(words: list[str]) -> str:
    out = [w.strip(",;:()") for w in words]
    out = [w for w in out if w]
    if out:
        last = out[-1]
        if last.endswith(("'s", "’s")):
            out[-1] = last[:-2]
        elif last.endswith(("'", "’")):
            out[-1] = last[:-1]
    return " ".join(out)


def canonical_names(cue: str, lexicon: Lexicon | None = None) -> list[tuple[str, bool]]:
    """The names a source phrase stands for, each with whether it is a person.

    Titles are stripped (``U.S. Defense Secretary Lloyd Austin`` ->
    ``Lloyd Austin``), coordinated names split (``Blinken and Austin``),
    a parenthesised acronym and a leading ``the`` dropped; a phrase
    without a name is returned in lower case (``the company``).
    """
    from .lexicon import load_lexicon

    R = _rules(lexicon if lexicon is not None else load_lexicon("attribution"))
    return _canonical(R, cue)


def _canonical(R: _Rules, cue: str) -> list[tuple[str, bool]]:
    words = [w for w in cue.split() if not (w.startswith("(") and w.endswith(")"))]
    if 0 < len(words) <= 3 and all(w[:1].isupper() and _bare(w.lower()) not in R.title for w in words) \
            and words[0].lower() not in ("the", "a", "an", "both"):
        # a plain name (Kovalenko, United States, Mira Rapp-Hooper): nothing to strip or split
        text = NAME_ALIASES.get(_clean_name(words), _clean_name(words))
        lows = [_bare(w.lower()) for w in text.split()]
        person = len(lows) >= 2 and not any(w in R.org_word or w in R.place_word for w in lows)
        return [(text, person)]
    while words and words[0].lower() in ("the", "a", "an", "both"):
        words = words[1:]
    out = []
    for part in _split_conjuncts(words, R.org_word):
        found = _canonical_part(R, part)
        if found is not None:
            out.append(found)
    if out:
        return out
    # an office or document tied to a name: a spokesperson for Amazon, data from the Commerce Department
    for x, w in enumerate(words[:-1]):
        if w.lower() in ("for", "at", "from", "by", "in"):
            found = _canonical_part(R, words[x + 1:])
            if found is not None:
                return [(found[0], False)]
    # a definite reference without a name (the company, his lawyer): kept in lower case
    phrase = " ".join(cue.lower().split())
    for article in ("the ", "a ", "an "):
        if phrase.startswith(article):
            return [(phrase[len(article):], False)]
    return [(phrase, False)]


def _canonical_part(R: _Rules, part: list[str]) -> tuple[str, bool] | None:
    """The name in one conjunct, or None when its head is a common noun (the company)."""
    while part and part[0].lower() in ("the", "a", "an", "both"):
        part = part[1:]
    lows = [_bare(w.lower().replace("’", "'").strip(",;:")) for w in part]
    # the leading group ends at the first preposition that does not join two capitalised words
    end = len(part)
    for x in range(1, len(part)):
        if lows[x] in PREPOSITIONS and not (
            lows[x] in CONNECTORS and _capital(part[x - 1]) and x + 1 < len(part)
            and (_capital(part[x + 1]) or (lows[x + 1] == "the" and x + 2 < len(part) and _capital(part[x + 2])))
        ):
            end = x
            break
    if not part or not _capital(part[end - 1]):
        return None
    part, lows = part[:end], lows[:end]
    for x in range(len(part) - 1, -1, -1):
        if lows[x] not in R.title:
            continue
        y = x + 1
        while y < len(part) and lows[y] in R.title:
            y += 1
        if y + 1 < len(part) and lows[y] == "of" and _capital(part[y + 1]):
            y += 2  # Secretary of State
            while y < len(part) and lows[y] in R.title:
                y += 1
        run = []
        while y < len(part) and _capital(part[y]) and lows[y] not in CONNECTORS:
            run.append(part[y])
            y += 1
        if run:
            return _clean_name(run), True
    text = _clean_name(part)
    if text.lower().startswith("the "):
        text = text[4:]
    if not text:
        return None
    text = NAME_ALIASES.get(text, text)
    toks = text.split()
    lows2 = [_bare(w.lower()) for w in toks]
    person = (
        2 <= len(toks) <= 4
        and not any(w in R.org_word or w in R.place_word or w in R.title for w in lows2)
        and all(_capital(w) for w in toks)
    )
    return text, person


def _alias_map(names: Iterable[tuple[str, bool]]) -> dict[str, str]:
    """Surname -> full name, for persons named with two or more words (first in sort order wins)."""
    out: dict[str, str] = {}
    for name, person in sorted(set(names)):
        parts = name.split()
        if person and len(parts) >= 2:
            out.setdefault(parts[-1], name)
    return out


def named_source_names(spans: Iterable[Span], lexicon: Lexicon | None = None) -> list[str]:
    """The distinct names of the ``source`` spans (what ``named_sources`` counts), sorted.

    Titles are stripped, coordinated names split, a surname alone is joined
    to the full name that ends with it, a resolved pronoun counts as its
    antecedent (read from its rule), and a definite reference without a
    name (``the company``) is not a name.
    """
    from .lexicon import load_lexicon

    return _named_source_names(_rules(lexicon if lexicon is not None else load_lexicon("attribution")), spans)


def _named_source_names(R: _Rules, spans: Iterable[Span], canonical=None) -> list[str]:
    canonical = canonical or (lambda cue: _canonical(R, cue))
    found: list[tuple[str, bool]] = []
    for sp in spans:
        if sp.category != "source":
            continue
        if sp.rule.startswith("rule:pronoun="):
            found.extend((n, True) for n in sp.rule.split("=", 1)[1].split("; "))
        elif sp.rule.startswith("rule:pronoun"):
            continue
        else:
            found.extend(canonical(sp.cue))
    alias = _alias_map(found)
    return sorted({alias.get(n, n) if " " not in n else n for n, _ in found if n[:1].isupper()})


# --- sentence flags -------------------------------------------------------------------------------


def sentence_flags(sentences: Sequence[tuple[int, int]], spans: Iterable[Span]) -> list[tuple[bool, bool]]:
    """For each sentence: (carries attributed content, attributed to an unnamed source).

    A sentence carries attributed content when it overlaps an ``attribution``
    span or a ``quote`` span that is not ``quote:short``; it is attributed
    to an unnamed source when it overlaps an ``unnamed_source`` span.
    """
    starts = [s for s, _ in sentences]
    attributed = [False] * len(sentences)
    unnamed = [False] * len(sentences)
    for sp in spans:
        if sp.category == "attribution" or (sp.category == "quote" and sp.rule != "quote:short"):
            target = attributed
        elif sp.category == "unnamed_source":
            target = unnamed
        else:
            continue
        i = max(0, bisect_right(starts, sp.start) - 1)
        while i < len(sentences) and sentences[i][0] < sp.end:
            if sentences[i][1] > sp.start:
                target[i] = True
            i += 1
    return list(zip(attributed, unnamed))


# --- the scorer -----------------------------------------------------------------------------------


class _Cue(NamedTuple):
    start: int
    end: int
    category: str
    pattern: str


class _Attribution(NamedTuple):
    start: int
    end: int
    category: str
    rule: str
    source: Source | None
    content: tuple[int, int] | None
    sentence: int


class _State:
    """What the scorer knows while it walks the sentences in order."""

    def __init__(self, R: _Rules, doc: Document, quotes: list[Quote]) -> None:
        self.R = R
        self.doc = doc
        self.text = doc.text
        self.quotes = quotes
        self.q_starts = [q.start for q in quotes]
        self.q_used: set[int] = set()
        self.history: list[tuple[int, int, Source]] = []  # (sentence, position, source)
        self.mentions: list[tuple[int, int, str]] = []  # (sentence, position, person name) from title words
        self.alias: dict[str, str] = {}
        self.persons: set[str] = set()
        self.sent_starts = [s for s, _ in doc.sentences]
        self._canonical: dict[str, list[tuple[str, bool]]] = {}
        self._headline: dict[int, bool] = {}

    def canonical(self, cue: str) -> list[tuple[str, bool]]:
        found = self._canonical.get(cue)
        if found is None:
            found = self._canonical[cue] = _canonical(self.R, cue)
        return found

    def headline(self, si: int) -> bool:
        """Whether sentence ``si`` is a headline (most of its words capitalised); computed once."""
        if si not in self._headline:
            s, e = self.doc.sentences[si]
            self._headline[si] = e - s <= 300 and _is_headline(self.text, s, e)
        return self._headline[si]

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.quotes[i].start < pos < self.quotes[i].end - 1

    def remember(self, si: int, pos: int, src: Source) -> None:
        self.history.append((si, pos, src))
        if src.kind == "named":
            for n in src.names:
                if src.person:
                    self.persons.add(n)
                    parts = n.split()
                    if len(parts) >= 2:
                        self.alias.setdefault(parts[-1], n)

    def mention(self, si: int, pos: int, name: str) -> None:
        self.mentions.append((si, pos, name))
        self.persons.add(name)
        parts = name.split()
        if len(parts) >= 2:
            self.alias.setdefault(parts[-1], name)


def _names_for(state: _State, text: str) -> tuple[tuple[str, ...], bool, bool]:
    """Canonical names of a named phrase, whether it is a person, whether an organisation."""
    found = state.canonical(text)
    names = []
    person = False
    for n, p in found:
        if " " not in n and n in state.alias:
            n, p = state.alias[n], True
        elif n in state.persons:
            p = True
        names.append(n)
        person = person or p
    return tuple(names), person, not person


def _make_source(state: _State, np: NP, rule: str, *, kind: str | None = None) -> Source:
    if np.cls == "name" and np.group_end > np.start:
        np = np._replace(end=np.group_end)
    text = state.text[np.start:np.end]
    kind = kind or _np_kind(np)
    if kind == "named":
        names, person, org = _names_for(state, text)
        if np.cls == "role" and not np.named_mod:
            person, org = True, False
    else:
        names, person, org = (" ".join(text.lower().split()),), False, np.cls in ("institution", "document")
    plural = np.plural or " and " in text or np.cls == "vague" and np.det == "quant"
    return Source(np.start, np.end, kind, rule, names, person, plural, org, True)


def _resolve(state: _State, si: int, pos: int, np: NP) -> Source | None:
    """A pronoun source resolved to an earlier source or name (see the module docstring)."""
    pron = np.head
    if pron == "we":
        return None
    lo = si - PRONOUN_WINDOW
    best: tuple[int, Source | None, str] | None = None
    if pron in ("he", "she"):
        for hs, hp, src in reversed(state.history):
            if hs < lo:
                break
            if hp < pos and src.kind == "named" and src.person and len(src.names) == 1:
                best = (hp, src, src.names[0])
                break
        for ms, mp, name in reversed(state.mentions):
            if ms < lo:
                break
            if mp < pos:
                if best is None or mp > best[0]:
                    best = (mp, None, state.alias.get(name.split()[-1], name) if " " not in name else name)
                break
        if best is None:
            return Source(np.start, np.end, "named", "rule:pronoun-unresolved", (pron,), True, False, False, True)
        name = best[2]
        return Source(np.start, np.end, "named", f"rule:pronoun={name}", (name,), True, False, False, True)
    pick = fallback = None
    for hs, hp, src in reversed(state.history):
        if hs < lo:
            break
        if hp >= pos:
            continue
        if pron == "they":
            fallback = fallback or src
            if src.plural or src.org:
                pick = src
                break
        elif src.org and not src.person:  # it
            pick = src
            break
    pick = pick or fallback
    if pick is None:  # "it" stands for one body (named), "they" for a group (unnamed)
        kind = "named" if pron == "it" else "unnamed"
        return Source(np.start, np.end, kind, "rule:pronoun-unresolved", (pron,), False, pron == "they", pron == "it", True)
    if pick.kind == "named":
        return Source(np.start, np.end, "named", "rule:pronoun=" + "; ".join(pick.names), pick.names, pick.person, pick.plural, pick.org, True)
    return Source(np.start, np.end, "unnamed", "rule:pronoun", pick.names, False, pick.plural, pick.org, True)


def _right_np(state: _State, pos: int, sent_end: int, sent_start: int) -> NP | None:
    toks = _tokens(state.text, pos, min(sent_end, pos + 160))
    stop = len(toks)
    for x, t in enumerate(toks):
        if t.word in ",;" or x >= RIGHT_NP_WORDS:
            stop = x
            break
        if t.word.endswith(".") and not _ABBREVIATION_RE.match(t.word):
            toks[x] = Tok(t.start, t.end - 1, t.word[:-1], t.lw[:-1], t.cap)
            stop = x + 1
            break
    if not stop:
        return None
    return _parse_np(state.R, toks, 0, stop, sent_start, partial=True)


def _is_headline(text: str, s: int, e: int) -> bool:
    words = text[s:e].split()
    if not words or text[e - 1] in ".!?":
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= HEADLINE_CAPS


def _participle_form(word: str) -> bool:
    lw = word.lower()
    return lw.endswith("ed") or lw.endswith("en") or lw in IRREGULAR_PARTICIPLES


def _strip_tail(R: _Rules, toks: Sequence[Tok], a: int, b: int) -> int:
    """Drop auxiliaries and adverbs before a verb: ``has also``, ``had independently``."""
    while b > a:
        t = toks[b - 1]
        if t.lw in AUX or t.lw in ADVERBS or (not t.cap and _adverb(R, t.lw)):
            b -= 1
        else:
            break
    return b


def _introductory(R: _Rules, tok: Tok) -> bool:
    """A word that opens an introductory phrase, not a subject (Similarly, During ..., Compounding ...)."""
    lw = tok.lw
    return (
        lw in ADVERBS or _adverb(R, lw) or lw in PREPOSITIONS or lw in SUBORDINATORS or lw in AUX
        or lw.endswith("ing") or (lw.endswith("ed") and not _word_class(R, lw))
    )


class _Region:
    """The clause before a cue, split at commas; a stretch is found and tokenised only when it is read."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        self.lo = lo
        self.hi = hi
        self._bounds: list[tuple[int, int]] | None = None
        self._cache: dict[int, list[Tok]] = {}
        # the last stretch is always read: find its start without splitting the whole clause
        c = text.rfind(",", lo, hi)
        while c >= 0 and c + 1 < hi and text[c + 1].isdigit():  # 3,000 is not a comma boundary
            c = text.rfind(",", lo, c)
        self.last_start = c + 1 if c >= 0 else lo
        self.has_comma = c >= 0

    @property
    def bounds(self) -> list[tuple[int, int]]:
        if self._bounds is None:
            commas = [m.start() for m in _COMMA_RE.finditer(self.text, self.lo, self.hi)]
            self._bounds = list(zip([self.lo, *(c + 1 for c in commas)], [*commas, self.hi]))
        return self._bounds

    def __len__(self) -> int:
        return len(self.bounds)

    def tokens(self, k: int) -> list[Tok]:
        """Tokens of stretch ``k`` (negative: from the cue backwards)."""
        if k == -1:
            a, b = self.last_start, self.hi
        else:
            k %= len(self.bounds)
            a, b = self.bounds[k]
            if b == self.hi:
                k = -1
        if k not in self._cache:
            if b - a > MAX_SUBJECT_CHARS:  # no subject is that long: read its end only
                cut = self.text.find(" ", b - MAX_SUBJECT_CHARS, b)
                a = cut if cut >= 0 else b
            self._cache[k] = _tokens(self.text, a, b)
        return self._cache[k]

    def text_of(self, k: int) -> str:
        a, b = self.bounds[k % len(self.bounds)]
        return self.text[a:b]


def _subject(state: _State, si: int, cue: _Cue, sent: tuple[int, int], region: _Region, region_type: str,
             prev: list[_Attribution]) -> tuple[Source | None, str]:
    """The source of a verb cue and how it was found; (None, reason) when there is none."""
    text = state.text
    R = state.R
    ss, se = sent
    first_word = text[cue.start:cue.end].split()[0].lower()
    participle = first_word.endswith("ing")
    # by + agent after a participle form
    if _participle_form(first_word) or cue.category == "passive":
        m = _BY_AFTER_RE.match(text, cue.end, se)
        if m:
            np = _right_np(state, m.end(), se, ss)
            if np is not None and np.cls in _SOURCE_LIKE:
                return _make_source(state, np, "rule:by-agent"), ""
    toks = region.tokens(-1)
    a, b0 = 0, len(toks)
    b = _strip_tail(R, toks, a, b0)
    if participle and any(toks[x].lw in AUX for x in range(b, b0)):
        participle = False  # progressive: investors are betting
    # the verb follows "to": purpose clause, subject of the main clause
    if b > a and toks[b - 1].lw == "to" and cue.category in _VERB_CATEGORIES:
        return _main_or_none(state, si, region, ss, prev, upto=len(region))
    # last subordinator in the clause
    sub = -1
    for x in range(b - 1, a - 1, -1):
        lw = toks[x].lw
        if lw in SUBORDINATORS:
            if lw == "as" and x > a and toks[x - 1].lw in ("such", "well", "so"):
                continue
            sub = x
            break
        if lw in ("and", "but", "or") and x + 1 < b and toks[x + 1].lw in PRONOUNS:
            sub = x
            break
    if sub >= 0 and sub + 1 == b and toks[sub].lw in ("and", "but", "or"):
        # "... and has also stated", "..., but confirmed that": the subject of the main clause
        return _main_or_none(state, si, region, ss, prev, upto=len(region) - 1, last=toks[:sub])
    if sub >= 0:
        if toks[sub].lw in ("who", "which", "that") and sub + 1 == b:
            # relative clause: the antecedent before ", who" or before "who"
            if sub > a:
                np = _parse_np(R, toks, a, sub, ss)
            elif len(region) >= 2:
                ptoks = region.tokens(-2)
                np = _parse_np(R, ptoks, 0, len(ptoks), ss)
            else:
                np = None
            if np is None or np.cls == "blocked":
                return None, "rule:no-subject"
            if np.cls == "pronoun":
                return _resolve(state, si, np.start, np), ""
            return _make_source(state, np, "rule:subject"), ""
        a = sub + 1
    if b > a:
        if toks[b - 1].lw in PRONOUNS and (b - a == 1 or toks[b - 2].lw not in DETERMINERS):
            np = _parse_np(R, toks, b - 1, b, ss)
        elif toks[b - 1].lw in ("and", "or", "but") and (participle or b - a == 1):
            # "..., adding that" / "... and has also stated": the subject of the main clause
            return _main_or_none(state, si, region, ss, prev, upto=len(region) - 1, last=toks[:b - 1])
        elif participle:
            # reduced relative: reports confirming, intelligence indicating
            x = b
            while x > a and toks[x - 1].lw not in PREPOSITIONS and toks[x - 1].lw not in AUX and toks[x - 1].word not in ",;" \
                    and not (x < b and not toks[x - 1].cap and _participle_form(toks[x - 1].lw) and toks[x - 1].lw not in R.document):
                x -= 1
            np = _parse_np(R, toks, x, b, ss)
            if np is not None:
                return _check_and_build(state, si, np, cue, "rule:reduced-relative")
            return None, "rule:no-subject"
        else:
            np = _parse_np(R, toks, a, b, ss)
        if np is None:
            return None, "rule:no-subject"
        return _check_and_build(state, si, np, cue, "rule:subject")
    # nothing before the verb in its clause
    if participle and cue.category in _VERB_CATEGORIES:
        if sub > 0:  # "He was quoted as saying": the clause before the subordinator
            return _main_or_none(state, si, region, ss, prev, upto=len(region) - 1, last=toks[:sub])
        return _main_or_none(state, si, region, ss, prev, upto=len(region) - 1)
    if len(region) >= 3 and region_type != "cue":
        ntoks = region.tokens(-3)
        np = _parse_np(R, ntoks, 0, len(ntoks), ss)
        if np is not None and np.cls not in ("blocked", "other"):
            app = region.text_of(-2)
            if _ANONYMOUS_RE.search(app):
                src = _make_source(state, np, "rule:anonymous", kind="unnamed")
                return src, ""
            ex = _EXAMPLE_RE.match(app)
            if ex and np.cls == "vague":
                a0 = region.bounds[-2][0]
                anp = _right_np(state, a0 + ex.end(), region.bounds[-2][1], ss)
                if anp is not None and anp.cls == "name":
                    return _make_source(state, anp._replace(end=anp.group_end), "rule:example-name"), ""
            if np.cls in ("role", "vague"):
                atoks = region.tokens(-2)
                anp = _parse_np(R, atoks, 0, len(atoks), ss, partial=True)
                if anp is not None and anp.cls == "name":
                    return _make_source(state, anp._replace(end=anp.group_end), "rule:appositive-name"), ""
            return _check_and_build(state, si, np, cue, "rule:subject")
    # inversion: "...," said Lloyd Austin (only after a comma or a quotation mark)
    before = text[max(ss, cue.start - 8):cue.start].rstrip()
    if not before or before[-1] not in ",\"”’'":
        return None, "rule:no-subject"
    np = _right_np(state, cue.end, se, ss)
    if np is not None and np.cls in _SOURCE_LIKE and np.cls != "pronoun":
        return _make_source(state, np, "rule:inverted"), ""
    if np is not None and np.cls == "pronoun" and np.head != "we":
        return _resolve(state, si, np.start, np), ""
    return None, "rule:no-subject"


def _main_or_none(state: _State, si: int, region: _Region, ss: int, prev: list[_Attribution], *, upto: int,
                  last: list[Tok] | None = None) -> tuple[Source | None, str]:
    """The source of the earlier cue of the sentence, else of the main clause (stretches before ``upto``)."""
    for att in reversed(prev):
        if att.sentence < si:
            break
        if att.source is not None:
            return att.source._replace(emit=False), ""
    R = state.R
    for k in range(upto + (1 if last is not None else 0)):
        toks = last if (last is not None and k == upto) else region.tokens(k)
        if not toks or _introductory(R, toks[0]):
            continue
        np = _parse_np(R, toks, 0, len(toks), ss, partial=True)
        if np is None:
            continue
        if np.cls == "blocked" or np.cls not in _PERSONAL:
            return None, "rule:subject-not-a-source"
        if np.cls == "pronoun":
            src = _resolve(state, si, np.start, np)
        else:
            src = _make_source(state, np, "rule:main-clause")
        return (src, "") if src is not None else (None, "rule:no-subject")
    return None, "rule:no-subject"


def _check_and_build(state: _State, si: int, np: NP, cue: _Cue, rule: str) -> tuple[Source | None, str]:
    cat = cue.category
    if np.cls == "blocked":
        return None, "rule:writer-voice"
    if np.cls == "pronoun":
        if np.head == "we":
            return None, "rule:writer-voice"
        if np.head == "it" and (cat != "speech" or state.text[cue.start:cue.end].split()[0].lower().endswith("s")):
            return None, "rule:writer-voice"
        if cat == "belief_sourced" and np.head == "it":
            return None, "rule:subject-not-a-source"
        return _resolve(state, si, np.start, np), ""
    if cat in _SOURCED and np.cls not in _SOURCE_LIKE:
        return None, "rule:subject-not-a-source"
    if cat == "speech_sourced" and state.text[np.start:np.end].split()[0].lower() in DEMONSTRATIVES:
        return None, "rule:writer-voice"  # This statement underscores ...
    if np.cls == "other" and np.det not in ("def", "poss"):
        return None, "rule:subject-not-a-source"  # It's a moment that calls for ...
    if cat == "belief_sourced" and np.cls == "document":
        return None, "rule:subject-not-a-source"
    if cat == "evidence_document" and np.cls != "document":
        return None, "rule:subject-not-a-source"  # police found a gun
    return _make_source(state, np, rule), ""


def _content(state: _State, cue: _Cue, src: Source | None, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The attributed content: linked quotations, else the clause after (or before) the cue."""
    text = state.text
    ss, se = sent
    quotes = state.quotes
    participle = text[cue.start:cue.end].split()[0].lower().endswith("ing")
    before = after = None
    # a quotation right before the cue (with its source between): "...," she said
    i = bisect_left(state.q_starts, cue.start) - 1
    if not participle and i >= 0 and i not in state.q_used and quotes[i].end <= cue.start and quotes[i].start >= ss:
        gap_start = quotes[i].end
        gap_end = cue.start
        if src is not None and src.emit and gap_start <= src.start < cue.start:
            gap = text[gap_start:src.start] + text[src.end:cue.start]
        else:
            gap = text[gap_start:gap_end]
        if len(gap) <= _QUOTE_BEFORE_GAP and not any(c in gap for c in ".;:!?") and len(gap.split()) <= 3:
            before = i
    # a quotation right after the cue: said, "..." / said that "..."
    j = bisect_left(state.q_starts, cue.end)
    if j < len(quotes) and j not in state.q_used and quotes[j].start < se:
        m = _QUOTE_AFTER_RE.match(text, cue.end, quotes[j].start + 1)
        if m and m.end() == quotes[j].start + 1 and (before is None or text[quotes[before].end:cue.start].strip(" ,") != ""):
            after = j
    if before is not None:
        state.q_used.add(before)
        end = quotes[before].end
        if after is not None and _INTERRUPTED_RE.match(text[cue.end:quotes[after].start]):
            state.q_used.add(after)
            end = quotes[after].end
        return (quotes[before].start, end)
    if after is not None:
        state.q_used.add(after)
        return (quotes[after].start, quotes[after].end)
    if cue.category in ("passive", "adverb"):
        return (ss, se)
    # clause after the cue
    m = _LEAD_RE.match(text, cue.end, se)
    cs = m.end() if m else cue.end
    if src is not None and src.emit and src.start >= cue.end:
        cs = src.end
        m2 = _LEAD_RE.match(text, cs, se)
        cs = m2.end() if m2 else cs
    ce = se
    while ce > cs and text[ce - 1] in ".!?\"”’ ":
        ce -= 1
    if ce - cs > 3 and not _TIME_TAIL_RE.match(text, cs, ce):
        return (cs, ce)
    # nothing after: the content comes before ("..., Austin said.")
    start_src = src.start if src is not None and src.emit and src.start < cue.start else cue.start
    cut = text.rfind(",", max(ss, start_src - SUBJECT_WINDOW), start_src)
    if cut > ss:
        return (ss, cut)
    return None


def score(doc: Document, lexicons: dict[str, Lexicon]) -> ScorerResult:
    """Attribution spans, scores and details for one document (see the module docstring)."""
    R = _rules(lexicons["attribution"])
    text = doc.text
    sentences = doc.sentences
    quotes = find_quotes(text, doc.body, titles=R.quote_titles)
    state = _State(R, doc, quotes)
    sent_starts = state.sent_starts

    # pass 2: cue candidates, titles and number words
    cues: list[_Cue] = []
    number_words: list[tuple[int, int]] = []
    lookup = R.lookup
    for cs, ce in _candidates(R, text, doc.body, doc.lower_text):
        key = " ".join(text[cs:ce].lower().split()).replace("’", "'")
        cat, pattern = lookup[key]
        if cat == "number":
            number_words.append((cs, ce))
        else:
            cues.append(_Cue(cs, ce, cat, pattern))
    for s, e in doc.body:
        for rx, cat, pattern in R.wild:
            for wm in rx.finditer(text, s, e):
                cues.append(_Cue(wm.start(), wm.end(), cat, pattern))
    if R.wild:
        cues.sort()

    attributions: list[_Attribution] = []
    frames: dict[int, _Cue] = {}
    last_cue_end: dict[int, int] = {}
    judged: dict[int, int] = {}
    for cue in cues:
        if cue.category == "veto":
            continue  # its words are consumed: the candidates do not overlap
        si = bisect_right(sent_starts, cue.start) - 1
        if si < 0:
            continue
        ss, se = sentences[si]
        if cue.category == "title":
            _title_mention(state, si, cue, se)
            continue
        if state.in_quote(cue.start):
            continue
        word = text[cue.start:cue.end]
        if word[:1].isupper() and not _at_sentence_start(text, ss, cue.start) and not state.headline(si):
            continue
        if cue.category == "frame":
            frames.setdefault(si, cue)
            continue
        judged[si] = judged.get(si, 0) + 1
        if judged[si] > MAX_CUES_PER_SENTENCE:
            continue  # not prose: a "sentence" made of cue words
        att = _judge(state, si, cue, (ss, se), last_cue_end.get(si, ss), attributions)
        if att is None:
            continue
        attributions.append(att)
        last_cue_end[si] = cue.end
        if att.source is not None and att.source.emit:
            state.remember(si, att.source.start, att.source)
    attributed_sentences = {a.sentence for a in attributions}
    for si, cue in sorted(frames.items()):
        if si in attributed_sentences:
            continue
        ss, se = sentences[si]
        src = None
        words = text[cue.start:cue.end].split()
        owner = next((w for w in words if w.lower() in ("his", "her", "their", "its")), None)
        if owner is not None:  # in his view: the owner is the source
            at = cue.start + text[cue.start:cue.end].index(owner)
            head = {"his": "he", "her": "she", "their": "they", "its": "it"}[owner.lower()]
            pron = NP(at, at + len(owner), "pronoun", head, "", head == "they", False, 0)
            src = _resolve(state, si, at, pron)
        elif text[cue.end:cue.end + 1] == ",":  # in a statement, the ministry ...
            np = _right_np(state, cue.end + 1, se, ss)
            if np is not None and np.cls in _SOURCE_LIKE:
                src = _resolve(state, si, np.start, np) if np.cls == "pronoun" else _make_source(state, np, "rule:subject")
        lm = _LEAD_RE.match(text, cue.end, se)
        lead = lm.end() if lm else cue.end  # the lead pattern matches the empty string too
        ce = se
        while ce > lead and text[ce - 1] in ".!?\"”’ ":
            ce -= 1
        attributions.append(_Attribution(cue.start, cue.end, cue.category, f"attribution:{cue.pattern}", src,
                                         (lead, ce) if ce > lead else None, si))
    attributions.sort(key=lambda a: a.start)
    return _result(state, attributions, number_words)


def _candidates(R: _Rules, text: str, body: Sequence[tuple[int, int]], low: str | None = None) -> list[tuple[int, int]]:
    """Start and end of every cue candidate in the body lines, leftmost-longest, not overlapping.

    ``low`` is ``text.lower()`` when the caller has it (``Document.lower_text``)."""
    if not body:
        return []
    if low is None:
        low = text.lower()
    fold = len(low) != len(text)  # a few characters change length in lower case
    scan, anchored = R.regexes(fold)
    if fold:
        low = text
    lo0, hi0 = body[0][0], body[-1][1]
    found = [m.span() for m in scan.finditer(low, max(lo0 - 1, 0), hi0)]
    for s, e in body:
        m = anchored.match(low, s, e)
        if m:
            found.append(m.span())
    found.extend(matches_after_leads(low, anchored, lo0, hi0))  # a cue right after a dash, slash, tab ...
    found.sort()
    out: list[tuple[int, int]] = []
    seg = 0
    last_end = -1
    for s, e in found:
        while s < e and not low[s].isalnum():  # the space and opening quote before the cue
            s += 1
        if s < last_end:
            continue
        while seg < len(body) and body[seg][1] <= s:
            seg += 1
        if seg == len(body):
            break
        if s < body[seg][0] or e > body[seg][1]:
            continue  # outside the body, or across a line end
        out.append((s, e))
        last_end = e
    return out


def _at_sentence_start(text: str, ss: int, pos: int) -> bool:
    """Whether only spaces, opening quotes, brackets or a bullet stand between ``ss`` and ``pos``."""
    return pos - ss <= 6 and not text[ss:pos].strip(" \"“‘'([•-–—\u2022\t")


def _title_mention(state: _State, si: int, cue: _Cue, se: int) -> None:
    m = _NAME_RUN_RE.match(state.text, cue.end, se)
    if not m:
        return
    words = m.group().split()
    R = state.R
    y = 0
    while y < len(words) and _bare(words[y].lower()) in R.title:
        y += 1
    name = _clean_name(words[y:])
    if not name or state.in_quote(cue.start):
        return
    lows = [_bare(w.lower()) for w in name.split()]
    if any(w in R.org_word or w in R.place_word for w in lows) or _nationality(R, name.split()[0]):
        return  # Foreign Ministry, Senior Director for ...: an office, not a person
    state.mention(si, cue.start, name)


def _judge(state: _State, si: int, cue: _Cue, sent: tuple[int, int], region_floor: int, prev: list[_Attribution]) -> _Attribution | None:
    """Apply the context rules to one cue candidate; an attribution or None."""
    text = state.text
    R = state.R
    ss, se = sent
    cat = cue.category
    rule = f"attribution:{cue.pattern}"
    if cat in ("passive", "adverb", "according"):
        return _judge_no_subject(state, si, cue, sent, rule)
    # the clause region: after the last strong boundary, quotation or earlier cue
    lo = max(ss, cue.start - SUBJECT_WINDOW, region_floor)
    region_type = "cue" if region_floor > ss and lo == region_floor else "sentence"
    m = _LAST_BOUNDARY_RE.match(text, lo, cue.start)
    if m:
        lo = m.end()
        region_type = "boundary"
    region = _Region(text, lo, cue.start)
    prev_toks = region.tokens(-1)  # the words since the last comma
    prev_lw = prev_toks[-1].lw if prev_toks else ("," if region.has_comma else "")
    if cat in _VERB_CATEGORIES:
        first_word = text[cue.start:cue.end].split()[0]
        if first_word[0].isupper() and first_word.endswith("ed") and not _at_sentence_start(text, ss, cue.start) \
                and state.headline(si):
            # a headline participle: North Korean Troops Confirmed Deployed
            src: Source | None = Source(cue.start, cue.end, "unnamed", "rule:headline-passive", ("(agentless)",), False, False, False, True)
            return _Attribution(cue.start, cue.end, cat, rule, src, (ss, se), si)
        if prev_lw in NOUN_MARKERS or _is_possessive(prev_lw) or text[cue.start - 1:cue.start] == "-":
            return None  # rule:noun-reading
        tail = [t.lw for t in prev_toks[-3:]]
        if any(w in NEGATIONS or w.endswith("n't") for w in tail):
            return None  # rule:negated
        if prev_lw in MODALS:
            if prev_lw != "to" or (len(prev_toks) >= 2 and prev_toks[-2].lw in INTENT_WORDS):
                return None  # rule:modal
        if _participle_form(first_word) and prev_lw in ("is", "are", "was", "were", "be", "been", "being", "'s", "'re"):
            m = _BY_AFTER_RE.match(text, cue.end, se)
            if not m:
                return None  # rule:passive-without-agent
        if cat == "speech_clause" and not cue.pattern.endswith(" that"):
            if not _CLAUSE_AFTER_RE.match(text, cue.end, se) and not _inverted_shape(state, cue, sent):
                return None  # rule:no-complement
        if cat in ("speech_noun", "belief_noun"):
            before_ok = prev_toks and (prev_lw in ("he", "she", "it", "who", "which")
                                       or _bare(prev_lw) in R.vague or prev_lw in R.vague_pronoun
                                       or (prev_toks[-1].cap and not _nationality(R, prev_toks[-1].word)
                                           and prev_toks[-1].start > ss + 1))
            if not before_ok and prev_toks and _word_class(R, prev_lw) in ("role", "institution", "document") \
                    and not _plural(prev_lw) and len(prev_toks) >= 2:
                # the manifesto promises ..., not confirmed the intelligence reports
                x = len(prev_toks) - 2
                while x >= 0 and (prev_toks[x].lw in NOUN_MARKERS or _is_possessive(prev_toks[x].lw)):
                    x -= 1
                before_ok = x < len(prev_toks) - 2 and (
                    (x < 0 and region_type != "cue") or (x >= 0 and prev_toks[x].lw in SUBORDINATORS)
                )  # not after an earlier verb: confirmed the intelligence reports
            if not (before_ok or _VERB_NEXT_RE.match(text, cue.end, se)):
                return None  # rule:noun-reading
        src, _reason = _subject(state, si, cue, sent, region, region_type, prev)
        if src is None:
            return None
        return _Attribution(cue.start, cue.end, cat, rule, src, _content(state, cue, src, sent), si)
    if cat == "noun_that":
        m = _NEXT_WORD_RE.match(text, cue.end, se)
        if m and m.group(1).lower() in AUX | MODALS:
            return None  # a relative clause: the reports that were published
        last = prev_toks[-1] if prev_toks else None
        if last is not None and not _is_possessive(last.lw) and (
            last.lw in ("he", "she", "it", "who", "which")
            or (last.cap and last.start > ss + 1 and not _nationality(R, last.word))
            or _word_class(R, last.lw) == "vague"
        ):
            # a verb after its subject: The Penn Wharton Budget Model estimates that ...
            src, _reason = _subject(state, si, cue._replace(category="speech"), sent, region, region_type, prev)
            if src is None:
                return None
        elif last is not None and _is_possessive(last.lw):
            np = NP(last.start, last.end, "name" if last.cap else "other", _bare(last.lw), "", False, last.cap, 0)
            src = _make_source(state, np, "rule:possessor")
        else:
            src = Source(cue.start, cue.end, "unnamed", "rule:agentless", ("(agentless)",), False, False, False, True)
        return _Attribution(cue.start, cue.end, cat, rule, src, (cue.end + 1, se), si)
    return None


def _judge_no_subject(state: _State, si: int, cue: _Cue, sent: tuple[int, int], rule: str) -> _Attribution | None:
    """Agentless passives, evidential adverbs and ``according to``: no subject to read before the cue."""
    text = state.text
    ss, se = sent
    cat = cue.category
    if cat in ("passive", "adverb"):
        src = None
        if cat == "passive":
            m = _BY_AFTER_RE.match(text, cue.end, se)
            if m:
                np = _right_np(state, m.end(), se, ss)
                if np is not None and np.cls in _SOURCE_LIKE:
                    src = _make_source(state, np, "rule:by-agent")
        if src is None:
            src = Source(cue.start, cue.end, "unnamed", "rule:agentless", ("(agentless)",), False, False, False, True)
        return _Attribution(cue.start, cue.end, cat, rule, src, _content(state, cue, src, sent), si)
    if cat == "according":
        np = _right_np(state, cue.end, se, ss)
        if np is None:
            return None
        if np.cls == "pronoun":
            src = _resolve(state, si, np.start, np)
        elif np.cls == "blocked":
            return None
        else:
            low = cue.pattern
            if ("based on" in low or "compiling" in low or "drawing" in low) and np.cls not in ("document", "vague", "name"):
                return None  # rule:not-a-source
            if low in ("citing", "quoting") and np.cls not in _SOURCE_LIKE:
                return None  # citing weak demand: a reason, not a source
            src = _make_source(state, np, "rule:according")
        if src is None:
            return None
        # content: before the cue, or after the source when the cue opens the sentence
        if _at_sentence_start(text, ss, cue.start):
            comma = text.find(",", src.end, se)
            content = (comma + 1 + (text[comma + 1:comma + 2] == " "), se) if comma > 0 else None
        else:
            cut = cue.start
            while cut > ss and text[cut - 1] in " ,":
                cut -= 1
            content = (ss, cut) if cut > ss else None
        return _Attribution(cue.start, cue.end, cat, rule, src, content, si)
    return None


def _inverted_shape(state: _State, cue: _Cue, sent: tuple[int, int]) -> bool:
    """``"...," added Austin``: the cue follows a comma or quotation and a source follows it."""
    text = state.text
    before = text[max(sent[0], cue.start - 3):cue.start]
    if not any(c in before for c in ",\"”"):
        return False
    np = _right_np(state, cue.end, sent[1], sent[0])
    return np is not None and np.cls in _SOURCE_LIKE


def _result(state: _State, attributions: list[_Attribution], number_words: list[tuple[int, int]]) -> ScorerResult:
    doc = state.doc
    text = doc.text
    R = state.R
    spans: list[Span] = []
    for q in state.quotes:
        spans.append(Span(q.start, q.end, "quote", text[q.start:q.end], q.rule))
    seen_sources: set[tuple[int, int, str]] = set()
    n_named = n_unnamed = 0
    for att in attributions:
        spans.append(Span(att.start, att.end, "attribution", text[att.start:att.end], att.rule))
        src = att.source
        if src is None or not src.emit:
            continue
        cat = "source" if src.kind == "named" else "unnamed_source"
        key = (src.start, src.end, cat)
        if key in seen_sources:
            continue
        seen_sources.add(key)
        spans.append(Span(src.start, src.end, cat, text[src.start:src.end], src.rule))
        if cat == "source":
            n_named += 1
        else:
            n_unnamed += 1

    # names, with surnames joined to full names across the document
    all_names = [(n, src.person) for a in attributions if (src := a.source) and src.kind == "named" for n in src.names]
    all_names += [(n, True) for _, _, n in state.mentions]
    alias = _alias_map(all_names)

    def full(n: str) -> str:
        return alias.get(n, n) if " " not in n else n

    counts: dict[tuple[str, str], int] = {}
    att_rows = []
    for att in attributions:
        src = att.source
        if src is None:
            names: tuple[str, ...] = ()
            kind = ""
        elif src.kind == "named":
            names = tuple(dict.fromkeys(full(n) for n in src.names))
            kind = "named"
        else:
            names = src.names
            kind = "unnamed"
        if src is not None and not src.rule.startswith("rule:pronoun-unresolved") or (src is not None and src.kind == "unnamed"):
            for n in names:
                counts[(kind, n)] = counts.get((kind, n), 0) + 1
        elif src is not None:
            counts[(kind, f"{names[0]} (unresolved)")] = counts.get((kind, f"{names[0]} (unresolved)"), 0) + 1
        att_rows.append(
            {
                "start": att.start,
                "end": att.end,
                "cue": text[att.start:att.end],
                "category": att.category,
                "source": "; ".join(names) if src is not None else None,
                "source_kind": kind or None,
                "source_start": src.start if src is not None else None,
                "source_end": src.end if src is not None else None,
                "content_start": att.content[0] if att.content else None,
                "content_end": att.content[1] if att.content else None,
            }
        )
    sources = [
        {"source": n, "kind": k, "count": c}
        for (k, n), c in sorted(counts.items(), key=lambda kv: (kv[0][0] != "named", -kv[1], kv[0][1]))
    ]
    named = _named_source_names(R, spans, state.canonical)

    flags = sentence_flags(doc.sentences, spans)
    n_sent = len(flags)
    body_chars = doc.body_chars
    quote_chars = sum(q.end - q.start for q in state.quotes)
    n_sources = n_named + n_unnamed
    scores = {
        "attribution_density": sum(1 for a, _ in flags if a) / n_sent if n_sent else float("nan"),
        "quote_share": quote_chars / body_chars if body_chars else float("nan"),
        "unnamed_source_share": n_unnamed / n_sources if n_sources else float("nan"),
        "named_sources": float(len(named)),
        "attributions": float(len(attributions)),
    }
    claims = _claims(state, attributions, number_words, full)
    details = {"sources": sources, "attributions": att_rows, "claims": claims}
    return ScorerResult(spans, scores, details)


def _claims(state: _State, attributions: list[_Attribution], number_words: list[tuple[int, int]], full) -> list[dict[str, Any]]:
    doc = state.doc
    text = doc.text
    R = state.R
    line_starts = [s for s, _ in doc.body]
    found = [c for c in numbers_in(text, doc.body[0][0], doc.body[-1][1]) if _in_body(doc.body, line_starts, c["start"], c["end"])] if doc.body else []
    for ws, we in number_words:
        li = bisect_right(line_starts, ws) - 1
        le = doc.body[li][1]
        item = word_number(text, ws, we, le)
        if item is not None:
            item["words"] = True
            found.append(item)
    found.sort(key=lambda c: c["start"])
    by_sentence: dict[int, list[_Attribution]] = {}
    for att in attributions:
        by_sentence.setdefault(att.sentence, []).append(att)
    out = []
    sent_starts = state.sent_starts
    per_sentence: dict[int, int] = {}
    for c in found:
        si = bisect_right(sent_starts, c["start"]) - 1
        if si < 0:
            continue
        per_sentence[si] = per_sentence.get(si, 0) + 1
        if per_sentence[si] > MAX_CLAIMS_PER_SENTENCE:
            continue
        ss, se = doc.sentences[si]
        li = bisect_right(line_starts, c["start"]) - 1
        ls, le = doc.body[li]
        unit = unit_after(text, c["end"], le, percent=c["percent"])
        if c.pop("words", False) and not unit:
            continue
        if any(a.source is not None and a.source.start <= c["start"] < a.source.end for a in by_sentence.get(si, ())):
            continue  # part of a source: two people familiar with the talks
        approx = approximator_before(text, ls, c["start"], R.approximator)
        catt = _claim_attribution(by_sentence.get(si, []), c["start"])
        src = catt.source if catt is not None else None
        if src is None:
            source, kind = None, None
        elif src.kind == "named":
            source, kind = "; ".join(dict.fromkeys(full(n) for n in src.names)), "named"
        else:
            source, kind = "; ".join(src.names), "unnamed"
        out.append(
            {
                "number": c["text"],
                "value": c["value"],
                "percent": c["percent"],
                "unit": unit,
                "approximator": approx,
                "source": source,
                "source_kind": kind,
                "cue": text[catt.start:catt.end] if catt is not None else None,
                "sentence_start": ss,
                "sentence_end": se,
                "start": c["start"],
                "end": c["end"],
            }
        )
    return out


def _in_body(body: Sequence[tuple[int, int]], line_starts: list[int], start: int, end: int) -> bool:
    i = bisect_right(line_starts, start) - 1
    return i >= 0 and end <= body[i][1]


def _claim_attribution(atts: list[_Attribution], pos: int) -> _Attribution | None:
    """The attribution whose content holds ``pos`` (the narrowest), else the sentence's first with a source."""
    best = None
    best_len = 0
    for a in atts:
        content = a.content
        if content and content[0] <= pos < content[1] and a.source is not None:
            if best is None or (content[1] - content[0]) < best_len:
                best = a
                best_len = content[1] - content[0]
    if best is None:
        best = next((a for a in atts if a.source is not None), None)
    return best
