"""Hostile input: every bad input has a defined outcome, batches lose nothing, data stays data.

Each test here is one line of the table in ``docs/robustness.md``.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import mediakit
from mediakit.cli import main
from mediakit.io import DecodingWarning, InputError, NotTextError, seeds_path
from mediakit.lexicon import LexiconError, load_lexicon
from mediakit.types import Article

from .conftest import REPO

SEEDS = seeds_path()
COLUMNS = {c.name: c for c in mediakit.score_columns()}


def same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


def same_scores(x, y) -> bool:
    return x.keys() == y.keys() and all(same(x[k], y[k]) for k in x)


def check_analysis(an) -> None:
    """The invariants every analysis keeps, whatever the input."""
    n = len(an.text)
    assert list(an.spans) == sorted(an.spans)
    for s in an.spans:
        assert 0 <= s.start <= s.end <= n, s
        assert an.text[s.start:s.end] == s.cue, s
    assert set(COLUMNS) <= set(an.scores)
    for name, info in COLUMNS.items():
        v = an.scores[name]
        assert isinstance(v, float)
        assert math.isnan(v) or info.low <= v <= info.high, (name, v)


def assert_empty_result(scores) -> None:
    """The defined result of a text without words: counts are 0, everything else is undefined (NaN)."""
    for name, info in COLUMNS.items():
        if info.unit == "count":
            assert scores[name] == 0, name
        else:
            assert math.isnan(scores[name]), (name, scores[name])


def cli(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- each bad input ------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n\u00a0\u2028\r", "\u3000\u2003\n"])
def test_empty_and_whitespace_only_text_gives_the_empty_result(text):
    an = mediakit.analyze(text)
    check_analysis(an)
    assert an.text == text and an.spans == ()
    assert_empty_result(an.scores)


def test_empty_and_whitespace_files_are_rows_without_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \r\n\t\n")
    df = mediakit.score([tmp_path / "empty.txt", tmp_path / "blank.txt"])
    assert list(df.index) == ["empty", "blank"]
    assert df["error"].isna().all()
    for aid in df.index:
        assert_empty_result(df.loc[aid, list(COLUMNS)])


def test_binary_junk_is_an_error_row_in_a_batch_and_an_error_alone(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(NotTextError, match="junk.txt"):
        mediakit.analyze(junk)
    with pytest.raises(NotTextError):
        mediakit.analyze(bytes(range(256)))
    df = mediakit.score([junk])
    assert list(df.index) == ["junk"] and "binary" in df.loc["junk", "error"]
    assert df.loc["junk", list(COLUMNS)].isna().all()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_utf16_and_other_unicode_files_score_like_utf8(tmp_path, encoding):
    import warnings

    seed = mediakit.load_seeds()[4]
    p = tmp_path / "story.txt"
    p.write_bytes(seed.text.encode(encoding))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        an = mediakit.analyze(p)
    # only a guessed encoding (UTF-16 without a byte-order mark) is flagged
    assert any(issubclass(w.category, DecodingWarning) for w in caught) == (encoding == "utf-16-le")
    check_analysis(an)
    assert an.text == seed.text
    assert same_scores(dict(an.scores), dict(mediakit.analyze(seed.text).scores))


def test_cp1252_smart_quotes_are_decoded_flagged_and_scored_like_utf8(tmp_path):
    text = ("Officials said \u201cabout 3,000 troops\u201d had reportedly arrived \u2013 "
            "the ministry denied it.\r\nAnalysts say talks may continue\u2026\r\n")
    p = tmp_path / "win.txt"
    p.write_bytes(text.encode("cp1252"))
    with pytest.warns(DecodingWarning, match="win.txt.*cp1252"):
        art = mediakit.read_article(p)
    assert art.encoding == "cp1252" and art.text == text
    a, b = mediakit.analyze(art), mediakit.analyze(text)
    check_analysis(a)
    assert a.spans == b.spans and same_scores(dict(a.scores), dict(b.scores))


def _crlf_to_lf_offset(text: str, offset: int) -> int:
    """The offset in the LF version of a text whose line ends were some mix of CRLF, CR and LF."""
    return offset - text.count("\r\n", 0, offset)


def mixed_line_endings(lines: list[str]) -> str:
    """The lines joined by LF, CRLF and CR in turn (a CR never directly before an LF it would merge with)."""
    ends = [("\n", "\r\n", "\r")[i % 3] for i in range(len(lines) - 1)] + [""]
    for i in range(len(ends) - 1):
        if ends[i] == "\r" and lines[i + 1] == "" and ends[i + 1].startswith("\n"):
            ends[i] = "\r\n"
    return "".join(line + end for line, end in zip(lines, ends))


@pytest.mark.parametrize("seed_index", [0, 2, 4])
def test_line_endings_change_no_score_and_spans_point_into_the_original(seed_index):
    base = mediakit.load_seeds()[seed_index].text
    assert "\r" not in base
    ref = mediakit.analyze(base)
    lines = base.split("\n")
    variants = {
        "old_mac": base.replace("\n", "\r"),
        "windows": base.replace("\n", "\r\n"),
        "mixed": mixed_line_endings(lines),
    }
    for name, text in variants.items():
        an = mediakit.analyze(text)
        check_analysis(an)
        assert an.text == text, name
        assert same_scores(dict(an.scores), dict(ref.scores)), name
        mapped = [(_crlf_to_lf_offset(text, s.start), _crlf_to_lf_offset(text, s.end), s.category, s.rule)
                  for s in an.spans]
        assert mapped == [(s.start, s.end, s.category, s.rule) for s in ref.spans], name
        if name == "old_mac":  # same length: identical offsets
            assert [(s.start, s.end) for s in an.spans] == [(s.start, s.end) for s in ref.spans]


def test_only_quotation_marks_is_a_text_without_words():
    for text in ['"' * 500, "\u201c\u201d" * 200, "\u201c" * 300, "\u00ab\u00bb\u201e" * 100, "'\u2019\u2018" * 100]:
        an = mediakit.analyze(text)
        check_analysis(an)
        assert an.scores["words"] == 0
        for name, info in COLUMNS.items():  # no rate per word can be defined without words
            if info.unit.startswith("per "):
                assert math.isnan(an.scores[name]), name


def test_an_unbalanced_quote_does_not_swallow_the_rest_of_the_line():
    unbalanced = mediakit.analyze("He said \u201cwe will win. They left. Others stayed.")
    balanced = mediakit.analyze("He said \u201cwe will win. We will.\u201d They left.")
    straight = mediakit.analyze('He said "we will win. They left. Others stayed.')
    for an in (unbalanced, balanced, straight):
        check_analysis(an)
    assert unbalanced.scores["sentences"] == 3 and straight.scores["sentences"] == 3
    assert balanced.scores["sentences"] == 2  # the closed quotation stays one unit


def test_another_language_gives_a_defined_result_without_english_cues():
    russian = "Войска прибыли в понедельник. Они останутся надолго."
    an = mediakit.analyze(russian)
    check_analysis(an)
    assert an.scores["words"] == 7 and an.scores["sentences"] == 2
    lexical = {"hedge", "approximator", "booster", "dismissal", "loaded"}
    for text in (russian, "部队周一抵达。他们将留下。", "وصلت القوات يوم الاثنين. سيبقون.", "Η Βουλή ψήφισε χθες."):
        an = mediakit.analyze(text)
        check_analysis(an)
        assert an.scores["words"] > 0
        assert not [s for s in an.spans if s.category in lexical or s.category.startswith("frame.")], text


def test_html_where_text_was_expected_is_scored_on_its_visible_text():
    html = """<!DOCTYPE html><html><head><title>Troops</title><style>p {color: red}</style>
<script>var cue = "reportedly allegedly"; alert(1)</script></head>
<body><nav>Home | World | Subscribe</nav><article><h1>North Korean troops arrive</h1>
<p>Officials said on Monday that about 3,000 troops had reportedly arrived in the region.</p>
<p>The ministry denied the claims as &ldquo;groundless rumors&rdquo; &amp; said talks may continue.</p>
<p>Analysts believe the deployment could signal a wider escalation of the conflict.</p>
</article><footer>Copyright 2024</footer></body></html>"""
    an = mediakit.analyze(html)
    check_analysis(an)
    assert "<" not in an.text and "alert(" not in an.text and "color: red" not in an.text
    assert "\u201cgroundless rumors\u201d & said" in an.text  # entities decoded
    assert all("<" not in s.cue and "allegedly" not in s.cue for s in an.spans)
    # the score sees the article, not the markup: the same words as the paragraphs alone
    assert 30 <= an.scores["words"] <= 60


def test_emoji_offsets_are_code_points():
    text = "\U0001F600 Officials reportedly said \U0001F1FA\U0001F1F8 troops may stay. \U0001F44D\U0001F3FD\u200d\u2642\ufe0f"
    an = mediakit.analyze(text)
    check_analysis(an)
    assert an.scores["words"] == 6  # emoji are not words
    for s in an.spans:
        assert text[s.start:s.end] == s.cue  # Python str offsets: one per code point


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202e\u2066\u2069\u180e\x00\x1b\x7f"


def test_zero_width_and_invisible_characters_are_kept_and_never_crash():
    base = "Officials said on Monday that about 3,000 troops had reportedly arrived. The ministry denied it."
    spaced = base.replace(" ", " " + INVISIBLE)  # invisible characters after every space
    an = mediakit.analyze(spaced)
    check_analysis(an)
    assert an.text == spaced  # kept verbatim: offsets point into what was given
    assert an.scores["words"] == mediakit.analyze(base).scores["words"]  # not letters: no word added or split
    only = mediakit.analyze(INVISIBLE * 100)
    check_analysis(only)
    assert only.scores["words"] == 0


def test_csv_with_missing_text_column_is_an_error_naming_file_and_columns(tmp_path, capsys):
    p = tmp_path / "no_text.csv"
    p.write_text("id,headline\n1,Troops arrive\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no_text\.csv.*no text column.*id, headline"):
        mediakit.score(p)
    out_file = tmp_path / "out.csv"
    code, out, err = cli(["score", p, "-o", out_file], capsys)
    assert code == 2 and "no_text.csv" in err and "text column" in err
    rows = out_file.read_text(encoding="utf-8").splitlines() if out_file.exists() else []
    assert len(rows) <= 1  # no scored row (at most a header)


def test_csv_with_an_empty_text_column_gives_rows_without_words(tmp_path):
    p = tmp_path / "empty_text.csv"
    p.write_text("id,text,outlet\na,,X\nb,,Y\n", encoding="utf-8")
    df = mediakit.score(p)
    assert list(df.index) == ["a", "b"] and list(df["outlet"]) == ["X", "Y"]
    assert df["error"].isna().all() and (df["words"] == 0).all()


def test_jsonl_with_one_broken_line_keeps_every_row_and_names_the_line(tmp_path, capsys):
    p = tmp_path / "feed.jsonl"
    good = [json.dumps({"id": f"g{i}", "text": f"Troops arrived on day {i}. Officials said so."}) for i in range(4)]
    p.write_text("\n".join(good[:2] + ['{"id": "bad", "text": "no closing quote}'] + good[2:]) + "\n", encoding="utf-8")
    df = mediakit.score(p)
    assert list(df.index) == ["g0", "g1", "feed.jsonl:3", "g2", "g3"]
    assert "line 3" in df.loc["feed.jsonl:3", "error"] and df["error"].notna().sum() == 1
    code, out, err = cli(["score", p], capsys)
    assert code == 0 and "1 of 5 articles failed" in err and "line 3" in err
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == list(df.index)
    assert cli(["score", "--strict", p], capsys)[0] == 1


def test_manifest_naming_a_missing_file_keeps_the_row(tmp_path):
    seed = mediakit.load_seeds()[4]
    (tmp_path / "a.txt").write_text(seed.text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,id,outlet\na.txt,A,out1\nmissing.txt,M,out2\n", encoding="utf-8")
    df = mediakit.score(tmp_path)
    assert list(df.index) == ["A", "M"] and list(df["outlet"]) == ["out1", "out2"]
    assert pd.isna(df.loc["A", "error"]) and "missing.txt" in df.loc["M", "error"]
    assert df.loc["M", list(COLUMNS)].isna().all()


# --- batches lose nothing --------------------------------------------------------


def hostile_folder(tmp_path: Path) -> tuple[list[Path], list[str], set[str]]:
    """Files of every bad kind; returns the paths, the ids a batch must give, and the ids that fail."""
    seeds = mediakit.load_seeds()
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(seeds[4].text, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (d / "utf16.txt").write_bytes(seeds[0].text.encode("utf-16"))
    (d / "win.txt").write_bytes("Smart \u201cquotes\u201d here.\r\n".encode("cp1252"))
    (d / "mac.txt").write_text(seeds[1].text.replace("\n", "\r"), encoding="utf-8", newline="")
    (d / "page.html").write_text("<html><body><p>Officials said troops may stay.</p></body></html>", encoding="utf-8")
    jl = tmp_path / "feed.jsonl"
    jl.write_text(json.dumps({"id": "j1", "text": "First."}) + "\n{oops\n" + json.dumps({"id": "j3", "text": ""}) + "\n",
                  encoding="utf-8")
    tab = tmp_path / "table.csv"
    tab.write_text('id,text\nc1,"One, two.\nThree."\nc2,\n', encoding="utf-8")
    man = tmp_path / "corpus"
    man.mkdir()
    (man / "x.txt").write_text("Troops arrived.", encoding="utf-8")
    (man / "manifest.csv").write_text("file,id\nx.txt,m1\nnope.txt,m2\n../in/good.txt,m3\n", encoding="utf-8")
    paths = [d, jl, tab, man]
    expected = ["empty", "good", "junk", "mac", "page", "utf16", "win", "j1", "feed.jsonl:2", "j3", "c1", "c2",
                "m1", "m2", "m3"]
    failing = {"junk", "feed.jsonl:2", "m2", "m3"}
    return paths, expected, failing


def test_a_mixed_batch_gives_one_row_per_input_in_order(tmp_path):
    paths, expected, failing = hostile_folder(tmp_path)
    items = [*paths, "A plain text.", Article(id="art", text="An article."), tmp_path / "gone.txt", b"\x00" * 64, 3.5]
    with pytest.warns(DecodingWarning):
        df = mediakit.score(items)
    assert list(df.index) == expected + ["4", "art", "gone", "7", "8"]
    assert set(df.index[df["error"].notna()]) == failing | {"gone", "7", "8"}
    ok = df[df["error"].isna()]
    assert ok[list(COLUMNS)].notna().any(axis=1).all()  # every good row has scores
    assert df.loc[list(failing), list(COLUMNS)].isna().all().all()  # failed rows have none


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_the_command_line_keeps_every_row_and_summarises_failures(tmp_path, capsys, fmt):
    paths, expected, failing = hostile_folder(tmp_path)
    out = tmp_path / f"scores.{fmt}"
    code, _, err = cli(["score", *paths, "-o", out, "--format", fmt], capsys)
    assert code == 0, err
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        rows = pd.read_parquet(out).to_dict("records")
    assert [str(r["id"]) for r in rows] == expected
    assert {str(r["id"]) for r in rows if r["error"]} == failing
    assert f"{len(failing)} of {len(expected)} articles failed" in err
    for aid in failing:
        assert aid in err
    assert cli(["score", "--strict", *paths, "-o", out, "--format", fmt], capsys)[0] == 1


def test_a_missing_path_is_a_usage_error_before_any_scoring(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Troops.", encoding="utf-8")
    out = tmp_path / "scores.csv"
    code, stdout, err = cli(["score", tmp_path / "a.txt", tmp_path / "nope.jsonl", "-o", out], capsys)
    assert code == 2 and "nope.jsonl" in err
    assert not out.exists() and stdout == ""


# --- data stays data -------------------------------------------------------------

PAYLOADS = [
    "!!python/object/apply:os.system",
    "__import__('os').system",
    "{{config}}",
    "${jndi:ldap}",
]


def test_a_user_lexicon_with_code_and_yaml_tags_is_only_data(tmp_path):
    bundled = load_lexicon("hedging")
    category = bundled.entries[0].category
    marker = tmp_path / "pwned"
    lines = [
        "# mediakit-lexicon: 1",
        "# name: hedging",
        "# version: 9.9.9",
        "# licence: CC0-1.0",
        "# sources: a hostile test",
        f"# description: !!python/object/apply:os.system ['touch {marker}']",
    ]
    lines += [f"{category}\t{p}\t__import__('os').system('touch {marker}')" for p in PAYLOADS]
    lines += [f"{e.category}\t{e.pattern}\t{e.note}".rstrip("\t") for e in bundled.entries]
    path = tmp_path / "hostile.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lex = load_lexicon(path)
    assert [e.pattern for e in lex.entries[: len(PAYLOADS)]] == PAYLOADS
    assert lex.meta["description"].startswith("!!python/object/apply")
    text = "Officials said troops may stay. " + " ".join(PAYLOADS)
    an = mediakit.analyze(text, lexicons={"hedging": path})
    check_analysis(an)
    assert an.lexicons["hedging"] == "9.9.9"
    assert not marker.exists()


def test_a_malformed_user_lexicon_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("# mediakit-lexicon: 1\n# name: hedging\n# version: 1.0.0\n# licence: x\n# sources: y\n"
                    "hedge\tmay\n\nhedge\ttoo\tmany\tfields\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv, line 8"):
        load_lexicon(path)
    with pytest.raises(LexiconError, match="bad.tsv"):
        mediakit.analyze("Troops may stay.", lexicons={"hedging": path})


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_ATTRS = {("pickle", "load"), ("pickle", "loads"), ("marshal", "load"), ("marshal", "loads"),
                   ("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("shelve", "open"),
                   ("os", "system"), ("os", "popen"), ("dill", "load"), ("dill", "loads")}
FORBIDDEN_IMPORTS = {"pickle", "marshal", "shelve", "yaml", "dill", "subprocess", "urllib.request",
                     "http.client", "requests", "socket"}


def test_no_module_can_run_code_from_data_or_open_a_connection():
    found = []
    for path in sorted((REPO / "mediakit").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                if isinstance(f, ast.Name) and f.id in FORBIDDEN_CALLS:
                    found.append(f"{path.name}:{node.lineno} {f.id}()")
                if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and (f.value.id, f.attr) in FORBIDDEN_ATTRS:
                    found.append(f"{path.name}:{node.lineno} {f.value.id}.{f.attr}()")
            elif isinstance(node, ast.Import):
                found += [f"{path.name}:{node.lineno} import {a.name}" for a in node.names if a.name in FORBIDDEN_IMPORTS]
            elif isinstance(node, ast.ImportFrom) and node.module in FORBIDDEN_IMPORTS:
                found.append(f"{path.name}:{node.lineno} from {node.module} import")
    assert found == []


HOSTILE_MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '" onmouseover="alert(3)',
    "' onfocus='alert(4)",
]
BAD_IN_PAGE = ("<script>alert", "<img src=x", "<img src=y", "<svg", '" onmouseover="', "' onfocus='",
               "</title><script>", "<iframe")


def test_html_output_escapes_article_text_and_metadata():
    # few enough tags that the text is taken as plain text, not parsed as a page
    body = ("Officials reportedly said " + " and ".join(HOSTILE_MARKUP) + " may be dangerous.\n"
            "The ministry denied \u201ceverything\u201d.")
    art = Article(id='"><script>alert(6)</script>', text=body, outlet="<img src=y onerror=alert(7)>",
                  title="</title><script>alert(8)</script><svg onload=alert(9)>")
    an = mediakit.analyze(art)
    assert an.text == body
    assert any(s.category == "hedge" for s in an.spans)  # spans are rendered too
    for page in (an.to_html(), an._repr_html_()):
        for bad in BAD_IN_PAGE:
            assert bad not in page, bad
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_markup_quoted_inside_an_html_page_stays_escaped_in_the_output():
    page_in = ("<html><body><article><p>Researchers reportedly showed that "
               "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;iframe src=x&gt; may run in old browsers.</p>"
               "<p>The vendor denied it.</p></article></body></html>")
    an = mediakit.analyze(page_in)
    assert "<script>alert(1)</script>" in an.text  # the visible text holds the quoted markup ...
    for page in (an.to_html(), an._repr_html_()):
        for bad in BAD_IN_PAGE:
            assert bad not in page, bad  # ... and the output escapes it again


# --- time bounds --------------------------------------------------------------------

HANG_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    sys.path.insert(0, sys.argv[1])
    from tests.conftest import adversarial_inputs
    import mediakit
    from mediakit.text import Document
    part = sys.argv[2]
    segmentation_only = part == "segmentation"
    worst = (0.0, "")
    for name, text in adversarial_inputs().items():
        for tone in {"segmentation": (None,), "default": (False,), "tone": (True,)}[part]:
            t0 = time.perf_counter()
            if segmentation_only:
                doc = Document.from_text(text)
                doc.sentences, doc.words
            else:
                an = mediakit.analyze(text, tone=tone)
                for s in an.spans:
                    assert an.text[s.start:s.end] == s.cue, (name, s)
            dt = time.perf_counter() - t0
            worst = max(worst, (dt / len(text), name))
            print(name, tone, round(dt, 3), flush=True)
    print(json.dumps({"done": True, "worst_s_per_char": worst[0], "worst": worst[1]}))
    """
)

#: Wall-clock limits: hang detectors, not timing assertions (the work takes a few seconds).
HANG_LIMIT_S = {"segmentation": 60, "default": 180, "tone": 180}

@pytest.mark.parametrize("part", ["segmentation", "default", "tone"])
def test_no_input_makes_the_pipeline_hang(part):
    limit = HANG_LIMIT_S[part]
    try:
        proc = subprocess.run([sys.executable, "-c", HANG_SCRIPT, str(REPO), part], capture_output=True, text=True,
                              timeout=limit, cwd=REPO)
    except subprocess.TimeoutExpired as exc:
        done = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        pytest.fail(f"{part} did not finish within {limit} s; finished so far (input, tone, seconds):\n{done}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1])["done"] is True


# --- a very long line -------------------------------------------------------------

BIG_BYTES = 50 * 1000 * 1000


def _one_line(size: int) -> str:
    unit = " ".join(a.text.replace("\r", " ").replace("\n", " ") for a in mediakit.load_seeds()) + " "
    return (unit * (size // len(unit) + 1))[:size]


def test_a_50_mb_single_line_file_is_read_and_segmented(tmp_path):
    """Reading and segmentation stay linear: a 50 MB line is a few seconds of work, not hours."""
    from mediakit.text import Document, sentences, words

    text = _one_line(BIG_BYTES)
    p = tmp_path / "big.txt"
    p.write_text(text, encoding="utf-8")
    art = mediakit.read_article(p)
    assert art.text == text
    doc = Document.from_text(art.text)
    assert doc.body == ((0, len(text.rstrip())),)
    # the long line splits exactly like the same text cut into pieces at sentence ends
    piece = _one_line(200_000)
    cut = piece.rfind(". ") + 1
    head = sentences(piece[:cut])[:-1]  # the last one may run on in the long line
    assert len(head) > 500
    assert doc.sentences[: len(head)] == tuple(head)
    assert len(doc.sentences) > 100 * len(head)
    # words: the long line has as many as its parts
    half = len(text) // 2
    split_at = text.rfind(" ", 0, half)
    assert doc.n_words == len(words(text[:split_at])) + len(words(text[split_at:]))


BIG_SCRIPT = textwrap.dedent(
    """
    import csv, sys
    sys.path.insert(0, sys.argv[1])
    from mediakit.cli import main
    code = main(["score", sys.argv[2], "-o", sys.argv[3]])
    (row,) = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
    print("|".join([str(code), row["id"], row["error"], row["words"], row["sentences"]]))
    """
)
#: A hang detector for the whole pipeline on one 50 MB line (it takes about a minute).
BIG_LIMIT_S = 900


def test_a_50_mb_single_line_file_is_scored_by_the_command_line(tmp_path):
    text = _one_line(BIG_BYTES)
    p = tmp_path / "big.txt"
    p.write_text(text, encoding="utf-8")
    from mediakit.text import words

    expected_words = len(words(text))
    del text
    out = tmp_path / "big.csv"
    try:
        proc = subprocess.run([sys.executable, "-c", BIG_SCRIPT, str(REPO), str(p), str(out)], capture_output=True,
                              text=True, timeout=BIG_LIMIT_S, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"scoring one 50 MB line did not finish within {BIG_LIMIT_S} s (run benchmarks/bench.py "
                    "--big-mb 50 to see which part is slow)")
    assert proc.returncode == 0, proc.stderr[-3000:]
    code, aid, error, words, sentences = proc.stdout.strip().splitlines()[-1].split("|")
    assert (code, aid, error) == ("0", "big", "")
    assert float(words) == expected_words and float(sentences) > 100_000
