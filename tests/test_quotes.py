"""Direct quotations: pairing of marks, stray marks, line breaks, titles and bounded work."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mediakit
from mediakit import quotes
from mediakit.text import nonblank_lines


def found(text: str, titles=("titled", "the slogan", "slogan")) -> list[tuple[str, str]]:
    return [(text[q.start:q.end], q.rule) for q in quotes.find_quotes(text, nonblank_lines(text), titles=frozenset(titles))]


def test_straight_and_curly_quotations():
    assert found('He said "we will stay here for now" today.') == [('"we will stay here for now"', "quote:direct")]
    assert found("She said “we will stay here for now” today.") == [("“we will stay here for now”", "quote:direct")]


def test_a_quotation_of_several_sentences_is_one_span():
    text = '"They are moving to Kursk for a reason. We expect combat," she stated on Monday.'
    assert found(text) == [('"They are moving to Kursk for a reason. We expect combat,"', "quote:direct")]


def test_a_quotation_interrupted_by_its_attribution_is_two_spans():
    text = '"We will not back down," he said, "and we will win this vote."'
    assert [q for q, _ in found(text)] == ['"We will not back down,"', '"and we will win this vote."']


def test_short_quotations_are_marked_short():
    assert found('They called it "groundless rumors".') == [('"groundless rumors"', "quote:short")]


def test_a_stray_opening_mark_does_not_swallow_the_line():
    text = 'He said "we will win. Then the vote was held and the result came late in the evening.'
    assert found(text) == []


def test_a_stray_mark_before_a_real_quotation_is_dropped():
    text = 'The 5" gun was fired. Then he said "this is the end of it" and left.'
    assert found(text) == [('"this is the end of it"', "quote:direct")]


def test_a_stray_closing_mark_is_dropped():
    assert found("It ended” and then “the talks began again in earnest”.") == [
        ("“the talks began again in earnest”", "quote:direct")
    ]


def test_a_quotation_never_crosses_a_line_break():
    text = 'He said "we will win\nthe vote" and left.'
    assert found(text) == []


def test_a_paragraph_continued_by_an_opening_mark_keeps_its_quotation():
    text = '"We will fight on the beaches and in the fields\n\n"We shall never surrender," he said.'
    got = found(text)
    assert got[0] == ('"We will fight on the beaches and in the fields', "quote:continued")
    assert got[1] == ('"We shall never surrender,"', "quote:direct")


def test_an_unclosed_paragraph_without_continuation_is_not_a_quotation():
    text = '"We will fight on the beaches and in the fields\n\nThe speech ended there.'
    assert found(text) == []


def test_titles_and_slogans_are_not_quotations():
    assert found("The film, titled “The Last Front,” premieres next month.") == []
    assert found("Their slogan was heard: “Take Back Control.”") == [("“Take Back Control.”", "quote:direct")]
    assert found("The slogan “Take Back Control” worked.") == []


def test_a_quotation_longer_than_the_limit_is_dropped():
    body = "word " * (quotes.MAX_QUOTE_CHARS // 5 + 10)
    assert found(f'He said "{body}" and left.') == []


def test_a_misused_closing_mark_after_a_space_opens():
    assert found("He said ”we will win the vote” today.") == [("”we will win the vote”", "quote:direct")]


def test_one_hundred_thousand_quote_marks_are_paired_in_one_pass():
    text = '"' * 100_000
    got = quotes.find_quotes(text, [(0, len(text))])
    assert len(got) == 50_000
    assert all(q.end - q.start == 2 for q in got)


def test_mixed_marks_in_one_long_line_give_bounded_non_overlapping_spans():
    text = ('He said “we will win. ' * 2000) + ' "and more" ' * 100
    got = quotes.find_quotes(text, [(0, len(text))])
    assert all(q.end - q.start <= quotes.MAX_QUOTE_CHARS for q in got)
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))


@given(st.text(alphabet='ab "“”„«»\n.,', max_size=300))
def test_quotations_are_well_formed_for_any_text(text):
    lines = nonblank_lines(text)
    got = quotes.find_quotes(text, lines)
    for q in got:
        assert text[q.start] in '"“”„«»'
        assert q.rule == "quote:continued" or text[q.end - 1] in '"“”„«»'
        assert any(s <= q.start and q.end <= e for s, e in lines)  # never across a line break
        assert q.end - q.start <= quotes.MAX_QUOTE_CHARS
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))


@pytest.mark.parametrize("rule", ["quote:direct", "quote:short", "quote:continued"])
def test_rule_names_are_documented(rule):
    source = (Path(mediakit.__file__).parent / "quotes.py").read_text(encoding="utf-8")  # compiled builds keep no docstrings
    assert rule in ast.get_docstring(ast.parse(source))
