"""The HTML report: content, escaping, determinism, and rendering in headless Chromium."""

import base64
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import mediakit
from mediakit.frame import compare, score
from mediakit.report import build_report, write_report
from mediakit.types import Article

#: Debian's headless-capable browser; MEDIAKIT_CHROMIUM names another Chromium or Chrome binary.
CHROMIUM = Path(os.environ.get("MEDIAKIT_CHROMIUM", "/usr/bin/chromium"))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

HOSTILE = Article(
    id='x"><script>alert(1)</script>',
    text=(
        "Officials said it may be <script>document.body.setAttribute('data-pwned','script')</script> true.\n"
        "A picture: <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> and more.\n"
        "Breaking out: \" onmouseover=\"alert(2)\" ' & done."  # few tags: read as text, not HTML
    ),
    outlet='<img src=y onerror="alert(3)">',
    title="</title><script>alert(4)</script>",
)


class Tables(HTMLParser):
    """Collects the rows (header cell and data cells) of the table with a given id, and every tag seen."""

    def __init__(self, table_id):
        super().__init__(convert_charrefs=True)
        self.table_id = table_id
        self.depth = 0
        self.rows = []
        self.cell = None
        self.tags = []
        self.imgs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "img":
            self.imgs.append(attrs)
        if tag == "table" and attrs.get("id") == self.table_id:
            self.depth = 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if self.depth and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None
        elif self.depth and tag == "table":
            self.depth = 0

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def table_rows(page, table_id):
    p = Tables(table_id)
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def seeds():
    return mediakit.load_seeds()


@pytest.fixture(scope="module")
def seed_page(seeds):
    return build_report(seeds)


def test_report_holds_the_scores_table_with_every_seed(seeds, seed_page):
    scores = score(seeds)
    p = table_rows(seed_page, "scores-table")
    header, *rows = p.rows
    assert header == ["id", *scores.columns]
    assert [r[0] for r in rows] == list(scores.index)
    col = header.index("words")
    assert [int(r[col]) for r in rows] == [int(v) for v in scores["words"]]
    outlet = header.index("outlet")
    assert [r[outlet] for r in rows] == list(scores["outlet"])


def test_report_holds_the_comparison_and_its_reading(seeds, seed_page):
    cmp = compare(score(seeds))
    p = table_rows(seed_page, "comparison-table")
    header, *rows = p.rows
    assert header[:2] == ["outlet", "n_articles"]
    assert [(r[0], int(r[1])) for r in rows] == [("outlet A", 2), ("outlet B", 1), ("outlet C", 1), ("outlet D", 1)]
    words = header.index("words")
    assert float(rows[0][words]) == pytest.approx(cmp.loc["outlet A", "words"], abs=5e-4)
    first_line = cmp.attrs["reading"].splitlines()[0]
    assert first_line.replace("&", "&amp;") in seed_page or first_line in seed_page


def test_report_embeds_its_charts_as_png_and_loads_nothing(seed_page):
    p = table_rows(seed_page, "none")
    assert p.imgs, "no chart was drawn"
    for img in p.imgs:
        src = img["src"]
        assert src.startswith("data:image/png;base64,")
        png = base64.b64decode(src.split(",", 1)[1])
        assert png.startswith(PNG_SIGNATURE)
        assert b"Software" not in png and b"matplotlib" not in png  # no version stamp: same bytes every time
        assert img["alt"]
    assert '<figure id="chart-boilerplate">' in seed_page
    tags = {t for t, _ in p.tags}
    assert not tags & {"script", "link", "iframe", "object", "embed"}
    links = [a.get("href") for t, a in p.tags if t == "a"]
    assert links and all(h.startswith("#") for h in links)
    assert "Content-Security-Policy" in seed_page


def test_report_shows_every_article_highlighted(seeds, seed_page):
    for a in seeds:
        assert f'<div class="mk-view" data-article="{a.id}">' in seed_page
    assert seed_page.count('<details class="mk-article"><summary>') == len(seeds)


def test_report_is_the_same_byte_for_byte(seeds, seed_page, tmp_path):
    path = write_report(seeds, tmp_path / "r.html")
    assert path.read_bytes() == seed_page.encode("utf-8")


def test_hostile_article_is_escaped_everywhere():
    page = build_report([HOSTILE, Article("plain", "Nothing to see here. Really.", outlet="outlet P")])
    p = table_rows(page, "scores-table")
    assert not {t for t, _ in p.tags} & {"script", "b"}
    assert all("src" in i and i["src"].startswith("data:image/png") for i in p.imgs)
    assert not [k for _, attrs in p.tags for k in attrs if k.startswith("on")]
    assert "&lt;script&gt;document.body.setAttribute(&#x27;data-pwned&#x27;,&#x27;script&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;document.body" in page
    assert [r[0] for r in p.rows[1:]] == [HOSTILE.id, "plain"]
    outlet = p.rows[0].index("outlet")
    assert p.rows[1][outlet] == HOSTILE.outlet


def test_a_failed_input_is_listed_with_its_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    page = build_report([Article("ok", "Officials said it is so."), bad])
    assert '<p class="mk-failed" data-article="bad">bad: ' in page
    assert "binary" in re.search(r'<p class="mk-failed"[^>]*>(.*?)</p>', page).group(1)
    assert "2 articles (1 could not be read or analysed)" in page


def test_charts_can_be_left_out(seeds):
    page = build_report(seeds[:2], charts=False, title="Two <articles>")
    assert "<img" not in page and "Charts left out." in page
    assert "<title>Two &lt;articles&gt;</title>" in page


def chromium_dom(path, tmp_path):
    profile = tmp_path / "chromium-profile"
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
           "--dump-dom", path.resolve().as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(shutil.which(str(CHROMIUM)) is None,
                    reason=f"headless Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium; "
                           "or set MEDIAKIT_CHROMIUM to a Chromium or Chrome binary)")
def test_report_renders_in_headless_chromium(seeds, tmp_path):
    path = write_report([*seeds, HOSTILE], tmp_path / "report.html")
    dom = chromium_dom(path, tmp_path)
    p = table_rows(dom, "scores-table")
    header, *rows = p.rows
    assert header[:2] == ["id", "outlet"]
    assert [r[0] for r in rows] == [a.id for a in seeds] + [HOSTILE.id]
    body = [attrs for tag, attrs in p.tags if tag == "body"]
    assert body == [{}], body  # neither the <script> nor the onerror handler in the article ran
    assert "script" not in {t for t, _ in p.tags}
    assert "setAttribute('data-pwned','script')" in dom  # it shows as text
    assert len(p.imgs) >= 1 and all(i["src"].startswith("data:image/png;base64,") for i in p.imgs)
