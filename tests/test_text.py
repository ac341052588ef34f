"""Segmentation: offsets into the original text, sentences that respect
abbreviations and quotations, every line-ending convention."""

import re

import pytest

import mediakit
from mediakit import text as T


@pytest.fixture(scope="module")
def seeds():
    return mediakit.load_seeds()


def sentence_texts(s):
    return [s[a:b] for a, b in T.sentences(s)]


def test_lines_cover_every_line_ending_without_touching_the_text():
    s = "one\r\ntwo\rthree\nfour\u2028five"
    segs = T.lines(s)
    assert [s[a:b] for a, b in segs] == ["one", "two", "three", "four", "five"]


def test_nonblank_lines_are_stripped_and_skip_blank_lines():
    s = "  title  \n\n\t\nbody line \r\n"
    assert [s[a:b] for a, b in T.nonblank_lines(s)] == ["title", "body line"]


def test_paragraphs_join_lines_between_blank_lines():
    s = "a b\nc d\n\n\ne f\n"
    assert [s[a:b] for a, b in T.paragraphs(s)] == ["a b\nc d", "e f"]


@pytest.mark.parametrize(
    "abbrev",
    ["U.S.", "U.N.", "St.", "Dr.", "Gen.", "Jan.", "Mr.", "Sen."],
)
def test_no_break_after_abbreviations(abbrev):
    s = f"He met {abbrev} Smith officials on Monday. They talked."
    assert sentence_texts(s) == [f"He met {abbrev} Smith officials on Monday.", "They talked."]


def test_break_after_ordinary_full_stop_and_question_and_exclamation():
    assert sentence_texts("It rained. Then it stopped! Did it? Yes.") == [
        "It rained.", "Then it stopped!", "Did it?", "Yes."]


def test_quotation_with_full_stops_stays_whole_with_its_attribution():
    s = 'Officials spoke. "We moved. We won," she said. Next one.'
    assert sentence_texts(s) == ['Officials spoke.', '"We moved. We won," she said.', "Next one."]


def test_curly_quotation_stays_whole():
    s = "He said “Troops arrived. More will come.” Then he left."
    assert sentence_texts(s) == ["He said “Troops arrived. More will come.”", "Then he left."]


def test_sentence_ends_after_closing_quote():
    s = 'He said "it is over." The war went on.'
    assert sentence_texts(s) == ['He said "it is over."', "The war went on."]


def test_unbalanced_quote_does_not_swallow_the_line():
    s = 'A stray " mark here. Second sentence. Third one.'
    assert len(T.sentences(s)) == 3


def test_sentences_never_cross_lines():
    s = "Headline without stop\nFirst sentence. Second.\r\nThird"
    assert sentence_texts(s) == ["Headline without stop", "First sentence.", "Second.", "Third"]


def test_words_keep_inner_apostrophes_hyphens_and_decimals():
    s = "Kyiv’s second-largest city lost 3.5 million (40%) U.S.-made shells."
    assert [s[a:b] for a, b in T.words(s)] == [
        "Kyiv’s", "second-largest", "city", "lost", "3.5", "million", "40", "U.S", "made", "shells"]


def test_document_counts_agree_with_segments():
    s = "One two three. Four five!\n\nSix."
    doc = T.Document.from_text(s)
    assert doc.n_words == len(doc.words) == 6
    assert doc.n_sentences == 3
    assert doc.sentence_index(s.index("Four")) == 1


def test_seed_sentences_never_end_on_abbreviations_and_keep_quotes_balanced(seeds):
    for art in seeds:
        for a, b in T.sentences(art.text):
            sent = art.text[a:b]
            assert not re.search(r"\b(U\.S\.|U\.N\.|St\.)$", sent), (art.id, sent)
            # a sentence that opens a curly quote closes it
            assert sent.count("“") == sent.count("”") or "“" not in sent, (art.id, sent)


def test_seed_quote_kept_whole_with_attribution(seeds):
    text = next(a.text for a in seeds if a.id == "seed-000")
    sents = sentence_texts(text)
    quote = ('"They are moving to Kursk for a reason. We have every expectation they would be engaged '
             'in combat operations," she stated on Monday.')
    assert quote in sents


def test_seed_us_defense_secretary_sentence_is_one_sentence(seeds):
    text = next(a.text for a in seeds if a.id == "seed-003")
    assert any(s.startswith("U.S. Defense Secretary Lloyd Austin recently announced") and s.endswith(
        "the Democratic People’s Republic of Korea.") for s in sentence_texts(text))


def test_every_seed_segment_round_trips(seeds):
    for art in seeds:
        t = art.text
        for a, b in T.sentences(t) + T.words(t) + T.nonblank_lines(t):
            assert 0 <= a < b <= len(t)
            assert t[a:b] == t[a:b].strip()


def test_crlf_text_gives_same_sentences_at_shifted_offsets():
    unix = "First line here.\nSecond line. Third.\n"
    dos = unix.replace("\n", "\r\n")
    assert sentence_texts(unix) == sentence_texts(dos)
