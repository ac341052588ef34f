"""Boilerplate: separate the article from the page furniture around it.

Text copied or captured from a news page carries the site's furniture along
with the article: date and weather widgets, section labels, share and
navigation lines, cookie and subscription notices, author boxes, and lists of
other headlines after the article.  :func:`extract` labels every non-blank
line ``body``, ``metadata`` (dateline, byline, author name) or
``boilerplate``, gives the reason for each decision, and reports
``boilerplate_share``.  Every other scorer then reads the body lines only.

The algorithm (explained at length in ``docs/boilerplate.md``) works in
one pass over the lines and uses evidence that holds across sites rather
than phrases of particular sites:

1. **Line features.**  Length, word count, stop-word density, whether the
   line ends like a sentence, whether it is cut short (``…``), whether it is
   a date or time and nothing else, a byline, a person's name, a repeat of
   another line, and whether it opens with a generic furniture cue
   (cookie, subscribe, share, advertisement, copyright, "Related ..." list
   headings, comments, tags ...).  A *good* line is long, stop-word rich and
   ends like a sentence: a paragraph of prose.  The lines of a paragraph
   hard-wrapped at a fixed width (no blank line inside it, lines ending
   mid-sentence) are joined into one unit first and judged on the whole
   paragraph's features; each line keeps its span and takes the unit's
   label (``body:wrapped-paragraph``).
2. **Main block.**  Date-only lines, doubled lines and list/end cues split
   the page into runs; the run with the most good-line characters holds the
   article (runs that look like a list of headlines and teasers, or follow
   a comments or copyright line, count for less).  The main block spans its
   first to last good line.  A trailing run of headline-plus-teaser pairs
   is cut off, a neighbouring run that is itself article prose is merged
   back (across an inline "Related" box, the clock times of a live report,
   the dates of a timeline), short sentence-like lines right after the
   block (a one-line last paragraph) are added and a closing author bio is
   taken off.
3. **Header.**  Walking back from the block start, the headline, standfirst,
   bylines and datelines are accepted until a short line (section label,
   navigation) ends the header; everything above it is boilerplate, except
   dates and bylines, which are metadata.
4. **Inside the block** every line is body (headings, bullets, short
   paragraphs) unless a furniture cue or a metadata pattern says otherwise.
5. **After the block** everything is boilerplate (lists of other headlines,
   teasers, dates, author boxes, footers), except bylines, credits and an
   author's name, which are metadata.

Each decision is recorded as a rule id (``boilerplate:date-only-line``,
``metadata:byline``, ``body:main-block`` ...) with the features that
decided it.  The thresholds are the named constants below.

HTML input (a ``.html``/``.htm`` source, or text that is clearly markup) is
turned into the page's visible text, one line per block element
(:mod:`mediakit.html`); trafilatura finds the article in the HTML, and every
visible line it did not keep is boilerplate.  Plain text never goes through
an HTML extractor.

Scores
    ``boilerplate_share``: characters of boilerplate lines divided by the
    characters of all non-blank lines (each line stripped of surrounding
    spaces; metadata lines are not boilerplate).  It equals
    ``sum(len(s.cue) for boilerplate spans) / total`` where ``total`` is the
    summed length of the stripped non-blank lines.  ``nan`` for a text with
    no visible characters.
    ``boilerplate_lines``: the number of boilerplate spans (0 for empty
    text).
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from . import html as _html
from .core import ScoreInfo
from .text import Segment
from .types import Span

NAME = "boilerplate"
COLUMNS = (
    ScoreInfo(
        "boilerplate_share", "share", 0.0, 1.0,
        "characters of boilerplate lines / characters of all non-blank lines (stripped); "
        "metadata lines are not boilerplate; NaN for text with no visible characters",
    ),
    ScoreInfo("boilerplate_lines", "count", 0, float("inf"), "lines classified as boilerplate (0 for empty text)"),
)
LEXICONS = ()

# --------------------------------------------------------------------------
# Thresholds (jusText style: every one named, each used by one rule)
# --------------------------------------------------------------------------

#: A good (prose) line has at least this many characters, at least
#: GOOD_MIN_WORDS words and a stop-word density of at least
#: GOOD_MIN_STOPWORD_DENSITY, ends like a sentence (``.``, ``!`` or ``?``,
#: optionally followed by closing quotes or brackets), is not cut short with
#: ``…`` and carries no furniture cue.
GOOD_MIN_CHARS = 80
GOOD_MIN_WORDS = 12
GOOD_MIN_STOPWORD_DENSITY = 0.20
#: When no line is good, lines of at least this many characters and words
#: (and the other conditions) count as good instead: a brief of short paragraphs.
RELAXED_MIN_CHARS = 40
RELAXED_MIN_WORDS = 7
#: Stop-word density is measured on this many first characters of a line.
STOPWORD_SAMPLE_CHARS = 120
#: Lines up to this long are checked against the furniture cues.
CUE_MAX_CHARS = 160
#: Lines up to this long are checked for being a date (and nothing else).
DATE_MAX_CHARS = 80
#: A byline is at most this long.
BYLINE_MAX_CHARS = 160
#: A person's name on its own line is at most this long.
NAME_MAX_CHARS = 40
#: A line must have this many words to count as a repeated line (and so as a
#: separator between blocks).
REPEAT_MIN_WORDS = 2
#: A header line needs this many words to be taken as headline or standfirst.
HEADLINE_MIN_WORDS = 3
#: A line under an author's name or byline of at most this many words is the
#: author's desk or employer ("BBC News, Kyiv").
AFFILIATION_MAX_WORDS = 8
#: At most this many headline/standfirst lines are taken before the body.
HEADER_MAX_CONTENT_LINES = 6
#: Furniture that may sit between the headline and the body without ending
#: the header (above the headline, any other cue ends it).
HEADER_PASS_CUES = frozenset({"image-permission", "photo-credit", "caption", "share", "advertising", "reading-time",
                              "read-more-link", "tools", "timestamped-link", "counter", "newsletter", "paywall"})
#: A title-like line (a headline in a list) has at most this many words.
TITLE_MAX_WORDS = 20
#: A teaser (the short text under a listed headline) is at most this long.
TEASER_MAX_CHARS = 260
#: This many headline-plus-teaser pairs at the end of the block make a list.
LIST_MIN_ITEMS = 3
#: A run counts as list-like when it has at least this many title-like lines
#: per good line ...
LIST_RUN_TITLE_RATIO = 0.8
#: ... and its good-line characters are weighted by this factor.
LIST_RUN_WEIGHT = 0.3
#: Runs that follow an end-of-article cue (comments, copyright, tags, author
#: box ...) count for this share of their good-line characters.
AFTER_END_WEIGHT = 0.3
#: A neighbouring run is merged into the main block across at most this many
#: separating lines ...
MERGE_MAX_GAP_LINES = 8
#: ... when it has at least this many good lines ...
MERGE_MIN_GOOD_LINES = 2
#: ... of at least this many characters in total ...
MERGE_MIN_GOOD_CHARS = 250
#: ... with a mean good-line length of at least this ...
MERGE_MIN_MEAN_GOOD_CHARS = 100
#: ... and at most this many title-like lines per good line.
MERGE_MAX_TITLE_RATIO = 0.5
#: A line after the block is added to the body when it ends like a sentence
#: and has at least this many words (a short last paragraph).
TRAILING_PROSE_MIN_WORDS = 3

# --------------------------------------------------------------------------
# Word lists (generic English function words and site-chrome vocabulary)
# --------------------------------------------------------------------------

#: English function words for the stop-word density (written for mediakit).
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours said says may might must shall can't won't it's he's she's they're we're
    there's that's who's isn't wasn't don't doesn't didn't
    """.split()
)

#: Words of site navigation: a header or footer line made only of these is
#: a menu or section label (generic section names of news sites).
NAV_WORDS = frozenset(
    """
    home news world sport sports business politics opinion opinions culture arts art life lifestyle
    style entertainment tech technology science health travel video videos podcast podcasts weather
    local national international us u.s. uk u.k. europe asia africa americas australia middle east
    markets market money economy finance education environment climate food fashion books music film
    films tv media royals celebrity crime religion obituaries games puzzles crossword newsletters live
    latest trending more menu search login subscribe account sign in and & top stories breaking
    headlines features analysis investigations magazine photos gallery galleries shop deals today
    edition sections section nation region regional metro city state states county community neighborhoods
    neighbourhoods transport property motoring cars jobs homes real estate obits
    """.split()
)

# --------------------------------------------------------------------------
# Patterns (compiled once)
# --------------------------------------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
            r"|sat(?:urday)?|sun(?:day)?)\.?")
_DATE_CORE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_TZ = r"(?:\s*(?:\(?(?:GMT|UTC|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|BST|CET|CEST|IST|KST|JST|AEST|AEDT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|[+-]\d{2}:?\d{2}|,?\s*(?:uk|us|local\s+time)))"
_RELATIVE = (r"(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+ago"
             r"|yesterday|just\s+now|today)")
_DATE_KW = (r"(?:today|published|updated|last\s+updated|first\s+published|posted|modified|date|last\s+modified"
            r"|created|on|as\s+of|broadcast|aired|filed|recorded)")
_DATE_ITEM = (
    rf"(?:(?P<kw>{_DATE_KW})\b\s*(?:on\b|at\b)?\s*[:\-–—|]?\s*)?"
    rf"(?:{_WEEKDAY},?\s*)?"
    rf"(?:{_DATE_CORE}(?:\s*(?:,|at|@|-|–|—|\||·|•)?\s*{_TIME})?"
    rf"|{_TIME}(?:\s*(?:,|on|-|–|—|\||·|•)?\s*(?:{_WEEKDAY},?\s*)?{_DATE_CORE})?"
    rf"|{_RELATIVE})"
    rf"{_TZ}?"
)
#: A line that is a date or time and nothing else ("24 November 2024",
#: "Today : Nov 24, 2024", "Updated 10:32 AM EDT, Wed October 23, 2024").
#: Checked item by item (:func:`date_line`) so that no pattern repeats a
#: pattern: nested repetition makes a regular expression take exponential
#: time on lines such as "10:45 10:45 10:45 ... x".
DATE_ITEM_RE = re.compile(rf"\s*{_DATE_ITEM}", re.IGNORECASE)
_DATE_SEP_RE = re.compile(r"(?:\s*(?:[|·•,;/–—-]|and\b)\s*|\s+)?", re.IGNORECASE)
_DATE_PARTS_RE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}

_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’\-]+\.?|[A-Z]\.)"
_NAME_PARTICLE = r"(?:de|da|del|della|van|von|der|den|bin|ibn|al|el|la|le|du|di|dos)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|{_NAME_PARTICLE}))*"
#: A byline: "By Jane Doe", "Written by Jane Doe | Updated ...", "Author: J. Doe".
BYLINE_RE = re.compile(
    r"(?:(?i:(?:written|words|story|text|posted|published|reported|compiled)\s+by|by|authors?)\s*:?"
    rf"|(?i:author|authors|byline)\s*:)\s+(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
)
#: An empty byline: the words of a byline with no name ("Written by Published").
EMPTY_BYLINE_RE = re.compile(
    r"(?i:(?:written|posted|published|words|story)\s+by|by|authors?)"
    r"(?:[\s:]+(?i:published|updated|posted|on|date|at|\||·|-|–|—))*[\s:]*$"
)
#: Credits: "Reporting by ...; Editing by ...", "... contributed to this report".
CREDITS_RE = re.compile(
    r"[(\-–— ]*(?i:(?:additional\s+)?reporting\s+by|editing\s+by|edited\s+by|writing\s+by|with\s+reporting\s+(?:by|from)"
    r"|compiled\s+by|photographs?\s+by|photos\s+by|illustrations?\s+by|graphics?\s+by|produced\s+by"
    r"|translated\s+by|fact[- ]checked\s+by|with\s+assistance\s+from|additional\s+reporting|report(?:ing|ed)\s+from)\b"
    r"|.{0,120}\b(?i:contributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))"
)
#: A person's name alone on a line ("Amanda Turner").
NAME_LINE_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|{_NAME_PARTICLE})){{1,3}}")
#: The start of an author bio: a name followed by what the author does.
BIO_RE = re.compile(
    rf"{_NAME}\s+(?:is|was|has\s+been|covers|writes|reports|curates|joined|edits|leads|serves)\b"
)
#: Words that name a journalist's job.
ROLE_WORDS = ("correspondent", "reporter", "editor", "writer", "columnist", "contributor", "journalist", "analyst",
              "critic", "producer", "photographer", "author", "commentator", "presenter", "fellow")
_ROLE = "(?:" + "|".join(ROLE_WORDS) + ")s?"
#: An author bio: "Jane Doe is a reporter based in ...", "Jane Doe covers city hall for ...".
AUTHOR_BIO_RE = re.compile(
    rf"{_NAME}\s+(?:(?:is|was|has\s+been)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}?(?i:{_ROLE})\b"
    r"|(?:covers|writes\s+about|reports\s+on|curates)\b)"
)
#: A byline without "By": a name followed by a job title ("Helen Carver Environment correspondent").
ROLE_BYLINE_RE = re.compile(
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}?)\s*,?\s+(?:[\w’'-]+\s+){{0,3}}?(?i:{_ROLE})\s*$"
)
#: An author's affiliation under the name: "Senior Lecturer in Entomology, University of Leeds".
AFFILIATION_RE = re.compile(
    r"(?:(?:senior|associate|assistant|visiting|adjunct|principal|chief|deputy|honorary|emeritus|distinguished)\s+)*"
    r"(?:lecturer|professor|fellow|research\s+fellow|researcher|director|scientist|economist|analyst|editor|correspondent"
    r"|reporter|writer|columnist|contributor|lawyer|historian|physician|engineer|phd\s+candidate|doctoral\s+candidate)"
    r"s?\b(?:\s+(?:of|in|at|for|on)\b|,).{0,100}$"
)
_AFFILIATION_FIRST = frozenset("""senior associate assistant visiting adjunct principal chief deputy honorary emeritus
    distinguished lecturer professor fellow research researcher director scientist economist analyst editor
    correspondent reporter writer columnist contributor lawyer historian physician engineer phd doctoral""".split())
#: A date followed by a byline: "Posted on October 18, 2024 by Megan Rowe".
DATED_BYLINE_RE = re.compile(
    rf"(?i:(?:posted|published|updated|written)\s+)?(?i:on\s+)?(?P<date>.{{4,40}}?),?\s+(?i:by)\s+(?P<name>{_NAME})\s*$"
)
#: An author's contact details: an e-mail address, "reach him at", "follow her on".
#: A line that is only an e-mail address (the author's, under the article).
EMAIL_LINE_RE = re.compile(r"(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: News agencies whose name alone on a line is a source line.
NEWS_AGENCIES = frozenset(["reuters", "afp", "ap", "associated press", "the associated press", "bloomberg", "dpa",
                           "agence france-presse", "xinhua", "yonhap", "kyodo", "ani", "pti", "ians", "efe", "ansa",
                           "anadolu", "tass", "upi", "cnn wire", "bloomberg news", "reuters staff"])
#: A source line: "Source: University of Queensland".
SOURCE_LINE_RE = re.compile(r"(?:source|sources|via|courtesy)\s*:\s*\S.{0,80}")
#: A bio in the broad sense, checked only on the last lines of the article: "Jane Doe is an economist ...".
BROAD_BIO_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|{_NAME_PARTICLE}))+\s+(?:is|was)\s+(?:a|an)\s")
#: The signature of an embedded social-media post: "— Jane Doe (@janedoe) September 3, 2024".
SOCIAL_HANDLE_RE = re.compile(r"\(@\w{1,30}\)(?:\s+\S+){0,4}\s*$")
#: A market quote in a ticker bar: "S&P 500 5,815.03 +0.40%", "NVDA 138.07 (+2.43%)".
MARKET_QUOTE_RE = re.compile(r"\d[\d,.]*\s+(?:[+\-−]?\d[\d,.]*\s+)?\(?[+\-−]\d[\d,.]*\s*%\)?$")
#: The head of a reader's comment: a user name and how long ago it was posted ("reader_jan · 3h").
COMMENTER_RE = re.compile(
    r"[\w.@'’-]{2,30}(?:\s+[\w.'’-]{1,30}){0,2}\s*[·•|]\s*(?:\d+(?:s|m|h|d|w)|\d+\s*(?:mins?|hrs?|hours?|days?|weeks?)\s+ago"
    r"|just\s+now|yesterday)\s*$"
)
#: The heading of a summary box between the headline and the body ("Story highlights", "Key points").
BOX_HEADING_RE = re.compile(
    r"(?:story\s+)?highlights|key\s+(?:points|takeaways|facts)|in\s+short|at\s+a\s+glance|what\s+we\s+know|summary"
    r"|the\s+big\s+picture|why\s+it\s+matters|quick\s+read|in\s+brief|tl;?dr|(?:full\s+)?transcript",
    re.IGNORECASE,
)
#: Names of organisations, which make a "Published by ..." line an imprint rather than a byline.
ORGANISATION_RE = re.compile(r"\b(?:ltd|limited|inc|llc|plc|group|media|corporation|corp|company|gmbh|publishing|press|newspapers)\b\.?", re.I)
AUTHOR_CONTACT_RE = re.compile(
    r"[\w.+-]+@[\w-]+\.[a-z]{2,}"
    r"|\b(?:reach|contact|email|e-mail|follow|message)\s+(?:him|her|them|me|us|the\s+(?:author|reporter|writer)s?)\s+(?:at|on|via)\b"
    r"|\bto\s+contact\s+the\s+(?:reporters?|editors?|authors?|writers?)\b"
)

# Furniture cues, matched at the start of a line of at most CUE_MAX_CHARS
# characters (case-insensitive).  Each named group is a rule; its kind says
# what the cue means for the block structure:
#   end    - furniture that follows an article (never merged across)
#   list   - the heading of a list of other stories (splits runs)
#   inline - furniture that may sit inside an article (does not split runs)
_CUES: list[tuple[str, str, str, str]] = [
    ("weather", "inline", "#num weather",
     r"-?\d{1,3}(?:[.,]\d)?\s*(?:°|º|˚)\s*[cf]?\b.{0,40}$|-?\d{1,3}\s+[cf]\s*$"
     r"|weather(?:\s+(?:forecast|alerts?|radar|maps?|today|now))?\s*$|weather\s*[:|·-]\s*.{0,40}$"),
    ("image-permission", "inline", "all copyrighted image images photo photos picture pictures photograph photographs purchase licensing reprint reprints",
     r"(?:all\s+)?copyrighted\s+(?:images|photos|pictures|material)"
     r"|(?:all\s+)?(?:images?|photos?|pictures?|photographs?)\b.{0,40}\b(?:used\s+with\s+permission|courtesy\s+of|copyright)"
     r"|purchase\s+licensing\s+rights|licensing\s+rights|reprints?\s*(?:&|and)\s*permissions"),
    ("photo-credit", "inline", "#sym c photo photos image images picture pictures illustration illustrations video videos graphic graphics credit credits caption photograph photographs getty shutterstock ap afp reuters epa alamy pa file",
     r"(?:photo|image|picture|illustration|video|graphic|credit|caption|photograph)s?\s*(?:credit|by)?\s*:\s*\S.{0,80}$"
     r"|(?:©|\(c\))\s*(?![^|]*\d{4})(?![^|]*rights)[^|\d]{2,40}$"
     r"|(?:\(?(?:photo|image|picture)\s+(?:by|courtesy|credit)\b.{0,80}$)"
     r"|(?:getty\s+images|shutterstock|ap\s+photo|afp|reuters|epa|alamy|pa\s+media|file\s+photo)\s*$"
     r"|(?:image|photo|picture|video)\s+(?:source|caption|credit)\s*,\s*\S.{0,160}$"
     r"|credit\s*(?:\.{2,}|…)\s*\S.{0,80}$|(?:image|photo|picture|gallery|graphic|illustration)s?\s*$"),
    ("cookie", "inline", "we this our cookie cookies accept reject allow refuse decline manage by privacy i agree got ok okay",
     r"(?:we|this\s+(?:web)?site|our\s+(?:web)?site|this\s+page)\s+(?:and\s+our\s+partners\s+)?(?:use|uses)\s+cookies"
     r"|cookies?\s+(?:settings|policy|preferences|consent|notice|declaration)"
     r"|(?:accept|reject|allow|refuse|decline)\s+(?:all|cookies|all\s+cookies|optional\s+cookies)\b"
     r"|manage\s+(?:cookie|privacy|consent|my)?\s*(?:preferences|settings|options|consent|choices)"
     r"|by\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web)?site"
     r"|we\s+(?:and\s+our\s+partners\s+)?(?:value|care\s+about|respect)\s+your\s+privacy"
     r"|privacy\s+(?:settings|preferences|choices)|(?:i\s+)?(?:agree|accept|got\s+it|ok|okay)\s*$"),
    ("copyright", "end", "#sym copyright all c",
     r"(?:©|\(c\)\s*\d{4}|copyright\b|all\s+rights\s+reserved)"),
    ("standards", "end", "our standards editorial ethics correction corrections why",
     r"(?:our\s+)?(?:standards|editorial\s+(?:standards|guidelines|policy)|ethics\s+policy|corrections?\s+policy)\s*:"
     r"|(?:our\s+)?(?:editorial\s+(?:standards|guidelines|values)|ethics\s+policy|corrections?\s+policy)\s*$"
     r"|why\s+you\s+can\s+trust\b.{0,30}$"),
    ("footer", "end", "privacy terms contact about advertise career careers jobs sitemap site accessibility cookie do your corrections help faq faqs work ad rss archive archives masthead staff newsroom press code editorial",
     r"(?:privacy(?:\s+policy|\s+notice)?|terms\s+(?:of\s+(?:use|service|sale)|and\s+conditions|&\s+conditions)"
     r"|contact(?:\s+us)?|about(?:\s+us)?|advertise(?:\s+with\s+us)?|careers?|jobs|sitemap|site\s+map|accessibility(?:\s+statement)?"
     r"|cookie\s+policy|do\s+not\s+sell[\w\s]{0,40}|your\s+privacy\s+choices|corrections|help\s+(?:centre|center)"
     r"|work\s+(?:with|for)\s+us|ad\s+choices|rss(?:\s+feeds?)?|archives?|masthead|staff\s+directory|newsroom"
     r"|press\s+(?:room|releases)|code\s+of\s+(?:conduct|ethics))"
     r"\s*(?:[|•·/,]\s*[\w&' ]{2,40})*\s*$"),
    ("originally-published", "end", "this the a originally first",
     r"(?:(?:this|the)\s+(?:article|story|post|piece|report|interview)|a\s+version\s+of\s+this\s+(?:article|story))\s+"
     r"(?:was\s+|is\s+)?(?:originally\s+|first\s+)?(?:published|appeared|appears|ran)\b"
     r"|(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at|by)\b"),
    ("paywall", "inline", "this you to already get unlock start become subscriber subscribers try only then cancel explore",
     r"(?:this\s+(?:article|story|content)\s+is\s+(?:for|available\s+(?:to|for)|only\s+available\s+to|reserved\s+for)\s+(?:paid\s+)?(?:subscribers|members|premium)"
     r"|you\s+have\s+(?:\d+|one|no)\s+(?:free\s+)?(?:articles?|stories)\s+(?:left|remaining)"
     r"|to\s+continue\s+reading|already\s+(?:a\s+)?(?:subscriber|member|have\s+an\s+account)"
     r"|(?:get|unlock|try)\s+(?:unlimited|full|digital|premium)\s+access|start\s+(?:your\s+)?free\s+trial"
     r"|become\s+a\s+(?:member|subscriber|supporter)|subscribers?\s+only"
     r"|(?:only|then|just)?\s*[$€£]\s?\d+(?:[.,]\d+)?\s*(?:for|per|a|/)\s*(?:\d+\s+)?(?:weeks?|months?|years?|days?)\b[^.]{0,40}$"
     r"|cancel\s+(?:at\s+)?any\s*time|explore\s+our\s+(?:full\s+range\s+of\s+)?(?:subscriptions?|plans|offers))"),
    ("newsletter", "inline", "newsletter newsletters sign get enter your thanks thank email e-mail by",
     r"(?:by\s+(?:signing\s+up|subscribing|clicking|registering|submitting|creating\s+an\s+account)\b|sign\s+up\s+(?:for|to)\b|get\s+(?:the|our)\b.{0,60}\b(?:in|to)\s+your\s+inbox"
     r"|enter\s+your\s+e-?mail|your\s+e-?mail(?:\s+address)?\s*$|thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|reading)"
     r"|.{0,60}delivered\s+(?:straight\s+)?to\s+your\s+inbox|e-?mail\s+address\s*\*?\s*$"
     r"|get\s+(?:our|the)\s+(?:free\s+)?(?:[\w'’-]+\s+){0,3}(?:e-?mails?|newsletters?|bulletins?|briefings?|alerts?)\s*$)"),
    ("subscribe", "inline", "subscribe subscription subscriptions sign signup log login logout register create my support donate join",
     r"subscribe\b.{0,100}$|subscriptions?\s*$|sign\s+in\s+to\b.{0,60}$|support\s+(?:our|independent|quality)\s+journalism"
     r"|(?:sign\s+up|signup|sign\s+in|sign\s+out|log\s*in|log\s*out|logout|register|my\s+account"
     r"|create\s+(?:a|an|your)\s+(?:free\s+)?account|donate|join\s+(?:us|now|today|our\s+community)|become\s+a\s+(?:member|subscriber))"
     r"(?:\s*(?:now|today|here|for\s+free))?(?:\s*(?:/|\||or|and|·)\s*(?:sign\s+up|sign\s+in|log\s*in|register|subscribe"
     r"|create\s+(?:an\s+)?account))?\s*[.!]?$"),
    ("advertising", "inline", "advertisement advertisements advertising advert sponsored promoted paid partner ad ads report story article continue scroll skip a sponsor supported",
     r"(?:advertisements?|advertising|advert|ads?|sponsored|promoted|paid\s+(?:content|post|partner(?:ship)?)|partner\s+content"
     r"|ad\s+feedback|report\s+(?:this\s+)?ad|skip\s+ad)\W{0,3}$"
     r"|(?:advertisements?|advertising|ads?)\s*[-–—:|·(]\s*.{0,40}$"
     r"|(?:sponsored|promoted)\s+(?:content|by|post|links?|stories)\b.{0,40}$"
     r"|(?:story|article)\s+continues(?:\s+(?:below|after)\b.{0,40})?\s*$|continue\s+reading\s+(?:below|the\s+main\s+story)"
     r"|scroll\s+(?:down\s+)?to\s+continue|a\s+(?:message|word)\s+from\s+(?:our|the|this\s+week'?s)\s+sponsors?\b"
     r"|(?:sponsor|sponsored)\s+message\s*$|supported\s+by\s*$"),
    ("comments", "end", "#num comment comments leave post add write view show hide load see read open close join reply responses your required be no community commenting save notify",
     r"(?:\d+\s+)?comments?\s*(?:\(\d+\)|\d+)?\s*$|(?:leave|post|add|write|view|show|hide|load|see|read|open|close)\s+"
     r"(?:a\s+|the\s+|all\s+|\d+\s+|more\s+)?(?:comments?|reply|replies|responses)\b"
     r"|join\s+the\s+(?:conversation|discussion|debate)|(?:comment|reply|responses)\s*$"
     r"|your\s+e-?mail\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked"
     r"|(?:be\s+the\s+first\s+to\s+comment|no\s+comments\s+yet)|comments?\s+(?:are|have\s+been)\s+closed"
     r"|(?:community|commenting)\s+guidelines|save\s+my\s+name\b|post\s+comment|notify\s+me\s+of"),
    ("tags", "end", "tag tags tagged topic topics filed categories category keywords related trending more explore",
     r"(?:tags?|tagged|topics?|filed\s+under|categories|category|keywords|related\s+topics|trending\s+topics|more\s+about)"
     r"\s*[:|]|(?:explore\s+more\s+on\s+(?:these|this)\s+topics?|related\s+topics)\s*$"),
    ("author-box", "end", "about more articles stories posts author author's author’s meet view follow",
     r"(?:about\s+(?:the\s+)?authors?|(?:more\s+)?(?:articles|stories|posts)\s+by\b|author(?:'s|’s)?\s+(?:bio|profile)"
     r"|meet\s+the\s+(?:author|team)|view\s+(?:all\s+)?(?:posts|articles|stories)\s+by|follow\s+the\s+author)"),
    ("references", "end", "article further more reference references source sources citation citations bibliography story journal cite",
     r"(?:article\s+|further\s+|more\s+|story\s+|journal\s+)?(?:references?|sources?|citations?|bibliography)\s*:?\s*$"
     r"|cite\s+this\s+(?:page|article|story)\b"),
    ("affiliate", "inline", "we this our as if when",
     r"(?:we|this\s+(?:site|article|post|page|story)|our\s+(?:site|editors|journalists))\s+(?:may\s+)?(?:earn|receive|get)\s+"
     r"(?:a\s+)?(?:small\s+)?(?:commission|compensation|affiliate)"
     r"|(?:as\s+an\s+amazon\s+associate|this\s+(?:article|post|page)\s+(?:contains|may\s+contain)\s+affiliate)"
     r"|(?:if|when)\s+you\s+(?:buy|purchase|click)\b.{0,60}\b(?:we|us)\s+(?:may\s+)?(?:earn|receive|get)\b"),
    ("disclaimer", "end", "the views this opinions disclaimer disclosure",
     r"(?:the\s+)?(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\s+(?:in\s+this\s+(?:article|column|piece|post)\s+)?(?:are|do)\b"
     r"|this\s+(?:article|story|content|piece|post|report|summary|transcript|translation)\s+(?:was|is|has\s+been)\s+(?:\w+\s+){0,2}?"
     r"(?:produced|paid\s+for|sponsored|supported|funded|created|written|generated|edited|translated|prepared|compiled)"
     r"\s+(?:by|with|using|in\s+partnership|in\s+collaboration|from|through|automatically|by\s+machine)\b"
     r"|(?:disclaimer|disclosure)(?:\s+statement)?\s*:"
     r"|this\s+(?:article|story|report)\s+(?:is\s+based\s+on|uses|includes|contains|draws\s+on)\s+(?:\w+\s+)?"
     r"(?:reporting|material|information|content|reports)\s+from\b"),
    ("list-heading", "list", "the latest related recommended trending most popular top more you read what don't don’t dont must editor's editor’s editors in around from elsewhere further other similar keep recent previous next also up watch key table contents on jump post",
     r"(?:(?:the\s+)?latest(?:\s+(?:news|stories|articles|contents?|posts|headlines|updates|videos?|from\s+.{2,40}|in\s+.{2,40}))?"
     r"|related(?:\s+(?:news|stories|articles?|content|coverage|posts|links|reading|videos?|items|stories\s+from\s+.{2,40}))?"
     r"|recommended(?:\s+(?:for\s+you|stories|articles|reading|videos?|content))?"
     r"|trending(?:\s+(?:now|stories|news|articles|today|this\s+week|videos?))?"
     r"|most\s+(?:read|popular|viewed|shared|commented|watched|recent|emailed)"
     r"(?:\s+(?:on|in|from|this|today|now|right\s+now|stories|articles|news|videos?)\b.{0,30})?"
     r"|popular(?:\s+(?:now|news|stories|articles|posts|today|this\s+week|on\s+.{2,30}))?|post\s+navigation"
     r"|top\s+(?:stories|news|headlines|picks|videos?|reads)(?:\s+.{1,30})?"
     r"|more\s+(?:stories|news|articles|headlines|videos?|coverage|like\s+this|to\s+read|from\s+.{2,40}|on\s+.{2,40}|in\s+.{2,40})"
     r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|read\s+(?:next|also|this\s+next)"
     r"|what\s+to\s+read\s+next|don'?t\s+miss|must\s+reads?|editor'?s\s+(?:picks?|choice)|in\s+other\s+news"
     r"|around\s+the\s+(?:web|world\s+today)|from\s+(?:our|the)\s+(?:partners|network|web)|elsewhere\s+on\s+.{2,40}"
     r"|further\s+reading|other\s+stories|similar\s+(?:stories|articles|posts)|keep\s+reading|recent\s+(?:posts|stories|articles|news)"
     r"|(?:previous|next)\s+(?:article|story|post)|up\s+next|watch\s+next|key\s+(?:events|moments)"
     r"|table\s+of\s+contents|contents|in\s+this\s+(?:article|story|guide)|on\s+this\s+page|jump\s+to\s+section)"
     r"\s*[:»›>→]?\s*$"),
    ("read-more-link", "inline", "read see also related recommended more watch listen explore opinion analysis exclusive live continue full load show view click tap",
     r"(?:read\s+more|read\s+next|read\s+also|also\s+read|see\s+also|related|recommended|more|watch|listen|read|see|explore|opinion|analysis|exclusive|live)\s*[:|»›>→]\s*\S"
     r"|related\s+(?:article|story|content|video|link|coverage|reading)s?\s*[:|»›>→]?\s+\S"
     r"|(?:click|tap)\s+here\b.{0,100}$"
     r"|(?:read\s+more|read\s+the\s+full\s+(?:story|article)|continue\s+reading|read\s+full\s+(?:story|article)|load\s+more|show\s+more|view\s+all|see\s+all|see\s+more)\b.{0,20}$"
     r"|full\s+(?:story|article|coverage)\s*[:»›>→]?\s*$"),
    ("share", "inline", "republish share tweet copy copied link print email e-mail save bookmark follow like gift facebook twitter x linkedin whatsapp mail reddit pinterest telegram instagram youtube tiktok threads bluesky flipboard messenger comments comment sms",
     r"(?:share(?:\s+(?:this|on|via|the|article|story|page|post)\b.{0,60}|\s*[:!]?\s*$|\b.{0,30}\b(?:article|story|post|page)\b)|tweet\b|copy(?:ied)?\s+(?:link|url)|link\s+copied"
     r"|print(?:\s+this)?(?:\s+(?:article|page|story))?\s*$|e-?mail(?:\s+this)?(?:\s+(?:article|story|page))?\s*$"
     r"|save(?:\s+(?:article|for\s+later|story|this))?\s*$|bookmark\b|follow\s+(?:us|@|on\b)|follow\s*$|like\s+us\s+on|gift\s+(?:this\s+)?article|republish(?:\s+this)?(?:\s+(?:article|story))?\s*$"
     r"|(?:(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|mail|reddit|pinterest|telegram|instagram|youtube|tiktok|threads|bluesky"
     r"|flipboard|messenger|print|copy|link|share|tweet|comments?|sms)\b(?:\s*[|,•·/]\s*|\s+|$)){1,12}$)"),
    ("reading-time", "inline", "#num reading estimated listen audio new you",
     r"(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s*(?:read|reading|listen|watch)\b|\d+\s*(?:min(?:ute)?s?|mins?)\.?\s*$"
     r"|reading\s+time|estimated\s+reading"
     r"|listen\s+to\s+(?:this\s+)?(?:article|story)|listen\b.{0,20}\d+:\d{2}|audio\s+(?:version|article)|\d+:\d{2}\s*$"
     r"|(?:new[:!]?\s+)?you\s+can\s+now\s+listen\s+to\b.{0,60}$)"),
    ("app", "inline", "download get install open available",
     r"(?:download|get|install|open\s+in)\s+(?:the|our)?\s*(?:free\s+)?(?:[\w'’-]+\s+){0,3}app\b|available\s+on\s+the\s+app\s+store|get\s+it\s+on\s+google\s+play"),
    ("navigation", "inline", "skip main menu search home back top next previous prev close open toggle go jump section sections all edition change live video watch play audio listen breaking news notification notifications settings enable",
     r"(?:skip\s+(?:to\s+)?(?:main\s+)?(?:content|navigation|footer)|skip\s+navigation|(?:main\s+)?menu|search|home|back\s+to\s+top"
     r"|top\s+of\s+(?:the\s+)?page|next|previous|prev|close|open|toggle\s+navigation|(?:go|jump|skip)\s+to\s+(?:the\s+)?(?:home\s*page|top|main\s+content|content|article|comments|navigation|page\s+\d+)"
     r"|sections?|all\s+sections|edition|change\s+edition|live|video|watch|watch\s+live|play|play\s+video|audio|listen"
     r"|breaking(?:\s+news)?|news\s+alerts?|notifications?|settings|open\s+navigation|enable\s+notifications)"
     r"\s*[:»›>]?\s*$"),
    ("tools", "inline", "show read save please turn enable javascript your text font toggle hide enlarge expand view spread",
     r"(?:show\s+(?:key\s+events|all|more|less)(?:\s+only)?|read\s+later|save\s+for\s+later|text\s+size|font\s+size"
     r"|(?:toggle|hide|show)\s+caption|(?:enlarge|expand|view)\s+(?:this\s+)?(?:image|photo|gallery)|toggle|spread\s+the\s+love)\s*$"
     r"|(?:please\s+)?(?:turn\s+on|enable)\s+javascript\b|javascript\s+is\s+(?:disabled|required|needed)"
     r"|your\s+browser\s+(?:does\s+not|doesn't|is\s+not)\b"),
    ("counter", "inline", "#num image photo picture slide views view reads shares likes",
     r"\d[\d,.]*\s*[km]?\s*(?:likes?|comments?|shares?|views?|restacks?|reactions?|replies|votes?)?\s*$"
     r"|(?:views?|reads?|shares?|likes?)\s*:?\s*\d[\d,.]*\s*[km]?\s*$"
     r"|(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*$"),
    ("social-embed", "inline", "#sym view a",
     r"view\s+(?:this|the\s+full)\s+post\s+on\s+\w+"
     r"|a\s+(?:post|video|photo)\s+shared\s+by\b.{0,80}$"),
    ("feedback", "inline", "#sym was rate how send give did",
     r"(?:was\s+this\s+(?:article|page|story|answer)\s+(?:helpful|useful)|rate\s+this\s+(?:article|story|page)"
     r"|how\s+(?:useful|helpful)\s+was\s+this|send\s+us\s+your\s+feedback|give\s+feedback|did\s+you\s+find\s+this)\b.{0,40}$"
     r"|★+\s*$"),
    ("jump", "inline", "continued",
     r"continued\s+(?:on|from)\s+(?:page|p\.?)\s*[a-z]?\d+\b.{0,20}$"),
    ("url", "inline", "http https www",
     r"(?:https?://|www\.)\S+\s*$"),
    ("timestamped-link", "inline", "#num",
     r"(?:\d+\s*(?:s|m|h|d|mins?|hrs?|hours?|minutes?|days?)\s+ago|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)\s+\S"),
]
#: For each possible first word of a line ("#num" for a digit, "#sym" for a
#: symbol such as ©), the cues that can start with it.
_CUE_FIRST: dict[str, list[int]] = {}
for _i, (_name, _kind, _words, _pat) in enumerate(_CUES):
    for _w in _words.split():
        _CUE_FIRST.setdefault(_w, []).append(_i)
#: Each cue compiled once (lower-case patterns, matched on the lower-cased line).
_CUE_RES = [(name, kind, re.compile(pat)) for name, kind, _, pat in _CUES]
#: For each first word, the compiled cues that can start with it, in the order of _CUES.
_CUES_BY_FIRST: dict[str, tuple[tuple[str, str, re.Pattern[str]], ...]] = {
    w: tuple(_CUE_RES[i] for i in idx) for w, idx in _CUE_FIRST.items()
}
_BULLET_CHARS = " -•*·–—▪►✓✔■□◦|>›»"
_OPENERS = "([\"'“‘¿¡"
_WORD_TRAILERS = ":,.;!?|»›>)]\"'”’"


def _match_cues(low: str, first: str) -> tuple[str, str] | None:
    """The first cue (in the order of _CUES) that ``low`` opens with, as (rule, kind)."""
    for name, kind, rx in _CUES_BY_FIRST.get(first, ()):
        if rx.match(low):
            return name, kind
    return None


def _first_word(low: str) -> str:
    """The first word of a lower-cased line, "#num" for a number, "#sym" for a symbol,
    "http"/"https"/"www" for a web address."""
    if low.startswith(("http://", "https://", "www.")):
        return low.split(":", 1)[0] if low[0] == "h" else "www"
    if not low:
        return "#sym"
    c = low[0]
    if c.isdigit():
        return "#num"
    if not c.isalpha():
        rest = low.lstrip(_OPENERS)
        c = rest[:1]
        if c.isdigit():
            return "#num"
        if not c.isalpha():
            return "#sym"
        low = rest
    word = low.split(None, 1)[0].rstrip(_WORD_TRAILERS)
    if "..." in word or "…" in word:  # "Credit...Jane Doe"
        word = word.replace("…", "...").split("...", 1)[0]
    return word


def match_cue(line: str) -> tuple[str, str] | None:
    """The furniture cue a line opens with, as ``(rule, kind)``, or None."""
    low = line.lower().lstrip(_BULLET_CHARS)
    return _match_cues(low, _first_word(low))

#: Prose cues are looked for in this many first characters of a long line.
PROSE_CUE_SAMPLE_CHARS = 240
#: Cues that may appear inside a line of prose (a cookie notice, a newsletter
#: promotion, a donation appeal): (rule, kind, trigger words, pattern).  A
#: pattern is searched in the lower-cased line only around one of its
#: trigger words, and only when that word occurs among the line's first
#: words, so that ordinary paragraphs cost one set intersection.
_PROSE_CUES: list[tuple[str, str, str, str]] = [
    ("cookie", "inline", "cookie cookies",
     r"(?:use|uses|using)\s+cookies|cookies?\s+(?:policy|settings|preferences)|accept\s+(?:all\s+)?cookies"),
    ("copyright", "end", "reserved",
     r"all\s+rights\s+reserved"),
    ("image-permission", "inline", "copyrighted permission",
     r"copyrighted\s+(?:images|photos|pictures|material)|(?:images?|photos?)\s+used\s+with\s+permission"),
    ("newsletter", "inline", "newsletter newsletters inbox email e-mail",
     r"sign\s+up\s+(?:for|to)\s+(?:our|the|my)\b|\bour\s+(?:free\s+)?(?:\w+\s+)?newsletters?\b|\bto\s+your\s+inbox"
     r"|\benter\s+your\s+e-?mail|\bsubscribe\s+to\s+(?:our|the)\s+(?:\w+\s+)?newsletter"),
    ("comments", "end", "address",
     r"e-?mail\s+address\s+will\s+not\s+be\s+published"),
    ("privacy", "inline", "privacy signing clicking registering",
     r"privacy\s+notice\s*:|\bsee\s+our\s+privacy\s+(?:policy|notice)"
     r"|\bby\s+(?:signing\s+up|subscribing|clicking|registering),?\s+you\s+(?:agree|accept|consent)"),
    ("originally-published", "end", "originally appeared appears republished creative",
     r"(?:this\s+(?:article|story|post|piece)\s+(?:was\s+|is\s+)?(?:originally\s+|first\s+)?(?:published|appeared|appears)"
     r"\s+(?:on|in|at|by))|^\s*(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at|by)"
     r"|\brepublished\s+(?:from|with\s+permission|under)\b|\bunder\s+a\s+creative\s+commons\s+licen[cs]e"),
    ("paywall", "inline", "cancel anytime trial trial. subscriptions subscriptions. access",
     r"\bcancel\s+(?:at\s+)?any\s*time\b|\bfree\s+trial\b|\bduring\s+your\s+trial\b"
     r"|\b(?:complete|full|unlimited|premium)\s+digital\s+access\b|\bexplore\s+our\s+(?:full\s+range\s+of\s+)?subscriptions?\b"),
    ("affiliate", "inline", "commission commission. commissions affiliate earn",
     r"\b(?:we|this\s+site|our\s+\w+)\s+(?:may\s+)?(?:earn|receive|get)\s+(?:a\s+)?(?:small\s+)?(?:commissions?|compensation|affiliate)"
     r"|\baffiliate\s+(?:links?|commissions?|partnerships?)\b"),
    ("disclaimer", "end", "informational advice advice. past",
     r"\bfor\s+(?:general\s+)?informational\s+purposes\s+only\b|\bnot\s+(?:be\s+(?:considered|construed\s+as)|constitute)\s+"
     r"(?:investment|financial|legal|medical|tax)\s+advice\b|\bpast\s+performance\s+is\s+not\s+(?:indicative|a\s+guarantee)"),
    ("donation", "inline", "donation donate donating consider support supporting",
     r"\b(?:make|making)\s+a\s+(?:donation|gift|contribution)\b|\bdonate\s+(?:today|now)\b"
     r"|\bconsider\s+(?:supporting|donating|subscribing|becoming\s+a\s+(?:member|supporter|subscriber))\b"
     r"|\bsupport\s+(?:our|independent|local|nonprofit|non-profit|quality)\s+(?:\w+\s+)?(?:journalism|reporting|newsroom)\b"),
    ("subscribe", "inline", "subscribe subscribers subscriber",
     r"\bsubscribe\s+(?:now|today)\b|\bsubscribers?\s+(?:only|can\s+read)|\bbecome\s+a\s+subscriber"),
    ("app", "inline", "download",
     r"\bdownload\s+(?:our|the)\s+(?:free\s+)?(?:[\w'’-]+\s+){0,3}app\b"),
    ("consent", "inline", "partners partners' consent consenting geolocation processing preferences",
     r"\bwe\s+and\s+our\s+(?:\d+\s+)?(?:\w+\s+)?partners\s+(?:may\s+)?(?:store|use|access|process|collect|share)\b"
     r"|\bconsent(?:ing)?\s+to\s+(?:our|the)\s+(?:and\s+our\s+partners['’]?\s+)?processing\b|\bprecise\s+geolocation\s+data"
     r"|\bprocess(?:ing)?\s+(?:of\s+)?your\s+personal\s+data|\b(?:change|manage)\s+your\s+(?:privacy\s+|cookie\s+)?(?:preferences|settings|choices)\b"
     r"|\byour\s+preferences\s+will\s+apply"),
]
_PROSE_CUE_RES = [(name, kind, re.compile(pat)) for name, kind, _, pat in _PROSE_CUES]
#: Trigger words as they appear among a line's words (with trailing punctuation).
PROSE_CUE_WORDS: dict[str, tuple[str, list[int]]] = {}
for _i, (_name, _kind, _words, _pat) in enumerate(_PROSE_CUES):
    for _w in _words.split():
        for _form in (_w, _w + ".", _w + ",", _w + ":", _w + ";", _w + "!", _w + "?", _w + ")"):
            PROSE_CUE_WORDS.setdefault(_form, (_w, []))[1].append(_i)
_PROSE_TRIGGERS = frozenset(PROSE_CUE_WORDS)
_IS_STOPWORD = STOPWORDS.__contains__
#: How far around a trigger word its pattern is searched (characters).
PROSE_CUE_WINDOW = 80


def _prose_cue(ln: Line, low: str, sample: list[str]) -> None:
    """Mark a line of prose that holds a furniture cue (see _PROSE_CUES)."""
    if _PROSE_TRIGGERS.isdisjoint(sample):
        return
    hits = _PROSE_TRIGGERS.intersection(sample)
    for form in sorted(hits):
        stem, idx = PROSE_CUE_WORDS[form]
        at = low.find(stem)
        for i in idx:
            name, kind, rx = _PROSE_CUE_RES[i]
            if rx.search(low, max(0, at - PROSE_CUE_WINDOW), at + PROSE_CUE_WINDOW):
                ln.cue, ln.kind = name, kind
                return


#: Separators between breadcrumb or menu items.
NAV_SEPARATOR_RE = re.compile(r"\s(?:[>›»|•·/]|::)\s|\s*[|•·]\s*")
#: Separators that make even a two-part line a breadcrumb ("National > Defense").
_BREADCRUMB_RE = re.compile(r"\s[>›»]\s")
_SENTENCE_CLOSERS = "\"'”’)]»*"
_BULLET_RE = re.compile(r"(?:[-•*·–—▪►✓✔■□◦]|\d{1,2}[.)])\s+\S")

# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


class BoilerplateResult(NamedTuple):
    text: str
    body: tuple[Segment, ...]
    spans: list[Span]
    scores: dict[str, float]
    details: dict[str, Any]


class Line:
    """One non-blank line, its features and (after classification) its label.

    Every attribute is a slot: features that most lines lack start at the
    defaults set in ``__init__`` (reading a slot is much faster than falling
    back from an instance to a class attribute, and the rules read these
    features many times per line).
    """

    __slots__ = ("start", "end", "s", "n", "low", "stop", "words", "trunc", "send",
                 "cue", "kind", "date", "contact", "source", "time_only", "date_kw", "byline", "empty_byline",
                 "credits", "name", "nav", "title", "good", "repeated", "doubled", "affiliation", "bullet",
                 "label", "reason", "region")

    start: int
    end: int
    s: str
    n: int
    low: str
    stop: float
    words: int
    trunc: bool
    send: bool
    cue: str | None
    kind: str | None
    date_kw: str
    byline: str

    def __init__(self, start: int, end: int, s: str, n: int, low: str) -> None:
        self.start = start
        self.end = end
        self.s = s
        self.n = n
        self.low = low
        self.cue = self.kind = None
        self.date = self.contact = self.source = self.time_only = self.empty_byline = self.credits = False
        self.name = self.nav = self.title = self.good = self.repeated = self.doubled = False
        self.affiliation = self.bullet = False
        self.date_kw = self.byline = self.label = self.reason = self.region = ""

    def as_dict(self) -> dict[str, Any]:
        density = _ROUNDED_DENSITY.get(self.stop)
        if density is None:
            density = round(self.stop, 3)
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "reason": self.reason,
            "region": self.region,
            "chars": self.n,
            "words": self.words,
            "stopword_density": density,
            "sentence_end": self.send,
            "good": self.good,
            "cue": self.cue,
        }


#: ``round(d, 3)`` for every stop-word density ``d`` a sample can have (its at most
#: STOPWORD_SAMPLE_CHARS characters hold at most half as many words): a table
#: lookup instead of ``round``, which is slow on floats.
_ROUNDED_DENSITY = {k / m: round(k / m, 3) for m in range(1, STOPWORD_SAMPLE_CHARS // 2 + 1) for k in range(m + 1)}


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------


def _features(text: str, start: int, end: int, s: str | None = None) -> Line:
    """The features of the line ``text[start:end]`` (``s``, when the caller has that string already)."""
    if s is None:
        s = text[start:end]
    n = end - start
    # a paragraph is only looked at in its first characters (and its end, for captions)
    low = s.lower() if n <= CAPTION_MAX_CHARS else s[:PROSE_CUE_SAMPLE_CHARS].lower()
    ln = Line(start, end, s, n, low)
    sample = low[:STOPWORD_SAMPLE_CHARS].split()
    # (filter + len counts the stop words without summing bools, which takes sum's slow path)
    ln.stop = stop = (len(list(filter(_IS_STOPWORD, sample))) / len(sample)) if sample else 0.0
    tail = s.rstrip(_SENTENCE_CLOSERS)
    last = tail[-1:]
    if last == ".":
        trunc = tail.endswith("...")
        send = not trunc
    else:
        trunc = last == "…"
        send = last == "!" or last == "?"
    ln.trunc, ln.send = trunc, send
    if n > CUE_MAX_CHARS:
        # a long line: prose, a long notice (cookies, newsletter) or a caption with a credit
        ln.words = nw = s.count(" ") + 1
        if low.startswith(("©", "copyright")):
            ln.cue, ln.kind = "copyright", "end"
        elif not _PROSE_TRIGGERS.isdisjoint(sample):
            _prose_cue(ln, low, sample)
        if not send and ln.cue is None and n <= CAPTION_MAX_CHARS:
            _credit(ln, low)
        ln.good = (send and nw >= GOOD_MIN_WORDS and stop >= GOOD_MIN_STOPWORD_DENSITY and ln.cue is None)
        return ln
    ln.words = nw = len(sample)
    lowb = low.lstrip(_BULLET_CHARS)
    if len(lowb) < n:
        ln.bullet = bool(_BULLET_RE.match(s))
    c = lowb[:1]
    fw = lowb.split(None, 1)[0].rstrip(_WORD_TRAILERS) if c.isalpha() and c not in "hw" else _first_word(lowb)
    if "..." in fw or "…" in fw:  # "Credit...Jane Doe"
        fw = _first_word(lowb)
    if n <= DATE_MAX_CHARS and (fw == "#num" or fw in _DATE_FIRST or ("," in s[:32] and c.isalpha())):
        kw = date_line(s)
        if kw is not None:
            ln.date = True
            ln.date_kw = kw
            ln.time_only = not _DAY_RE.search(low)
            return ln
    hit = _match_cues(lowb, fw) if fw in _CUES_BY_FIRST else None
    if fw == "#sym" and n <= 20 and not _ALNUM_RE.search(s):  # "___", "* * *": a rule drawn in text
        ln.cue, ln.kind = "separator", "inline"
    elif hit:
        ln.cue, ln.kind = hit
    elif "newsletter" in low or "to your inbox" in low:
        ln.cue, ln.kind = "newsletter", "inline"
    elif "(@" in low and SOCIAL_HANDLE_RE.search(low):
        ln.cue, ln.kind = "social-embed", "inline"
    elif n <= 60 and s.endswith(("%", "%)")) and MARKET_QUOTE_RE.search(s):
        ln.cue, ln.kind = "market-quote", "inline"
    elif n <= 60 and ("·" in low or "•" in low or "|" in low) and COMMENTER_RE.match(low):  # (its separator first)
        ln.cue, ln.kind = "comments", "end"  # "reader_jan · 3h": the head of a reader's comment
    elif n >= 12 and (not send or n <= 150):
        _credit(ln, low)
    if ln.cue is None and n >= 60:
        _prose_cue(ln, low, sample)
    if not send:
        if fw in _BYLINE_FIRST and n <= BYLINE_MAX_CHARS:
            if EMPTY_BYLINE_RE.match(s):
                ln.empty_byline = True
            else:
                m = BYLINE_RE.match(s)
                if m and nw <= 25 and not (fw in ("published", "posted") and ORGANISATION_RE.search(m.group("name"))):
                    ln.byline = m.group("name")
        if ln.byline or ln.empty_byline:
            pass
        elif " by " in low and (fw == "#num" or fw in _DATE_FIRST) and n <= BYLINE_MAX_CHARS:
            m = DATED_BYLINE_RE.match(s)
            if m and parse_date(m.group("date")):
                ln.byline = m.group("name")
        elif n <= NAME_MAX_CHARS * 2 and low.rsplit(None, 1)[-1] in _ROLE_LAST:
            m = ROLE_BYLINE_RE.match(s)
            if m:
                ln.byline = m.group("name")
        if (n <= NAME_MAX_CHARS and 2 <= nw <= 4 and s[0].isupper() and _NOT_IN_NAMES.isdisjoint(sample)
                and NAME_LINE_RE.fullmatch(s)):
            ln.name = True
        if NAV_WORDS.issuperset(sample):
            ln.nav = True
        elif _NAV_SEP_CHARS_RE.search(s):
            parts = NAV_SEPARATOR_RE.split(s)
            longest = max(len(p.split()) for p in parts)
            if longest <= 4 and (len(parts) >= 3 or (len(parts) == 2 and (
                    _BREADCRUMB_RE.search(s) or ((" / " in s or " | " in s) and n <= 40 and longest <= 3)))):
                ln.nav = True  # a menu or breadcrumb: "Home / World / Europe", "National > Defense"
        ln.title = (not trunc and 2 <= nw <= TITLE_MAX_WORDS and ln.cue is None)
    if not send and fw in _AFFILIATION_FIRST and AFFILIATION_RE.match(lowb):
        ln.affiliation = True
    if (fw in _CREDITS_FIRST or "contributed" in low) and CREDITS_RE.match(lowb):
        ln.credits = True
    elif fw in ("source", "sources", "via", "courtesy") and SOURCE_LINE_RE.match(lowb):
        ln.source = True
    elif lowb.rstrip(" .") in NEWS_AGENCIES:  # "Reuters" alone: the story's source (or a photo's)
        ln.source = True
        ln.cue = ln.kind = None
    ln.good = (n >= GOOD_MIN_CHARS and nw >= GOOD_MIN_WORDS and stop >= GOOD_MIN_STOPWORD_DENSITY and send
               and ln.cue is None)
    return ln


def _author_lines(ln: Line) -> bool:
    """Mark an author's contact line or bio, checked on the lines that close
    the article and on those after it (not on every line, to save time)."""
    if ln.cue or ln.contact or ln.n > CAPTION_MAX_CHARS:
        return bool(ln.cue and ln.cue.startswith("author-"))
    s, low = ln.s, ln.low
    if "@" in low or "reach " in low or "contact" in low or "follow " in low:
        if ln.n <= NAME_MAX_CHARS * 2 and EMAIL_LINE_RE.fullmatch(low):
            ln.contact = True
            return False
        if AUTHOR_CONTACT_RE.search(low):
            ln.cue, ln.kind = "author-contact", "end"
            return True
    if s[0].isupper() and (" is a" in low or " is the " in low or " was a" in low or " covers " in low
                           or " writes about " in low or " reports on " in low or " curates " in low):
        if AUTHOR_BIO_RE.match(s):
            ln.cue, ln.kind = "author-bio", "list"
            return True
        if BROAD_BIO_RE.match(s):
            ln.cue, ln.kind = "about-line", "list"
            return True
    return False


#: Words that do not occur in a person's name ("What's On" is a menu item).
_NOT_IN_NAMES = frozenset("on in of the and to for with at by from what what's how why who your our my".split())
_ALNUM_RE = re.compile(r"[^\W_]")
_DAY_RE = re.compile(rf"\d{{4}}|{_MONTH}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|ago|yesterday|today")
_ROLE_LAST = frozenset(ROLE_WORDS) | frozenset(w + "s" for w in ROLE_WORDS)


def _credit(ln: Line, low: str) -> None:
    """Mark a caption that ends with a photo credit."""
    if ln.n >= 40 and ln.s[-1] == ")" and PAREN_CREDIT_RE.search(ln.s, ln.n - 40):
        ln.cue, ln.kind = "photo-credit", "inline"
        return
    if "(pictured" in low or "(left)" in low or "(right)" in low or "(above)" in low or "(below)" in low \
            or "(file photo)" in low or "(stock image)" in low or "(file image)" in low:
        ln.cue, ln.kind = "caption", "inline"
        return
    end_low = low[-90:]
    if "/" in end_low or "(" in end_low or ":" in end_low or "photo" in end_low or "getty" in end_low:
        for marker in END_CREDIT_MARKERS:
            if marker in end_low:
                ln.cue, ln.kind = "photo-credit", "inline"
                return
        if low.rstrip(" .").endswith(END_PAREN_CREDITS):
            ln.cue, ln.kind = "photo-credit", "inline"





_NAV_SEP_CHARS_RE = re.compile(r"[|•·>›»/]")
_DATE_FIRST = frozenset("""today published updated last first posted modified date created on as yesterday just an a one
    broadcast aired filed recorded
    mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday
    jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october
    nov november dec december""".split())
_BYLINE_FIRST = frozenset("by written words story text posted published reported compiled author authors byline".split())
_CREDITS_FIRST = frozenset("""reporting reported additional editing edited writing with compiled photographs photograph photos
    illustration illustrations graphic graphics produced translated fact-checked fact""".split())
#: A caption ending with an agency or photographer in brackets: "... on Tuesday. (Yonhap)".
PAREN_CREDIT_RE = re.compile(r"\((?:[A-Z][\w.'’&-]*(?:[\s/]+[A-Z][\w.'’&-]*){0,3})\)$")
#: The text under a "Sponsored" / "A message from our sponsor" label, up to
#: this long, is the advertisement's copy.
SPONSOR_COPY_MAX_CHARS = 200
_SPONSOR_LABELS = ("sponsor", "promoted", "paid ", "partner content", "a message from", "a word from")
#: A credit on a line of its own ("Mario Tama/Getty Images") is at most this
#: long; the line above it is then the caption.
CREDIT_LINE_MAX_CHARS = 60
#: A caption next to a credit line has at least this many words.
CAPTION_MIN_WORDS = 5
#: A caption with a photo credit is at most this long.
CAPTION_MAX_CHARS = 400
#: Photo-credit markers looked for near the end of a line (lower case).
END_CREDIT_MARKERS = ("photo:", "photos:", "photo by ", "photograph:", "photo credit", "photo courtesy", "image:",
                      "images:", "image credit", "image courtesy", "picture:", "pictures:", "credit:",
                      "illustration:", "reuters/", "afp/", "epa/", "ap photo", "getty images", "shutterstock",
                      "alamy", "via reuters", "via getty", "via afp", "via ap)", "file photo", "/getty", "/afp",
                      "/reuters", "/epa")
#: A line ending in one of these is a photo credit.
END_PAREN_CREDITS = ("(reuters)", "(afp)", "(ap)", "(epa)", "(handout)", "(file)", "(getty)", "(file photo)")


def _caption_like(ln: Line) -> bool:
    """Whether a line next to a credit line can be its caption."""
    return (ln.cue is None and not ln.good and not ln.date and not ln.byline and not ln.name
            and ln.words >= CAPTION_MIN_WORDS)


def _is_separator(ln: Line) -> str | None:
    """The kind of break a line makes between runs of the page, or None."""
    if ln.date:
        return "time" if ln.time_only else "date"
    if ln.kind in ("end", "list"):
        return ln.kind
    if ln.doubled:
        return "repeat"
    return None


# --------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------


def _set(ln: Line, label: str, reason: str) -> None:
    ln.label = label
    ln.reason = f"{label}:{reason}"


def _cue_reason(ln: Line) -> str:
    return ln.cue or ""


def _label_metadata(ln: Line, where: str) -> bool:
    """Label ``ln`` as metadata when it is a byline, credit line or dateline."""
    if ln.byline:
        _set(ln, "metadata", "byline")
        return True
    if ln.credits:
        _set(ln, "metadata", "credits")
        return True
    if ln.contact:
        _set(ln, "metadata", "author-contact")
        return True
    if ln.source and where == "header-content":
        _set(ln, "metadata", "source")
        return True
    if ln.date and not ln.time_only and (ln.date_kw not in ("", "today") or where == "header-content"):
        if ln.date_kw == "today":
            return False
        _set(ln, "metadata", "dateline")
        return True
    return False


def _run_stats(lines: list[Line], a: int, b: int) -> tuple[int, int, int]:
    """Good lines, their characters and the title-like lines in ``lines[a:b]``."""
    good = chars = titles = 0
    for ln in lines[a:b]:
        if ln.good:
            good += 1
            chars += ln.n
        elif ln.title:
            titles += 1
    return good, chars, titles


def _article_like(lines: list[Line], a: int, b: int) -> bool:
    good, chars, titles = _run_stats(lines, a, b)
    return (good >= MERGE_MIN_GOOD_LINES and chars >= MERGE_MIN_GOOD_CHARS
            and chars / good >= MERGE_MIN_MEAN_GOOD_CHARS and titles <= MERGE_MAX_TITLE_RATIO * good
            and not any(ln.trunc for ln in lines[a:b]))


def _mergeable(lines: list[Line], a: int, b: int, seps: list[Line], before: list[Line], after: Line) -> bool:
    """Whether run ``lines[a:b]`` continues the article across the separators ``seps``.

    ``before`` are the two lines before the separators, ``after`` the line after them.
    Across clock times alone (the entries of a live report), or across dates
    with a good line on both sides (a timeline), one good line that is not
    part of a headline list is enough; otherwise the run must be article
    prose (:func:`_article_like`).
    """
    # judge the run from its first to its last good line: the headlines of an inline box
    # ("Related stories" and its links) sit between the box heading and the prose
    while a < b and not lines[a].good:
        a += 1
    while b > a and not lines[b - 1].good:
        b -= 1
    if a == b:
        return False
    light = seps and all(x.date and x.time_only for x in seps)
    # a timeline: a date between two entries of text (a list of other stories puts its
    # dates after a headline and a teaser)
    light = light or (seps and all(x.date for x in seps) and any(x.good for x in before) and after.good)
    if light:
        good, chars, titles = _run_stats(lines, a, b)
        return good >= 1 and titles <= MERGE_MAX_TITLE_RATIO * good and not any(x.trunc for x in lines[a:b])
    return _article_like(lines, a, b)


def _main_block(lines: list[Line]) -> tuple[int, int] | None:
    """First and last line index of the article's main block, or None."""
    # runs between separators
    runs: list[tuple[int, int, str | None]] = []  # (start, end exclusive, kind of the separator that ends it)
    start = 0
    for i, ln in enumerate(lines):
        # (a cheap test first: most lines are no separator, see _is_separator)
        if ln.date or ln.doubled or ln.kind == "end" or ln.kind == "list":
            if i > start:
                runs.append((start, i, _is_separator(ln)))
            start = i + 1
    if start < len(lines):
        runs.append((start, len(lines), ""))
    best = None
    best_score = 0.0
    after_end = False
    for k, (a, b, _) in enumerate(runs):
        gap_start = runs[k - 1][1] if k else 0
        if any(x.kind == "end" for x in lines[gap_start:a]):  # the separators before this run
            after_end = True
        good, chars, titles = _run_stats(lines, a, b)
        if not good:
            continue
        score = float(chars)
        if good >= 2 and titles >= LIST_RUN_TITLE_RATIO * good and chars / good < TEASER_MAX_CHARS:
            score *= LIST_RUN_WEIGHT
        if after_end:  # prose after a comments heading, a copyright line ... is not the article
            score *= AFTER_END_WEIGHT
        if score > best_score:
            best, best_score = k, score
    if best is None:
        return None
    a, b, _ = runs[best]
    first = _first_good(lines, a)
    last = _trim_list(lines, first, _last_good(lines, b))

    # merge neighbouring runs of article prose (an article split by an inline box)
    k = best
    while k + 1 < len(runs):
        gap_start = runs[k][1]
        na, nb, _ = runs[k + 1]
        seps = lines[gap_start:na]
        if any(ln.kind == "end" for ln in seps) or runs[k][2] == "end":
            break
        if na - last - 1 > MERGE_MAX_GAP_LINES or not _mergeable(lines, na, nb, seps, lines[max(0, gap_start - 2):gap_start], lines[na]):
            break
        last = _trim_list(lines, first, _last_good(lines, nb))
        k += 1
    k = best
    while k > 0:
        pa, pb, pkind = runs[k - 1]
        if pkind == "end" or any(ln.kind == "end" for ln in lines[pb:runs[k][0]]):
            break
        if first - pb > MERGE_MAX_GAP_LINES or not _mergeable(lines, pa, pb, lines[pb:runs[k][0]], lines[max(0, pb - 2):pb],
                                                              lines[runs[k][0]]):
            break
        first = _first_good(lines, pa)
        k -= 1
    return first, last


def _first_good(lines: list[Line], a: int) -> int:
    """The index of the first good line from ``a`` on (the run holds one)."""
    while not lines[a].good:
        a += 1
    return a


def _last_good(lines: list[Line], b: int) -> int:
    """The index of the last good line before ``b`` (the run holds one)."""
    b -= 1
    while not lines[b].good:
        b -= 1
    return b


def _trim_list(lines: list[Line], first: int, last: int) -> int:
    """Cut a trailing list of headline-plus-teaser pairs off the block end."""
    i = last
    items = 0
    cut = 0
    nxt = last + 1
    # another dated headline follows: the list has started already, one pair is enough
    dated = (nxt + 1 < len(lines) and lines[nxt].date and not lines[nxt].time_only and lines[nxt + 1].title)
    while (i - 1 > first and lines[i].good and lines[i].n <= TEASER_MAX_CHARS and lines[i - 1].title
           and not lines[i - 1].bullet):  # numbered or bulleted headings belong to the article
        items += 1
        cut += lines[i].n
        i -= 2
    if items >= (1 if dated else LIST_MIN_ITEMS):
        kept = sum(ln.n for ln in lines[first:i + 1] if ln.good)
        if cut < kept:  # a list longer than the article before it is the article (a listicle)
            for j in range(i, first - 1, -1):
                if lines[j].good:
                    return j
    return last


def _trailing_prose(ln: Line, prev: Line) -> bool:
    """Whether a line right after the block continues the article."""
    if ln.cue or ln.date or ln.byline or ln.credits or ln.trunc or ln.repeated or ln.nav:
        return False
    if ln.send and ln.words >= TRAILING_PROSE_MIN_WORDS and ln.stop > 0:
        return True
    if ln.bullet and ln.words >= 2 and (prev.bullet or prev.s.endswith(":")):
        return True
    return False


#: The characters other than ``\n`` at which :meth:`str.splitlines` breaks a line.
_OTHER_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e")
_OTHER_BREAKS_NON_ASCII = ("\x85", "\u2028", "\u2029")


def _split_lines(text: str) -> list[tuple[int, int, str]]:
    """Every non-blank line as ``(start, end, line)``, stripped of surrounding
    white space: the segments of :func:`mediakit.text.nonblank_lines`, found
    with :meth:`str.split` on ``\n`` when the text has no other line break
    (the usual case; a line without surrounding spaces is then used as it
    is, uncopied), else with :meth:`str.splitlines`, which breaks at exactly
    the same characters as ``nonblank_lines``."""
    out: list[tuple[int, int, str]] = []
    append = out.append
    pos = 0
    simple = True
    for c in _OTHER_BREAKS:
        if c in text:
            simple = False
            break
    if simple and not text.isascii():
        for c in _OTHER_BREAKS_NON_ASCII:
            if c in text:
                simple = False
                break
    if simple:
        for raw in text.split("\n"):
            n = len(raw)
            if n:
                line = raw.strip()  # (the same object when there is nothing to strip)
                if line is raw:
                    append((pos, pos + n, raw))
                elif line:
                    a = pos + n - len(raw.lstrip())
                    append((a, a + len(line), line))
            pos += n + 1
        return out
    for raw in text.splitlines(True):
        line = raw.rstrip()
        if line:
            a = pos + len(line) - len(line.lstrip())
            append((a, pos + len(line), text[a:pos + len(line)]))
        pos += len(raw)
    return out


def _nonblank_lines(text: str) -> list[Segment]:
    """The same segments as :func:`mediakit.text.nonblank_lines` (see :func:`_split_lines`)."""
    return [(a, b) for a, b, _ in _split_lines(text)]


#: A hard-wrapped line (one line of a paragraph broken over several lines)
#: is at least this long ...
WRAP_MIN_CHARS = 40
#: ... and has at least this many words.
WRAP_MIN_WORDS = 6
#: Words that leave a sentence open: a line ending on one of these (articles,
#: conjunctions, prepositions that need their object, auxiliaries) goes on
#: on the next line.  Words a headline may end on ("again", "up", "said")
#: are left out.
WRAP_OPEN_WORDS = frozenset(
    """
    a an the and or but nor of to for from with by at into onto than that which who whom whose as if because
    while although though whether its their his her our your my has have had will would could should may
    might must can shall between among during against without within amid per via
    """.split()
)
#: A paragraph's last line after a line ending on any function word has at
#: most this many words (and ends a sentence).
WRAP_TAIL_MAX_WORDS = 4
#: The last character of a line that a paragraph continues after (a letter,
#: a digit or a comma: no sentence end, no colon before a list).
_WRAP_TAIL_RE = re.compile(r"[^\W_]|[,;\-–—]")


def _line_breaks(gap: str) -> int:
    """How many line breaks the text between two non-blank lines holds
    (``\r\n`` counts once, as in :meth:`str.splitlines`)."""
    return len((gap + "x").splitlines()) - 1


def _continues(text: str, ln: Line, nxt: Line) -> bool:
    """Whether ``nxt`` continues the paragraph that ``ln`` was wrapped from.

    ``ln`` must be a long line that does not end a sentence (rule
    ``wrap-lower``: the next line then opens in lower case; rule
    ``wrap-open``: ``ln`` ends on a comma or a word of WRAP_OPEN_WORDS, which
    no sentence or headline ends on, and the next line may open with a
    capital; after any other function word, only a short line that ends the
    sentence).  A list of headlines ("Latest stories" and its items) has no
    such lines: each title ends on a content word and the next opens with a
    capital.  Neither line may be a date, byline, credit, bullet or menu,
    and no blank line may separate them.
    """
    if (ln.send or ln.trunc or ln.n < WRAP_MIN_CHARS or ln.words < WRAP_MIN_WORDS or ln.date or ln.byline
            or ln.credits or ln.nav or ln.empty_byline):
        return False
    if nxt.date or nxt.byline or nxt.credits or nxt.bullet or nxt.nav or nxt.empty_byline or nxt.name:
        return False
    if not _WRAP_TAIL_RE.fullmatch(ln.s[-1]) or _line_breaks(text[ln.end:nxt.start]) != 1:
        return False
    c = nxt.s[0]
    if c.islower():
        return True
    if ln.s[-1] in ",;":
        return c.isalnum() or c in _OPENERS
    if not (c.isalnum() or c in _OPENERS):
        return False
    last = ln.low.rsplit(None, 1)[-1]
    if last in WRAP_OPEN_WORDS:
        return True
    # a paragraph's short last line after a function word ("... at its meeting on" / "Thursday.")
    return last in STOPWORDS and nxt.send and nxt.cue is None and nxt.words <= WRAP_TAIL_MAX_WORDS


#: Inside a wrapped paragraph, a line that ends a sentence and fills at least
#: this share of the paragraph's longest line was broken by the wrap, not by
#: the writer: the sentence on the next line belongs to the same paragraph.
WRAP_FULL_SHARE = 0.8


def _next_sentence(text: str, group: list[Line], nxt: Line) -> bool:
    """Whether ``nxt`` continues a wrapped paragraph (``group``, at least two
    lines) whose last line ends a sentence at the wrap width (rule
    ``wrap-sentence``): ``nxt`` opens a new sentence with a capital, is no
    longer than the paragraph's lines, carries no furniture cue and either
    ends a sentence (the paragraph's short last line) or is wrapped itself."""
    ln = group[-1]
    width = max(x.n for x in group)
    if not ln.send or ln.n < WRAP_FULL_SHARE * width or nxt.n > width:
        return False
    if (nxt.cue or nxt.date or nxt.byline or nxt.credits or nxt.bullet or nxt.nav or nxt.name or nxt.empty_byline
            or nxt.trunc or not (nxt.s[0].isupper() or nxt.s[0] in _OPENERS)):
        return False
    if _line_breaks(text[ln.end:nxt.start]) != 1:
        return False
    return nxt.send or (nxt.n >= WRAP_FULL_SHARE * width and _WRAP_TAIL_RE.fullmatch(nxt.s[-1]) is not None)


def _wrapped_units(text: str, lines: list[Line]) -> tuple[list[Line], list[list[Line]]]:
    """Group the lines of hard-wrapped paragraphs.  Returns the units to
    classify (a line, or one Line standing for a whole wrapped paragraph,
    with the features of the joined paragraph) and, for each unit, the lines
    it stands for."""
    units: list[Line] = []
    members: list[list[Line]] = []
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j + 1 < n:
            ln = lines[j]
            # (the first test of _continues, inline: most lines end a sentence or are short)
            if not (ln.send or ln.trunc or ln.n < WRAP_MIN_CHARS) and _continues(text, ln, lines[j + 1]):
                j += 1
            elif j > i and _next_sentence(text, lines[i:j + 1], lines[j + 1]):
                j += 1
            else:
                break
        if j == i:
            units.append(lines[i])
            members.append([lines[i]])
        else:
            group = lines[i:j + 1]
            joined = " ".join(x.s for x in group)
            unit = _features(joined, 0, len(joined))
            unit.start, unit.end = group[0].start, group[-1].end
            units.append(unit)
            members.append(group)
        i = j + 1
    return units, members


def classify(text: str, segments: list[Segment] | None = None) -> list[Line]:
    """Label every non-blank line of plain text; see the module docstring.

    The lines of a hard-wrapped paragraph (:func:`_continues`) are classified
    as one unit; each keeps its own span and features and takes the unit's
    label (reason ``body:wrapped-paragraph`` for the body).
    """
    if segments is None:
        lines = [_features(text, a, b, s) for a, b, s in _split_lines(text)]
    else:
        lines = [_features(text, a, b) for a, b in segments]
    if len(lines) < 2:
        return _classify_lines(lines)
    for ln in lines[:-1]:  # a paragraph is wrapped after a line that passes _continues' first test
        if not (ln.send or ln.trunc or ln.n < WRAP_MIN_CHARS):
            break
    else:
        return _classify_lines(lines)
    units, members = _wrapped_units(text, lines)
    if len(units) == len(lines):
        return _classify_lines(lines)
    _classify_lines(units)
    for unit, group in zip(units, members):
        if len(group) == 1:
            continue
        for ln in group:
            ln.region = unit.region
            if unit.label == "body":
                _set(ln, "body", "wrapped-paragraph")
            else:
                ln.label, ln.reason = unit.label, unit.reason
    return lines


def _classify_lines(lines: list[Line]) -> list[Line]:
    """Label lines (or units of wrapped paragraphs) with their features computed."""
    if not lines:
        return lines
    counts: dict[str, int] = {}
    count = counts.get
    for i, ln in enumerate(lines):
        low = ln.low
        counts[low] = count(low, 0) + 1
        cue = ln.cue
        if cue is None:
            continue
        if cue == "advertising" and low.startswith(_SPONSOR_LABELS) and i + 1 < len(lines):
            nxt = lines[i + 1]  # the copy under a "Sponsored" label is the advertisement itself
            if nxt.cue is None and nxt.n <= SPONSOR_COPY_MAX_CHARS and not (nxt.date or nxt.byline or nxt.title):
                nxt.cue, nxt.kind, nxt.good = "advertising", "inline", False
        elif cue == "photo-credit" and ln.n <= CREDIT_LINE_MAX_CHARS:
            # a credit on its own line: its caption is the line above it, or else the line below
            # (not a headline: a title-like line under a dateline, or the first line of the page)
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and _caption_like(lines[j]) and not (
                        j == i - 1 and lines[j].title and (j == 0 or lines[j - 1].date or lines[j - 1].byline)):
                    lines[j].cue, lines[j].kind = "caption", "inline"
                    lines[j].title = False
                    break
    for i, ln in enumerate(lines if len(counts) < len(lines) else ()):  # (only when some line repeats)
        if counts[ln.low] > 1 and ln.words >= REPEAT_MIN_WORDS and ln.cue is None:
            ln.repeated = True
            # a line doubled in place (a listed headline over its own link) splits runs; a heading
            # repeated far away (in a table of contents) does not
            ln.doubled = (i > 0 and lines[i - 1].low == ln.low) or (i + 1 < len(lines) and lines[i + 1].low == ln.low)

    block = _main_block(lines)
    if block is None:  # no paragraph is long enough: try again with shorter ones (a brief)
        relaxed = False
        for ln in lines:
            if (ln.send and ln.cue is None and not ln.date and ln.n >= RELAXED_MIN_CHARS
                    and ln.words >= RELAXED_MIN_WORDS and ln.stop >= GOOD_MIN_STOPWORD_DENSITY):
                ln.good = relaxed = True
        block = _main_block(lines) if relaxed else None
    if block is None:
        for ln in lines:
            ln.region = "none"
            if _label_metadata(ln, "none"):
                continue
            if ln.cue:
                _set(ln, "boilerplate", _cue_reason(ln))
            elif ln.empty_byline:
                _set(ln, "boilerplate", "empty-byline")
            elif ln.date:
                _set(ln, "boilerplate", "date-only-line")
            else:
                _set(ln, "body", "no-main-block")
        return lines
    first, last = block
    # an author bio right under the byline, above the column ("Jane Doe is a former headteacher ...")
    while first < last and first > 0 and (lines[first - 1].byline or lines[first - 1].name) \
            and _author_lines(lines[first]):
        first = next(j for j in range(first + 1, last + 1) if lines[j].good)
    # short paragraphs (or a closing list) right after the last good line
    while last + 1 < len(lines) and _trailing_prose(lines[last + 1], lines[last]):
        last += 1
    # an author bio or contact line closing the block ("Jane Doe is an economist at ...",
    # "Reach him at ...") belongs to the furniture after it
    while last > first and _author_lines(lines[last]):
        last -= 1
        while last > first and (lines[last].name or lines[last].empty_byline):  # the box's name line
            last -= 1
    for ln in lines[last + 1:]:
        _author_lines(ln)

    # the block
    in_box = False  # inside a list of other stories that interrupts the article
    in_body = False  # a line labelled body:in-body (checked below)
    for i in range(first, last + 1):
        ln = lines[i]
        ln.region = "body"
        if ln.good:
            in_box = False
            ln.label, ln.reason = "body", "body:main-block"  # (_set, inline: the most frequent label)
        elif ln.kind == "list":
            in_box = True
            _set(ln, "boilerplate", _cue_reason(ln))
        elif in_box and ln.cue is None and not ln.byline and not ln.date:
            _set(ln, "boilerplate", "headline-list")
        elif ln.cue:
            _set(ln, "boilerplate", _cue_reason(ln))
        elif ln.byline:
            _set(ln, "metadata", "byline")
        elif ln.credits:
            _set(ln, "metadata", "credits")
        elif ln.contact:
            _set(ln, "metadata", "author-contact")
        elif ln.source:
            _set(ln, "metadata", "source")
        elif ln.empty_byline:
            _set(ln, "boilerplate", "empty-byline")
        elif ln.date and ln.time_only:
            _set(ln, "metadata", "timestamp")
        elif ln.date and i + 1 < len(lines) and lines[i + 1].good:
            _set(ln, "body", "timeline-date")  # a dated entry of the article ("October 2, 2024" + its text)
        elif ln.date:
            _set(ln, "boilerplate", "date-only-line")
        elif ln.doubled:
            _set(ln, "boilerplate", "repeated-line")
        else:
            _set(ln, "body", "in-body")
            in_body = True
    # a short line boxed in by furniture (the blurb of a newsletter box) is furniture too
    for i in range(max(first, 1), min(last + 1, len(lines) - 1) if in_body else 0):
        ln = lines[i]
        if ln.reason == "body:in-body" and lines[i - 1].label == "boilerplate" and lines[i + 1].label == "boilerplate":
            _set(ln, "boilerplate", "inside-furniture")
    _label_header(lines, first)
    _label_tail(lines, last)
    return lines


def _label_header(lines: list[Line], first: int) -> None:
    """Walk back from the block start: headline, standfirst, byline, dateline, then furniture."""
    accepting = True
    content = 0
    headline = -1
    titled = False  # a line without a final full stop (a headline) has been taken
    for i in range(first - 1, -1, -1):
        ln = lines[i]
        ln.region = "header"
        if accepting:
            if ln.date and ln.time_only:
                if ln.date_kw and ln.date_kw != "today":
                    _set(ln, "metadata", "timestamp")
                else:
                    _set(ln, "boilerplate", "time-only-line")
                continue
            if _label_metadata(ln, "header-content"):
                continue
            if ln.empty_byline:
                _set(ln, "boilerplate", "empty-byline")
                continue
            if ln.date:  # "Today: ..." date widget
                _set(ln, "boilerplate", "date-widget")
                continue
            if ln.cue:
                _set(ln, "boilerplate", _cue_reason(ln))
                if ln.cue == "list-heading" and not any(x.label == "metadata" for x in lines[i + 1:first]):
                    # a list of other stories between the byline and the body: its items are not the article
                    content = _drop_header_list(lines, i, first)
                    headline, titled = -1, False
                elif content > 0 and (ln.kind != "inline" or ln.cue not in HEADER_PASS_CUES):
                    accepting = False  # furniture above the headline ends the header
                    if (content >= 2 and ln.cue in ("navigation", "list-heading") and headline == i + 1
                            and lines[headline].title):
                        # "Breaking" / "Trending" over a headline: a ticker item, the headline is below it
                        _set(lines[headline], "boilerplate", "ticker")
                        headline = next((j for j in range(i + 2, first) if lines[j].label == "body"), -1)
                continue
            if ln.nav:
                _set(ln, "boilerplate", "navigation" if content == 0 else "section-label")
                accepting = content == 0
                continue
            above = lines[i - 1] if i else None
            below = lines[i + 1] if i + 1 < len(lines) else None
            if content == 0 and (ln.affiliation or (
                    above is not None and not ln.send and ln.words <= AFFILIATION_MAX_WORDS
                    and not (below is not None and below.date)  # a line over a dateline is a headline
                    and (above.name or above.byline) and ("," in ln.s or ln.words <= HEADLINE_MIN_WORDS))):
                _set(ln, "metadata", "affiliation")  # the author's job, desk or employer under the name
                continue
            if ln.words >= HEADLINE_MIN_WORDS and content < HEADER_MAX_CONTENT_LINES and not ln.s[0].islower():
                period = ln.s.rstrip(_SENTENCE_CLOSERS).endswith(".")
                if period and titled:
                    # a sentence above the headline is the teaser of another story, not a standfirst
                    _set(ln, "boilerplate", "before-headline")
                    accepting = False
                    continue
                _set(ln, "body", "standfirst")
                headline = i
                content += 1
                titled = titled or not period
                continue
            if ln.s.endswith(":") and content == 0 or BOX_HEADING_RE.fullmatch(ln.s.rstrip(" :")):
                _set(ln, "body", "lead-in")  # the heading of a box opening the article ("In short:")
                continue
            if content == 0 and ln.name:  # an author's name between the headline and the body
                _set(ln, "metadata", "author-name")
                continue
            if content == 0 and i == first - 1 and ln.title and not ln.nav:
                _set(ln, "body", "in-body")  # a section heading over the first paragraph ("What happened")
                continue
            if content == 0:  # a short line between headline and body (a label, a counter)
                _set(ln, "boilerplate", "header-short")
                continue
            _set(ln, "boilerplate", "section-label" if ln.words <= HEADLINE_MIN_WORDS else "before-headline")
            accepting = False
            continue
        # above the header
        if ln.byline:
            _set(ln, "metadata", "byline")
        elif ln.date and ln.date_kw not in ("", "today") and not ln.time_only:
            _set(ln, "metadata", "dateline")
        elif ln.date:
            _set(ln, "boilerplate", "date-widget")
        elif ln.cue:
            _set(ln, "boilerplate", _cue_reason(ln))
        elif ln.nav:
            _set(ln, "boilerplate", "navigation")
        elif ln.repeated:
            _set(ln, "boilerplate", "repeated-line")
        else:
            _set(ln, "boilerplate", "before-headline")
    if headline >= 0:
        _set(lines[headline], "body", "headline")


def _drop_header_list(lines: list[Line], heading: int, first: int) -> int:
    """Relabel the items of a list that follows a list heading in the header
    (no byline or dateline between the heading and the body): they are other
    stories.  Returns the number of header lines still kept as body (none)."""
    for j in range(heading + 1, first):
        if lines[j].label == "body":
            _set(lines[j], "boilerplate", "headline-list")
    return 0


def _label_tail(lines: list[Line], last: int) -> None:
    """Everything after the block is furniture, except bylines, credits and an author's name."""
    n = len(lines)
    in_list = False  # once a list of other stories has begun, bylines belong to its items
    for i in range(last + 1, n):
        ln = lines[i]
        ln.region = "tail"
        in_list = in_list or ln.kind == "list"
        if ln.byline and in_list:
            _set(ln, "boilerplate", "list-byline")
        elif ln.byline:
            _set(ln, "metadata", "byline")
        elif ln.credits:
            _set(ln, "metadata", "credits")
        elif ln.contact:
            _set(ln, "metadata", "author-contact")
        elif ln.source:
            _set(ln, "metadata", "source")
        elif ln.date and ln.repeated:
            _set(ln, "boilerplate", "repeated-line")
        elif ln.date and ln.date_kw in ("published", "updated", "last updated", "first published", "posted",
                                        "modified", "last modified"):
            _set(ln, "metadata", "dateline")
        elif ln.name and _author_context(lines, i):
            _set(ln, "metadata", "author-name")
        elif ln.cue:
            _set(ln, "boilerplate", _cue_reason(ln))
        elif ln.empty_byline:
            _set(ln, "boilerplate", "empty-byline")
        elif ln.date:
            _set(ln, "boilerplate", "date-only-line")
        elif ln.trunc:
            _set(ln, "boilerplate", "teaser")
        elif ln.repeated:
            _set(ln, "boilerplate", "repeated-line")
        elif BIO_RE.match(ln.s) and ln.n <= 600:
            _set(ln, "boilerplate", "author-bio")
        elif ln.title:
            _set(ln, "boilerplate", "headline-list")
        else:
            _set(ln, "boilerplate", "after-body")


def _author_context(lines: list[Line], i: int) -> bool:
    """A name line in an author box: repeated next to itself, or followed by the author's bio."""
    name = lines[i].s
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and lines[j].s == name:
            return True
    if i + 1 < len(lines) and lines[i + 1].s.startswith(name + " "):
        return True
    if i > 0 and lines[i - 1].cue == "author-box":
        return True
    return False


# --------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------


#: A place in capitals after a date: "Sep 26th 2024 | THE HAGUE".
_PLACE_TAIL_RE = re.compile(r"[|·•–—-]?\s*[A-Z][A-Z.'’ -]{1,30}$")
#: A place before a date: "Geneva, 15 October 2024".
_PLACE_HEAD_RE = re.compile(r"[A-Z][A-Za-z.'’ -]{1,30},\s*")
#: A reading time after a date: "... · 3-min read".
_READ_TAIL_RE = re.compile(r"[·•|-]?\s*\d+\s*-?\s*min(?:ute)?s?\.?\s+read\s*$", re.IGNORECASE)


def date_line(s: str) -> str | None:
    """If ``s`` is a date or time and nothing else ("24 November 2024",
    "Today : Nov 24, 2024", "Updated 10:32 AM EDT, Wed October 23, 2024"),
    its keyword in lower case ("" when it has none); otherwise None."""
    pos, n, kw = 0, len(s), None
    head = _PLACE_HEAD_RE.match(s)  # "Geneva, 15 October 2024": a dateline with its place
    if head and not DATE_ITEM_RE.match(s):
        pos = head.end()
    while True:
        m = DATE_ITEM_RE.match(s, pos)
        if m is None or m.end() == pos:
            return None
        if kw is None:
            kw = (m.group("kw") or "").lower()
        sep = _DATE_SEP_RE.match(s, m.end())  # (it matches the empty string too)
        pos = sep.end() if sep else m.end()
        if pos >= n or not s[pos:].strip(" .") or _READ_TAIL_RE.match(s, pos) or _PLACE_TAIL_RE.match(s, pos):
            return kw


def parse_date(s: str) -> str | None:
    """The first unambiguous date in ``s`` as ISO ``YYYY-MM-DD``, or None."""
    m = _DATE_PARTS_RE.search(s)
    if not m:
        return None
    if m.group("y1"):
        d, mo, y = int(m.group("d1")), _MONTHS[m.group("m1")[:3].lower()], int(m.group("y1"))
    elif m.group("y2"):
        d, mo, y = int(m.group("d2")), _MONTHS[m.group("m2")[:3].lower()], int(m.group("y2"))
    else:
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _metadata(lines: list[Line]) -> tuple[str | None, str | None, str | None]:
    """Title, date and author of the page, from its labelled lines (one pass over them):
    the title is the headline, else the first body line when it is title-like; the date
    the first that parses among the metadata lines, then the header's date lines; the
    author the first byline's name, else the first author-name line."""
    headline = first_body = byline = author_name = None
    dated: list[Line] = []  # the metadata lines ...
    header_dates: list[Line] = []  # ... then the date lines of the header
    for ln in lines:
        label = ln.label
        if label == "body":
            if first_body is None:
                first_body = ln
            if headline is None and ln.reason == "body:headline":
                headline = ln
        elif label == "metadata":
            dated.append(ln)
            reason = ln.reason
            if reason == "metadata:byline":
                if byline is None:
                    byline = ln
            elif reason == "metadata:author-name" and author_name is None:
                author_name = ln
        if ln.date and ln.region == "header":
            header_dates.append(ln)
    title = date = author = None
    if headline is not None:
        title = headline.s
    elif first_body is not None and not first_body.send and first_body.words <= TITLE_MAX_WORDS:
        title = first_body.s
    for ln in dated + header_dates:
        d = parse_date(ln.s)
        if d:
            date = d
            break
    if byline is not None:
        author = _clean_author(byline.byline)
    elif author_name is not None:
        author = author_name.s
    return title, date, author


def _clean_author(name: str) -> str:
    return re.split(r"\s*[|·•]\s*", name)[0].strip(" ,")


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def _result(text: str, lines: list[Line], kind: str, meta: tuple[str | None, str | None, str | None]
            ) -> BoilerplateResult:
    spans: list[Span] = []
    body: list[Segment] = []
    total = bp_chars = n_bp = 0
    for ln in lines:
        n = ln.n
        total += n
        label = ln.label
        if label == "body":
            body.append((ln.start, ln.end))
        else:
            spans.append(Span(ln.start, ln.end, label, ln.s, ln.reason))
            if label == "boilerplate":
                bp_chars += n
                n_bp += 1
    scores = {
        "boilerplate_share": bp_chars / total if total else math.nan,
        "boilerplate_lines": float(n_bp),
    }
    title, date, author = meta
    details = {
        "lines": list(map(Line.as_dict, lines)),
        "title": title,
        "date": date,
        "author": author,
        "input": kind,
    }
    return BoilerplateResult(text, tuple(body), spans, scores, details)


def extract(text: str, *, source: str | None = None) -> BoilerplateResult:
    """Separate the article body from page furniture.

    ``text`` is plain text, or HTML when ``source`` ends in ``.html``/``.htm``
    or the text is clearly markup; for HTML the result's ``text`` is the
    page's visible text, which the spans and body segments index.
    """
    if _html.is_html(text, source):
        return _extract_html(text)
    lines = classify(text)
    return _result(text, lines, "text", _metadata(lines))


def _extract_html(markup: str) -> BoilerplateResult:
    page = _html.extract_page(markup)
    text = page.text
    segs = _nonblank_lines(text)
    lines = [_features(text, a, b) for a, b in segs]
    kept = page.article_lines
    title_norm = _html.normalise(page.title) if page.title else None
    for ln in lines:
        ln.region = "html"
        norm = _html.normalise(ln.s)
        if title_norm and norm == title_norm:
            _set(ln, "body", "headline")
        elif _html.in_article(norm, kept, page.article_text):
            _set(ln, "body", "html-article")
        elif ln.byline:
            _set(ln, "metadata", "byline")
        elif ln.date and ln.date_kw != "today":
            _set(ln, "metadata", "dateline")
        elif ln.cue:
            _set(ln, "boilerplate", _cue_reason(ln))
        else:
            _set(ln, "boilerplate", "html-not-in-article")
    if page.article_text is None:  # the extractor found no article: classify the visible text as plain text
        lines = classify(text, segs)
    title, date, author = _metadata(lines)
    meta = (page.title or title, page.date or date, page.author or author)
    return _result(text, lines, "html", meta)
