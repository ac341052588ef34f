"""The boilerplate classifier: labelled pages, named rules, HTML input, invariants."""

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from mediakit import boilerplate as bp
from mediakit.text import nonblank_lines

ROOT = Path(__file__).resolve().parent.parent


def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_boilerplate", ROOT / "benchmarks" / "eval_boilerplate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


EVAL = _load_eval()
DOCS = EVAL.load_all()


def labels(text):
    """(line text, label, reason) for every non-blank line."""
    r = bp.extract(text)
    return [(r.text[d["start"]:d["end"]], d["label"], d["reason"]) for d in r.details["lines"]]


def label_of(text, line):
    for s, lab, reason in labels(text):
        if s == line:
            return lab, reason
    raise AssertionError(f"line not found: {line!r}")


ARTICLE = [
    "The city will plant 30,000 trees over the next six years under a plan approved by the parks board on Thursday, "
    "roughly doubling the number of street trees in neighbourhoods that have the least shade.",
    "Officials said the programme was designed to cool streets during heatwaves, which have become longer and more "
    "frequent in the region over the past decade, and to reduce flooding after storms.",
    "The programme is expected to cost $48 million, most of it for watering and maintenance during the first three "
    "years after planting, when young trees are most likely to die.",
    '"Planting a tree is the cheap part," said Maria Okafor, the city\'s chief forester. "Keeping it alive through '
    'its first three summers is where the real work is."',
]


def page(*before, after=(), middle=None):
    """A page: lines before the article, the article (with ``middle`` lines after its second paragraph), lines after."""
    body = ARTICLE[:2] + list(middle or []) + ARTICLE[2:]
    return "\n\n".join(list(before) + body + list(after)) + "\n"


# --------------------------------------------------------------------------
# Labelled documents
# --------------------------------------------------------------------------


@pytest.mark.parametrize("doc", [d for d in DOCS if d.set == "seed"], ids=lambda d: d.id)
def test_seed_share_within_002_of_labels(doc):
    share = bp.extract(doc.text).scores["boilerplate_share"]
    assert abs(share - doc.share) <= 0.02, (doc.id, share, doc.share)


@pytest.mark.parametrize("doc", [d for d in DOCS if d.set == "seed"], ids=lambda d: d.id)
def test_seed_boilerplate_lines_match_labels(doc):
    got = [lab == "boilerplate" for _, lab, _ in labels(doc.text)]
    want = [lab == "boilerplate" for _, lab in doc.lines]
    assert got == want


def test_labelled_documents_quality_gate():
    """Character-level F1 for boilerplate and share MAE over every labelled document (floors, never lowered silently)."""
    total = EVAL.Counts()
    errors = []
    for doc in DOCS:
        counts, share, _, _ = EVAL.evaluate(doc)
        total.add(counts)
        errors.append(abs(share - doc.share))
    _, _, f1 = EVAL.prf(total.ctp, total.cfp, total.cfn)
    assert len(DOCS) >= 20
    assert f1 >= 0.95, f1
    assert sum(errors) / len(errors) <= 0.02


def test_every_labelled_document_has_its_lines():
    for doc in DOCS:
        assert [doc.text[a:b] for a, b in nonblank_lines(doc.text)] == [s for s, _ in doc.lines], doc.id


def test_seed_metadata():
    seeds = {d.id: d for d in DOCS if d.set == "seed"}
    d0 = bp.extract(seeds["seed-000"].text).details
    assert d0["title"] == "North Korean Troops Join Russia's Ukraine Front"
    assert d0["date"] == "2024-11-24"
    d2 = bp.extract(seeds["seed-002"].text).details
    assert d2["date"] == "2024-10-23" and d2["author"] == "Amanda Turner"
    d4 = bp.extract(seeds["seed-004"].text).details
    assert d4["title"] is None and d4["date"] is None and d4["input"] == "text"


# --------------------------------------------------------------------------
# Invariants
# --------------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_spans_body_and_scores_are_consistent(doc):
    r = bp.extract(doc.text)
    assert r.text == doc.text
    segs = nonblank_lines(doc.text)
    covered = sorted(list(r.body) + [(s.start, s.end) for s in r.spans])
    assert covered == segs  # every non-blank line is body or in exactly one span
    for s in r.spans:
        assert r.text[s.start:s.end] == s.cue
        assert s.category in ("boilerplate", "metadata")
        assert s.rule.startswith(s.category + ":")
    total = sum(e - s for s, e in segs)
    bp_spans = [s for s in r.spans if s.category == "boilerplate"]
    assert r.scores["boilerplate_share"] == pytest.approx(sum(len(s.cue) for s in bp_spans) / total)
    assert r.scores["boilerplate_lines"] == len(bp_spans)
    assert set(r.scores) == {c.name for c in bp.COLUMNS}
    assert 0.0 <= r.scores["boilerplate_share"] <= 1.0
    reasons = {(d["start"], d["end"]): d["reason"] for d in r.details["lines"]}
    assert all(reasons[(s.start, s.end)] == s.rule for s in r.spans)


def test_deterministic():
    doc = DOCS[0]
    assert bp.extract(doc.text) == bp.extract(doc.text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n  \r\n\t\n"])
def test_empty_input(text):
    r = bp.extract(text)
    assert r.text == text and r.body == () and r.spans == []
    assert math.isnan(r.scores["boilerplate_share"])
    assert r.scores["boilerplate_lines"] == 0.0
    assert r.details["lines"] == [] and r.details["title"] is None and r.details["input"] == "text"


def test_windows_line_endings_keep_offsets():
    text = page("World News", "24 November 2024", "Trees for every street in the city").replace("\n", "\r\n")
    r = bp.extract(text)
    for s in r.spans:
        assert text[s.start:s.end] == s.cue
    assert label_of(text, "World News")[0] == "boilerplate"


# --------------------------------------------------------------------------
# Named rules, each on a short hand-written case
# --------------------------------------------------------------------------


def test_plain_article_has_no_boilerplate():
    text = page("Trees for every street in the city", after=["The first plantings are expected next October."])
    r = bp.extract(text)
    assert r.scores["boilerplate_share"] == 0.0 and r.spans == []
    assert r.details["title"] == "Trees for every street in the city"


def test_header_date_widget_section_label_and_dateline():
    text = page("Today : Nov 24, 2024", "World News", "24 November 2024", "Trees for every street in the city")
    assert label_of(text, "Today : Nov 24, 2024") == ("boilerplate", "boilerplate:date-widget")
    assert label_of(text, "World News")[0] == "boilerplate"
    assert label_of(text, "24 November 2024") == ("metadata", "metadata:dateline")
    assert label_of(text, "Trees for every street in the city") == ("body", "body:headline")
    assert bp.extract(text).details["date"] == "2024-11-24"


def test_date_only_lines_after_the_article_are_boilerplate():
    text = page("Trees for every street in the city", after=["Latest Contents", "Ferry timetable changes for winter",
                                                             "24 November 2024"])
    assert label_of(text, "24 November 2024") == ("boilerplate", "boilerplate:date-only-line")
    assert label_of(text, "Latest Contents") == ("boilerplate", "boilerplate:list-heading")


def test_byline_and_empty_byline():
    text = page("Trees for every street in the city", "By Jane Doe | Updated Oct 9, 2024")
    assert label_of(text, "By Jane Doe | Updated Oct 9, 2024") == ("metadata", "metadata:byline")
    assert bp.extract(text).details["author"] == "Jane Doe"
    text = page("Trees for every street in the city", "Written by Published")
    assert label_of(text, "Written by Published") == ("boilerplate", "boilerplate:empty-byline")


def test_role_byline_and_dated_byline():
    text = page("Trees for every street in the city", "Helen Carver Environment correspondent")
    assert label_of(text, "Helen Carver Environment correspondent") == ("metadata", "metadata:byline")
    text = page("Trees for every street in the city", "Posted on October 18, 2024 by Megan Rowe")
    assert label_of(text, "Posted on October 18, 2024 by Megan Rowe") == ("metadata", "metadata:byline")


def test_weather_widget_and_navigation_before_the_headline():
    text = page("22°C Sunny", "Home", "News", "Sport", "Trees for every street in the city")
    assert label_of(text, "22°C Sunny") == ("boilerplate", "boilerplate:weather")
    assert label_of(text, "Sport")[0] == "boilerplate"


def test_furniture_inside_the_article_is_cut_out():
    middle = ["Advertisement", "Related article: Heatwave warnings issued for the weekend",
              "Workers plant saplings in the park on Monday. Photo: Jane Roe/Getty Images"]
    text = page("Trees for every street in the city", middle=middle)
    assert label_of(text, "Advertisement") == ("boilerplate", "boilerplate:advertising")
    assert label_of(text, middle[1]) == ("boilerplate", "boilerplate:read-more-link")
    assert label_of(text, middle[2]) == ("boilerplate", "boilerplate:photo-credit")
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)


def test_cookie_notice_is_boilerplate_even_as_prose():
    notice = ("We and our partners use cookies to store and access personal data such as browsing data for purposes "
              "such as serving and personalising content and advertising and analysing site traffic.")
    text = page(notice, "Accept all", "Trees for every street in the city")
    assert label_of(text, notice) == ("boilerplate", "boilerplate:cookie")
    assert label_of(text, "Trees for every street in the city")[0] == "body"


def test_headline_list_with_repeated_titles_and_truncated_teasers():
    after = ["Latest Contents", "Ferry timetable changes for winter", "Ferry timetable changes for winter",
             "The ferry operator has published its winter timetable, with fewer crossings on weekday…",
             "23 October 2024"]
    text = page("Trees for every street in the city", after=after)
    assert label_of(text, after[1]) == ("boilerplate", "boilerplate:repeated-line")
    assert label_of(text, after[3]) == ("boilerplate", "boilerplate:teaser")


def test_trailing_headline_teaser_pairs_without_a_heading_are_cut():
    pairs = []
    for i in range(bp.LIST_MIN_ITEMS):
        pairs += [f"Library {i} to extend opening hours on Saturdays",
                  f"The library number {i} will open two hours longer on Saturdays from next month, the council said."]
    text = page("Trees for every street in the city", after=pairs)
    assert all(label_of(text, p)[0] == "boilerplate" for p in pairs)
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)


def test_short_last_paragraph_stays_body_but_author_bio_does_not():
    bio = "Jordan Ellis is a reporter who covers city government. Reach him at jellis@example.com."
    text = page("Trees for every street in the city", after=["The first plantings are expected next October.", bio])
    assert label_of(text, "The first plantings are expected next October.")[0] == "body"
    assert label_of(text, bio)[0] == "boilerplate"


def test_author_box_name_is_metadata_and_bio_is_boilerplate():
    after = ["Amanda Turner", "Amanda Turner",
             "Amanda Turner curates and reports on the day's top headlines, ensuring readers are always informed."]
    text = page("Trees for every street in the city", after=after)
    assert label_of(text, "Amanda Turner") == ("metadata", "metadata:author-name")
    assert label_of(text, after[2]) == ("boilerplate", "boilerplate:author-bio")


def test_footer_copyright_and_subscribe_block():
    after = ["Subscribe", "- Never miss a story with notifications", "© 2024 The Daily Ledger. All rights reserved."]
    text = page("Trees for every street in the city", after=after)
    assert label_of(text, "Subscribe") == ("boilerplate", "boilerplate:subscribe")
    assert label_of(text, after[1])[0] == "boilerplate"
    assert label_of(text, after[2]) == ("boilerplate", "boilerplate:copyright")


def test_list_between_byline_and_body_is_dropped():
    before = ["Trees for every street in the city", "By Jane Doe", "Most Read from The Ledger",
              "Oil tumbles as traders weigh risks", "Here is what economists expect next month"]
    text = page(*before)
    assert label_of(text, before[0]) == ("body", "body:headline")
    assert label_of(text, before[3]) == ("boilerplate", "boilerplate:headline-list")


def test_live_report_entries_across_clock_times_stay_body():
    entry = ("Soldiers and volunteers were filling sandbags through the night, but officials said they could not "
             "guarantee that the embankment would hold as more rain fell upstream.")
    text = page("Trees for every street in the city", after=["Share", "13.20 BST", "Second entry heading", entry])
    assert label_of(text, "13.20 BST") == ("metadata", "metadata:timestamp")
    assert label_of(text, entry)[0] == "body"


def test_thresholds_are_named_constants():
    for name in ("GOOD_MIN_CHARS", "GOOD_MIN_WORDS", "GOOD_MIN_STOPWORD_DENSITY", "LIST_MIN_ITEMS",
                 "TEASER_MAX_CHARS", "HEADER_MAX_CONTENT_LINES", "MERGE_MIN_GOOD_CHARS"):
        assert isinstance(getattr(bp, name), (int, float))


def test_line_details_carry_the_deciding_features():
    r = bp.extract(page("Trees for every street in the city"))
    first = r.details["lines"][1]
    assert first["label"] == "body" and first["reason"] == "body:main-block" and first["good"] is True
    assert first["chars"] >= bp.GOOD_MIN_CHARS and first["stopword_density"] >= bp.GOOD_MIN_STOPWORD_DENSITY


@pytest.mark.parametrize("text,iso", [
    ("24 November 2024", "2024-11-24"), ("Today : Nov 24, 2024", "2024-11-24"),
    ("Wednesday, October 23, 2024", "2024-10-23"), ("Updated 2024-10-09 18:41", "2024-10-09"),
    ("Oct. 23, 2024 - 15:03", "2024-10-23"), ("10/11/2024", None), ("no date here", None),
])
def test_parse_date(text, iso):
    assert bp.parse_date(text) == iso


# --------------------------------------------------------------------------
# HTML input
# --------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><title>Trees for every street | The Ledger</title>
<meta name="author" content="Jane Doe"><script>var tracking = "Home News";</script><style>p {{ color: red }}</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="consent">We use cookies to improve your experience. <button>Accept</button></div></header>
<main><article><h1>Trees for every street in the city</h1><p class="byline">By Jane Doe</p>
<p>{0}</p><p>{1}</p><p>{2}</p><p>{3}</p></article>
<aside><h2>Most read</h2><ul><li><a href="/a">School board race heats up</a></li>
<li><a href="/b">New bakery opens downtown</a></li></ul></aside>
<div hidden>Hidden promotion text</div></main>
<footer><p>&copy; 2024 The Ledger. All rights reserved.</p><a href="/privacy">Privacy Policy</a></footer></body></html>
""".format(*ARTICLE)


def test_html_visible_text_and_article():
    r = bp.extract(HTML, source="page.html")
    assert r.details["input"] == "html"
    assert "var tracking" not in r.text and "color: red" not in r.text and "Hidden promotion" not in r.text
    lines = r.text.split("\n")
    assert "Accept" in r.text and "School board race heats up" in lines
    for s in r.spans:
        assert r.text[s.start:s.end] == s.cue
    body_text = [r.text[a:b] for a, b in r.body]
    assert ARTICLE[0] in body_text and ARTICLE[3] in body_text
    assert "School board race heats up" not in body_text and "Home" not in body_text
    assert label_of_html(r, "By Jane Doe") == "metadata"
    total = sum(b - a for a, b in nonblank_lines(r.text))
    furniture = sum(len(s.cue) for s in r.spans if s.category == "boilerplate")
    assert r.scores["boilerplate_share"] == pytest.approx(furniture / total)
    assert 0.05 < r.scores["boilerplate_share"] < 0.5


def label_of_html(r, line):
    for d in r.details["lines"]:
        if r.text[d["start"]:d["end"]] == line:
            return d["label"]
    raise AssertionError(line)


def test_html_detected_from_markup_without_a_source():
    assert bp.extract(HTML).details["input"] == "html"


def test_plain_text_with_angle_brackets_is_not_html():
    text = page("Trees for every street in the city", middle=["If a < b and c > d, the plan still works."])
    assert bp.extract(text).details["input"] == "text"
    assert bp.extract(text).text == text


def test_html_without_an_article_falls_back_to_the_line_classifier():
    html = "<html><body><ul><li>Home</li><li>News</li></ul></body></html>"
    r = bp.extract(html, source="x.htm")
    assert r.details["input"] == "html" and r.text == "Home\nNews"
    for s in r.spans:
        assert r.text[s.start:s.end] == s.cue


def test_long_reader_comments_after_the_article_are_not_the_article():
    comment = ("I have lived here for thirty years and I can tell you that the trees the council planted last time "
               "all died within two summers because nobody watered them, so forgive me if I do not get excited. ")
    after = ["Comments", "JohnnyB", "2 hours ago", comment * 2, "Reply", "Sarah_T", "1 hour ago", comment * 6]
    text = page("Trees for every street in the city", after=after)
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)
    assert label_of(text, (comment * 6).strip())[0] == "boilerplate"


@pytest.mark.parametrize("line,rule", [
    ("Subscribe", "subscribe"), ("ADVERTISEMENT", "advertising"), ("Most Read", "list-heading"),
    ("Tags: Portugal, work", "tags"), ("© 2024 The Ledger. All rights reserved.", "copyright"),
    ("Share this article", "share"), ("3 min read", "reading-time"), ("22 C", "weather"),
    ("Skip to main content", "navigation"), ("12 Comments", "comments"),
])
def test_match_cue(line, rule):
    assert bp.match_cue(line)[0] == rule


@pytest.mark.parametrize("line", [
    "The council voted on Tuesday.", "Subscribers of the channel grew", "Morenews", "Share prices tumble",
    "More to come", "Home sales slump", "Most popular destinations", "Weather warning issued", "Go to war",
    "The latest on the storm", "Also on the agenda", "Donate blood appeal", "Register of members",
    "Login problems hit bank customers", "My account of the war", "Full story of the rescue", "Advertising revenue",
    "Related developments", "Comment from the ministry", "Live music returns", "Privacy concerns", "Key points",
])
def test_ordinary_lines_carry_no_cue(line):
    assert bp.match_cue(line) is None


# --------------------------------------------------------------------------
# Properties on arbitrary text
# --------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from([w for doc in DOCS[:8] for s, _ in doc.lines for w in s.split()][:400] + [
    "\r\n", "\n", "\n\n", "  ", "\t", "\u2028", "…", "©", "|", ">", "10:45", "By", "Photo:", "<p>"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=120).map(" ".join) | st.text(max_size=300))
def test_any_text_gives_a_consistent_result(text):
    r = bp.extract(text)
    segs = nonblank_lines(r.text)
    assert sorted(list(r.body) + [(s.start, s.end) for s in r.spans]) == segs
    for s in r.spans:
        assert r.text[s.start:s.end] == s.cue
    share = r.scores["boilerplate_share"]
    assert (math.isnan(share) and not segs) or 0.0 <= share <= 1.0


def test_a_brief_of_short_paragraphs_still_has_a_body_and_furniture():
    text = ("Home\nNews\nSport\n\nBridge closed after crash\nBy Staff Reporter\n\n"
            "A bridge on the A1 was closed on Monday after a lorry crash.\n\n"
            "Police said no one was hurt in the incident.\n\nThe road reopened at 6pm.\n\n"
            "Most read\nCouncil tax to rise\nSchools closed by snow\n© 2024 The Ledger\n")
    assert label_of(text, "Police said no one was hurt in the incident.") == ("body", "body:main-block")
    assert label_of(text, "The road reopened at 6pm.")[0] == "body"
    assert label_of(text, "Bridge closed after crash") == ("body", "body:headline")
    assert label_of(text, "Schools closed by snow")[0] == "boilerplate"
    assert label_of(text, "Sport")[0] == "boilerplate"


def test_disclaimer_about_how_the_article_was_made_is_boilerplate():
    line = "This article was generated with the help of AI and reviewed by our editors."
    text = page("Trees for every street in the city", after=[line])
    assert label_of(text, line) == ("boilerplate", "boilerplate:disclaimer")


def test_table_of_contents_is_furniture_but_the_headings_it_repeats_are_body():
    before = ["Trees for every street in the city", "By Jane Doe", "Table of Contents", "Where the trees go",
              "What it costs"]
    middle = ["Where the trees go"]
    after = ["What it costs", "The first plantings are expected next October, officials said on Thursday evening."]
    text = page(*before, middle=middle, after=after)
    r = labels(text)
    assert [lab for s, lab, _ in r if s == "Where the trees go"] == ["boilerplate", "body"]
    assert [lab for s, lab, _ in r if s == "What it costs"] == ["boilerplate", "body"]
    assert label_of(text, "Table of Contents") == ("boilerplate", "boilerplate:list-heading")
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)


def test_timeline_dates_inside_the_article_are_body():
    entries = ["September 18, 2024",
               "The finance minister presents a budget that includes deep cuts to public spending, drawing criticism.",
               "October 2, 2024",
               "The junior coalition party says it will not support the budget unless the health cuts are reversed."]
    text = page("How the budget crisis unfolded", middle=entries)
    assert label_of(text, "October 2, 2024") == ("body", "body:timeline-date")
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE + entries[1::2])


def test_author_affiliation_under_the_name_is_metadata():
    text = page("Why mosquitoes bite some people more", "Laura Bennett",
                "Senior Lecturer in Entomology, University of Leeds")
    assert label_of(text, "Senior Lecturer in Entomology, University of Leeds") == ("metadata", "metadata:affiliation")
    assert label_of(text, "Laura Bennett") == ("metadata", "metadata:author-name")
    assert label_of(text, "Why mosquitoes bite some people more") == ("body", "body:headline")


def test_related_box_inside_the_article_is_cut_out_and_the_article_kept_whole():
    more = ["Residents can request a tree outside their home through the city's website, but those requests "
            "will be handled after the priority areas.",
            "Some residents raised concerns at Thursday's meeting about roots damaging pavements and pipes, and "
            "the city promised barriers.",
            "The first plantings are expected next October, and the parks board will report on progress every "
            "six months."]
    box = ["Related stories", "Heatwave warnings issued for the weekend", "City parks to get new fountains"]
    text = page("Trees for every street in the city", middle=box, after=more + ["Most read", "Ferry timetable changes"])
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE + more)
    assert all(label_of(text, b)[0] == "boilerplate" for b in box)
    assert label_of(text, "Ferry timetable changes")[0] == "boilerplate"


def test_sidebar_teasers_before_a_dated_article_are_not_merged_into_it():
    sidebar = ["Popular Posts", "Harbour dredging to start in spring",
               "Work to deepen the harbour entrance will begin in March and last about six weeks, the port said.",
               "New ferry route to the islands approved",
               "The council has approved a summer ferry service linking the town with the outer islands from May."]
    text = page(*sidebar, "Trees for every street in the city", "By Jane Doe", "3 October 2024")
    assert all(label_of(text, x)[0] == "boilerplate" for x in sidebar)
    assert label_of(text, "Trees for every street in the city") == ("body", "body:headline")


def test_a_copyright_credit_under_a_photo_does_not_end_the_article():
    text = page("Trees for every street in the city", middle=["Workers plant saplings in the park on Monday.", "© Reuters"])
    assert label_of(text, "© Reuters") == ("boilerplate", "boilerplate:photo-credit")
    assert label_of(text, "Workers plant saplings in the park on Monday.") == ("boilerplate", "boilerplate:caption")
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)


def test_paywall_offer_after_the_visible_paragraph_is_boilerplate():
    offer = ["Subscribe to unlock this article", "Try unlimited access", "Only €1 for 4 weeks",
             "Then €69 per month. Complete digital access to quality journalism on any device. Cancel anytime "
             "during your trial.", "Explore our full range of subscriptions."]
    text = page("Trees for every street in the city", after=offer)
    assert all(label_of(text, x)[0] == "boilerplate" for x in offer)
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)


def test_text_rules_and_agency_bylines():
    text = page("Trees for every street in the city", "By LISA MASCARO and KEVIN FREKING Associated Press",
                middle=["* * *"], after=["___"])
    assert label_of(text, "* * *") == ("boilerplate", "boilerplate:separator")
    assert label_of(text, "___") == ("boilerplate", "boilerplate:separator")
    assert label_of(text, "By LISA MASCARO and KEVIN FREKING Associated Press") == ("metadata", "metadata:byline")


def test_faq_section_stays_in_the_article_and_headline_is_not_a_caption():
    faq = ["FAQ", "When will the first trees be planted?", "The first plantings are expected next October."]
    text = page("22°C", "Miami", "Tuesday, October 8, 2024", "Trees for every street in the city", "Image credit: NOAA",
                after=faq + ["Written by", "Rachel Moore",
                             "Rachel Moore covers weather and climate, translating forecasts into advice for readers."])
    assert label_of(text, "Trees for every street in the city") == ("body", "body:headline")
    assert all(label_of(text, x)[0] == "body" for x in faq)
    assert label_of(text, "Rachel Moore") == ("metadata", "metadata:author-name")
    assert label_of(text, "Written by")[0] == "boilerplate"


def test_sponsored_copy_market_quotes_and_investment_disclaimer():
    disclaimer = ("The information provided in this article is for informational purposes only and should not be "
                  "considered investment advice. Past performance is not indicative of future results.")
    text = page("S&P 500 5,815.03 +0.40%", "Nasdaq 18,489.55 +0.33%", "Trees for every street in the city",
                middle=["Sponsored", "Discover the region's best winter getaways with our travel partners."],
                after=[disclaimer])
    assert label_of(text, "S&P 500 5,815.03 +0.40%") == ("boilerplate", "boilerplate:market-quote")
    assert label_of(text, "Discover the region's best winter getaways with our travel partners.")[0] == "boilerplate"
    assert label_of(text, disclaimer) == ("boilerplate", "boilerplate:disclaimer")
    assert label_of(text, "Trees for every street in the city") == ("body", "body:headline")
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)


@pytest.mark.parametrize("line,kw", [("Geneva, 15 October 2024", ""), ("Sep 26th 2024 | THE HAGUE", ""),
                                     ("Updated Wed, October 23, 2024 at 10:15 AM GMT+1 · 3-min read", "updated"),
                                     ("Smith, 45, was arrested", None), ("May 5 things to know", None)])
def test_date_lines(line, kw):
    assert bp.date_line(line) == kw


def test_reader_comments_without_a_heading_end_the_article():
    comments = ["reader_jan · 3h",
                "Great news. I have been asking for longer opening hours for years, and it will make a real difference.",
                "townwatcher · 2h",
                "Good decision, but I hope they will also look at opening on Sunday afternoons for families to visit."]
    text = page("Trees for every street in the city", after=comments)
    assert all(label_of(text, c)[0] == "boilerplate" for c in comments)
    assert all(label_of(text, p)[0] == "body" for p in ARTICLE)


# --------------------------------------------------------------------------
# Hard-wrapped paragraphs
# --------------------------------------------------------------------------

WRAPPED = (
    "Officials say the bridge will probably reopen next week, although engineers\n"
    "have reportedly found more damage than expected. The mayor said repairs may\n"
    "cost more than $2 million, according to a city statement released on Monday.\n"
    "Residents remain sceptical.\n"
)
WRAPPED_2 = (
    "The bridge carries about 20,000 vehicles a day and has been closed since\n"
    "a barge struck one of its piers in early March. Traffic has been diverted\n"
    "through the town centre, where shop owners say the congestion has kept\n"
    "customers away and sales have fallen by about a third since the closure.\n"
)
WRAPPED_LAST = (
    "The city council will vote on the extra spending at its meeting on\n"
    "Thursday.\n"
)
HEADLINE = "Bridge repairs to cost more than expected, city says\n"
LATEST = (
    "Latest stories\n"
    "Council approves new budget for libraries and parks\n"
    "School board delays vote on later start times again\n"
    "Storm knocks out power to thousands across the county\n"
)


def _wrapped_lines(block):
    return [x for x in block.splitlines() if x]


@pytest.mark.parametrize("head", ["", HEADLINE, HEADLINE + "\n"], ids=["no-headline", "headline-above", "headline-gap"])
def test_every_line_of_a_wrapped_paragraph_is_body(head):
    text = head + WRAPPED
    got = labels(text)
    for line in _wrapped_lines(WRAPPED):
        assert label_of(text, line) == ("body", "body:wrapped-paragraph")
    if head:
        assert label_of(text, HEADLINE.strip()) == ("body", "body:headline")
    assert bp.extract(text).scores["boilerplate_share"] == 0.0
    assert len(got) == len(_wrapped_lines(text))  # one decision per line


def test_wrapped_article_with_furniture_keeps_body_and_cuts_list():
    text = ("Home | News | Local\n" + HEADLINE + "By Jane Doe\n\n" + WRAPPED + "\n" + WRAPPED_2 + "\n"
            + WRAPPED_LAST + "\n" + LATEST + "Copyright 2026 The Daily Ledger\n")
    for line in _wrapped_lines(WRAPPED) + _wrapped_lines(WRAPPED_2) + _wrapped_lines(WRAPPED_LAST):
        assert label_of(text, line)[0] == "body", line
    # a furniture list: titles without a full stop, each followed by a capital
    for line in _wrapped_lines(LATEST):
        assert label_of(text, line)[0] == "boilerplate", line
    assert label_of(text, "By Jane Doe") == ("metadata", "metadata:byline")
    # the share counts the list, the menu and the footer, line by line
    r = bp.extract(text)
    furniture = ["Home | News | Local", "Copyright 2026 The Daily Ledger"] + _wrapped_lines(LATEST)
    total = sum(len(x.strip()) for x in text.splitlines() if x.strip())
    assert r.scores["boilerplate_share"] == pytest.approx(sum(map(len, furniture)) / total)


def test_a_short_last_line_of_a_wrapped_paragraph_is_body():
    text = WRAPPED + "\n" + WRAPPED_2 + "\n" + WRAPPED_LAST
    assert label_of(text, "Thursday.")[0] == "body"
    assert label_of(text, "Residents remain sceptical.") == ("body", "body:wrapped-paragraph")


def test_wrapped_paragraphs_with_windows_line_endings():
    text = (HEADLINE + "\n" + WRAPPED + "\n" + WRAPPED_2 + "\n" + LATEST).replace("\n", "\r\n")
    r = bp.extract(text)
    for s in r.spans:
        assert text[s.start:s.end] == s.cue
    lines = r.details["lines"]
    assert len(lines) == len(_wrapped_lines(text.replace("\r", "")))
    by_text = {text[d["start"]:d["end"]]: d for d in lines}
    for line in _wrapped_lines(WRAPPED) + _wrapped_lines(WRAPPED_2):
        assert by_text[line]["reason"] == "body:wrapped-paragraph"
        assert by_text[line]["chars"] == len(line)  # each line keeps its own features
    assert by_text["Latest stories"]["label"] == "boilerplate"
    assert [text[a:b] for a, b in r.body][:2] == [HEADLINE.strip(), _wrapped_lines(WRAPPED)[0]]


def test_wrapped_lines_are_not_joined_across_a_blank_line_or_into_a_list():
    lines = [bp._features(WRAPPED, a, b) for a, b in bp._nonblank_lines(WRAPPED)]
    units, members = bp._wrapped_units(WRAPPED, lines)
    assert [len(m) for m in members] == [4]
    assert units[0].good and units[0].start == 0 and units[0].end == len(WRAPPED.rstrip("\n"))
    split = WRAPPED.replace("engineers\n", "engineers\n\n")
    lines = [bp._features(split, a, b) for a, b in bp._nonblank_lines(split)]
    assert [len(m) for m in bp._wrapped_units(split, lines)[1]] == [1, 3]
    lines = [bp._features(LATEST, a, b) for a, b in bp._nonblank_lines(LATEST)]
    assert [len(m) for m in bp._wrapped_units(LATEST, lines)[1]] == [1, 1, 1, 1]
