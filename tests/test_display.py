"""The highlighted article view: escaping, nesting of overlapping spans, legend and scores."""

import html
import re
from html.parser import HTMLParser

import pytest

import mediakit
from mediakit.display import CSS, escape, highlight, render_html, render_page, span_title
from mediakit.types import Analysis, Article, Span

HOSTILE_TEXT = (
    "Breaking <script>alert('x')</script> news & views\r\n"
    "He said \"it may be <b>true</b>\" <img src=x onerror=\"alert(1)\"> today.\n"
    "\n"
    "An attribute breaker: \" onmouseover=\"alert(2)\" ' and done."
)


def span_at(text, needle, category, rule, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), category, needle, rule)


def hostile_analysis():
    t = HOSTILE_TEXT
    quote = span_at(t, "\"it may be <b>true</b>\"", "quote", 'quote:"><script>alert(3)</script>')
    spans = [
        span_at(t, "Breaking <script>alert('x')</script> news", "boilerplate", "boilerplate:<header>"),
        quote,
        span_at(t, "may", "hedge", "hedging:may' onload='alert(4)"),
        span_at(t, "He said", "attribution", "attribution:said"),
        span_at(t, "He", "source", "source:pronoun"),
        span_at(t, "<img src=x onerror=\"alert(1)\">", "loaded", "loaded:<img>"),
        span_at(t, "\" onmouseover=\"alert(2)\" '", "frame.conflict", "frames:\"quoted\""),
    ]
    article = Article("evil\"<id>", t, outlet="<b>outlet</b>", title="<script>alert('title')</script>")
    return Analysis(article, t, tuple(spans), {"words": 30.0, "made_up_rate": float("nan"), "tricky<>": 0.5})


class ViewParser(HTMLParser):
    """Rebuilds the article text from the view and records which characters each titled span covers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, attrs)
        self.text_parts = []
        self.pos = 0
        self.covered = {}  # title -> set of text positions
        self.ancestors = {}  # title -> set of titles of enclosing spans
        self.in_text = 0
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self.stack.append((tag, attrs))
        if tag == "div" and attrs.get("class") == "mk-text":
            self.in_text = len(self.stack)
        if self.in_text and tag == "span" and "title" in attrs:
            outer = {a.get("title") for t, a in self.stack[self.in_text:-1] if t == "span"}
            self.ancestors.setdefault(attrs["title"], set()).update(outer)

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        if self.in_text and len(self.stack) < self.in_text:
            self.in_text = 0

    def handle_data(self, data):
        if not self.in_text:
            return
        titles = [a["title"] for t, a in self.stack[self.in_text:] if t == "span" and "title" in a]
        for title in titles:
            self.covered.setdefault(title, set()).update(range(self.pos, self.pos + len(data)))
        self.text_parts.append(data)
        self.pos += len(data)

    @property
    def text(self):
        return "".join(self.text_parts)


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def parse(fragment):
    p = ViewParser()
    p.feed(fragment)
    p.close()
    assert not p.stack, f"unclosed: {p.stack}"
    return p


def assert_spans_covered(fragment, analysis):
    """Every character of every span, and nothing else, sits inside an element titled with its rule."""
    p = parse(fragment)
    assert p.text == analysis.text
    want = {}
    for s in analysis.spans:
        want.setdefault(span_title(s), set()).update(range(s.start, s.end))
    assert set(p.covered) == set(want)
    for title, positions in want.items():
        assert p.covered[title] == positions, title
    return p


def test_hostile_text_cue_and_rule_are_escaped_everywhere():
    a = hostile_analysis()
    out = render_html(a)
    low = out.lower()
    assert "<script" not in low and "<img" not in low and "<b>" not in low
    assert "onerror=\"" not in out and "onmouseover=\"" not in out and "onload='" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out
    for s in a.spans:
        assert f'title="{html.escape(s.category + ": " + s.rule, quote=True)}"' in out
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in out  # the title, escaped
    assert "&lt;b&gt;outlet&lt;/b&gt;" in out
    assert 'data-article="evil&quot;&lt;id&gt;"' in out
    assert "tricky&lt;&gt;" in out


def test_hostile_view_parses_back_to_the_exact_text_with_every_span_covered():
    a = hostile_analysis()
    p = assert_spans_covered(render_html(a), a)
    assert "script" not in p.tags and "img" not in p.tags and "b" not in p.tags
    assert "\r\n" in p.text  # line endings kept as given; pre-wrap shows them
    assert "white-space:pre-wrap" in CSS


def test_a_hedge_inside_a_quote_nests_inside_it():
    a = hostile_analysis()
    p = parse(render_html(a))
    quote_title = 'quote: quote:"><script>alert(3)</script>'
    hedge_title = "hedge: hedging:may' onload='alert(4)"
    assert quote_title in p.ancestors[hedge_title]
    assert "attribution: attribution:said" in p.ancestors["source: source:pronoun"]


def test_crossing_spans_are_split_into_nested_pieces():
    text = "0123456789ABCDEFGHIJ"
    spans = [Span(0, 10, "quote", text[0:10], "r:a"), Span(5, 15, "hedge", text[5:15], "r:b"),
             Span(12, 20, "attribution", text[12:20], "r:c")]
    a = Analysis(Article("x", text), text, tuple(spans), {})
    out = highlight(text, a.spans)
    p = assert_spans_covered(f'<div class="mk-text">{out}</div>', a)
    assert p.text == text
    # the hedge is cut where the quote ends: two elements, both titled with its rule
    assert out.count('title="hedge: r:b"') == 2
    assert out == (
        '<span class="mk mk-c-quote" data-category="quote" title="quote: r:a">01234'
        '<span class="mk mk-c-hedge" data-category="hedge" title="hedge: r:b">56789</span></span>'
        '<span class="mk mk-c-hedge" data-category="hedge" title="hedge: r:b">AB'
        '<span class="mk mk-c-attribution" data-category="attribution" title="attribution: r:c">CDE</span></span>'
        '<span class="mk mk-c-attribution" data-category="attribution" title="attribution: r:c">FGHIJ</span>'
    )


def test_same_extent_spans_nest_by_category_and_empty_or_outside_spans_are_left_out():
    text = "may be"
    spans = [Span(0, 3, "hedge", "may", "h"), Span(0, 3, "quote", "may", "q"), Span(2, 2, "hedge", "", "empty"),
             Span(4, 99, "booster", "be", "outside")]
    out = highlight(text, spans)
    assert out == ('<span class="mk mk-c-quote" data-category="quote" title="quote: q">'
                   '<span class="mk mk-c-hedge" data-category="hedge" title="hedge: h">may</span></span> be')


def test_unknown_categories_get_a_safe_class():
    text = "odd cue"
    out = highlight(text, [Span(0, 3, 'x" onclick="y', "odd", "r")])
    assert 'class="mk mk-c-other"' in out and 'data-category="x&quot; onclick=&quot;y"' in out


def test_legend_counts_categories_and_scores_table_shows_values():
    a = hostile_analysis()
    out = render_html(a)
    legend = re.search(r'<ul class="mk-legend".*?</ul>', out).group(0)
    labels = re.findall(r'<span class="mk mk-c-([a-z_]+)">[^<]*</span> (\d+)', legend)
    assert labels == [("boilerplate", "1"), ("hedge", "1"), ("attribution", "1"), ("quote", "1"), ("source", "1"),
                      ("frame", "1"), ("loaded", "1")]
    assert re.search(r'<tr data-score="words"><th scope="row" title="words in [^"]*\(range 0–∞\)">words</th>'
                     r'<td class="mk-num">30</td><td>count</td></tr>', out)
    assert re.search(r'<tr data-score="made_up_rate"><th scope="row" title="made_up_rate">made_up_rate</th>'
                     r'<td class="mk-num">n/a</td><td></td></tr>', out)
    assert '<th scope="row" title="tricky&lt;&gt;">tricky&lt;&gt;</th><td class="mk-num">0.500</td>' in out


def test_details_tables_show_sources_claims_and_dominant_frame_escaped():
    text = "Officials said 3,000."
    details = {
        "attribution": {"sources": [{"source": "<officials>", "kind": "unnamed", "count": 2}],
                        "claims": [{"number": "3,000", "value": 3000.0, "unit": "troops", "approximator": None,
                                    "source": "<officials>", "source_kind": "unnamed", "start": 15, "end": 20}]},
        "framing": {"dominant_frame": "<conflict>"},
    }
    out = render_html(Analysis(Article("d", text), text, (), {}, details=details))
    assert "Dominant frame: <strong>&lt;conflict&gt;</strong>" in out
    assert '<table class="mk-sources"><caption>Sources</caption>' in out
    assert "<td>&lt;officials&gt;</td><td>unnamed</td><td class=\"mk-num\">2</td>" in out
    assert '<table class="mk-claims"><caption>Numeric claims</caption>' in out
    assert "<td>3,000</td><td>troops</td><td></td><td>&lt;officials&gt;</td>" in out


def test_render_page_is_self_contained_and_scriptless():
    a = hostile_analysis()
    page = render_page(a)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "Content-Security-Policy" in page and "default-src &#x27;none&#x27;" in page
    tags = TagCollector()
    tags.feed(page)
    assert not {"script", "link", "iframe", "img", "object", "embed"} & {t for t, _ in tags.tags}
    assert not [(t, k) for t, attrs in tags.tags for k, _ in attrs if k in ("src", "href") or k.startswith("on")]
    assert "url(" not in tags.style and "@import" not in tags.style
    assert "<title>mediakit: &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;</title>" in page
    assert_spans_covered(page[page.index("<body>") + 6 : page.index("</body>")], a)


def test_analysis_repr_html_and_to_html_use_the_view(tmp_path):
    a = hostile_analysis()
    assert a._repr_html_() == render_html(a)
    path = tmp_path / "a.html"
    assert a.to_html(str(path)) == render_page(a)
    assert path.read_bytes().decode("utf-8") == render_page(a)


def test_control_and_unicode_line_breaks_display_safely():
    text = "one\u2028two\x00three"
    out = highlight(text, [Span(0, 3, "hedge", "one", "r")])
    assert out.endswith("</span>\ntwo\ufffdthree")


@pytest.fixture(scope="module")
def seed_analyses():
    return [mediakit.analyze(a) for a in mediakit.load_seeds()]


def test_seed_views_show_every_span_with_its_rule_and_the_exact_text(seed_analyses):
    for a in seed_analyses:
        out = render_html(a)
        assert_spans_covered(out, a)
        for s in a.spans:
            assert f'title="{escape(span_title(s))}"' in out
        for name in a.scores:
            assert f'data-score="{escape(name)}"' in out
        assert render_html(a) == out  # deterministic
