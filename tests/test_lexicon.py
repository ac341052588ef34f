"""The lexicon format: header, entries, pattern syntax, clear errors."""

import re

import pytest

from mediakit.lexicon import LexiconError, compile_entries, compile_pattern, load_lexicon, parse_lexicon

HEADER = """# mediakit-lexicon: 1
# name: demo
# version: 2.1.0
# licence: CC0-1.0
# sources: written for this test
"""


def test_parse_reads_header_and_entries():
    lex = parse_lexicon(HEADER + "hedge\treportedly\nhedge\tis|are believed\tagentless\n")
    assert (lex.name, lex.version) == ("demo", "2.1.0")
    assert [(e.category, e.pattern, e.note, e.line) for e in lex.entries] == [
        ("hedge", "reportedly", "", 6), ("hedge", "is|are believed", "agentless", 7)]


@pytest.mark.parametrize("body, where", [
    ("hedge reportedly\n", "line 6"),          # spaces instead of a tab
    ("hedge\t\n", "line 6"),                    # empty pattern
    ("hedge\ta*b\n", "line 6"),                 # star inside a word
    ("hedge\tx\ty\tz\n", "line 6"),             # too many fields
])
def test_malformed_entries_name_the_line(body, where):
    with pytest.raises(LexiconError, match=where):
        parse_lexicon(HEADER + body, "my.tsv")


def test_missing_header_key_is_an_error():
    with pytest.raises(LexiconError, match="version"):
        parse_lexicon(HEADER.replace("# version: 2.1.0\n", "") + "hedge\tmay\n")


def test_unknown_category_is_an_error():
    with pytest.raises(LexiconError, match="unknown category 'hegde'"):
        parse_lexicon(HEADER + "hegde\tmay\n", categories={"hedge"})


def test_file_that_looks_like_code_is_only_data(tmp_path):
    p = tmp_path / "evil.tsv"
    p.write_text(HEADER + "hedge\t__import__('os').system('false')\n", encoding="utf-8")
    lex = load_lexicon(p)
    pattern = "__import__('os').system('false')"
    assert lex.entries[0].pattern == pattern
    # the entry matches its own literal text and nothing else: it is never run
    assert compile_pattern(pattern).fullmatch(pattern)
    assert not compile_pattern(pattern).search("os system false")


def test_pattern_syntax():
    assert compile_pattern("confirm*").search("It was Confirmed today")
    assert not compile_pattern("confirm*").search("unconfirmed")
    assert compile_pattern("as many as #").search("as many as 8,000 troops")
    assert compile_pattern("as many as #").search("as  many\nas thousands")
    assert compile_pattern("Kyiv's").search("Kyiv’s ambassador")
    assert compile_pattern("rumor|rumour").search("a rumour")
    assert not compile_pattern("may").search("dismayed")


def test_compile_entries_prefers_longer_patterns():
    lex = parse_lexicon(HEADER + "hedge\tbelieved\nhedge\tis believed to\n")
    rx, ordered = compile_entries(lex.entries)
    m = rx.search("He is believed to be there")
    assert ordered[int(m.lastgroup[1:])].pattern == "is believed to"
    assert m.group() == "is believed to"


def test_unknown_bundled_lexicon():
    with pytest.raises(LexiconError, match="no bundled lexicon"):
        load_lexicon("nonexistent")
