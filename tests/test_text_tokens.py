import re

from hypothesis import given, strategies as st

from mediakit.text import Document, nonblank_lines, sentences_in

WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")


def reference_words(text, body):
    return [m.span() for s, e in body for m in WORD.finditer(text, s, e)]


@given(st.text(alphabet=st.sampled_from(list("aZ _-.’'\n\tİıßΣς3,“”\"!?")) | st.characters(), max_size=80))
def test_words_and_lower_words_follow_the_word_pattern(text):
    doc = Document(text, tuple(nonblank_lines(text)))
    spans = reference_words(text, doc.body)
    assert list(doc.words) == spans
    assert doc.lower_words == [text[s:e].lower() for s, e in spans]
    assert doc.lower_text == text.lower()


def test_underscore_and_length_changing_lower_case():
    text = "snake_case İstanbul U.S.-led talks"
    doc = Document.from_text(text)
    assert [text[s:e] for s, e in doc.words] == ["snake", "case", "İstanbul", "U.S", "led", "talks"]
    assert doc.lower_words == ["snake", "case", "i̇stanbul", "u.s", "led", "talks"]


def test_a_run_of_punctuation_started_before_the_segment_ends_no_sentence():
    text = "Wait... Then he left. Done"
    # starting inside "...": the rest of the run is not a sentence end
    assert sentences_in(text, 5, len(text)) == [(5, 21), (22, 26)]
