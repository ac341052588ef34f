"""The hedging scorer: context rules, seed labels, score arithmetic, lexicon handling."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mediakit
from mediakit import hedging
from mediakit.lexicon import LexiconError, load_lexicon
from mediakit.text import Document, sentences

DATA = Path(__file__).resolve().parent / "data" / "hedging"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LEX = load_lexicon("hedging")


def spans(text: str, lexicon=LEX):
    return hedging.find_spans(Document.from_text(text), lexicon)


def cues(text: str, category: str = "hedge") -> list[str]:
    return [s.cue for s in spans(text) if s.category == category]


def hedged(text: str) -> bool:
    return bool(cues(text, "hedge"))


def read_tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:] if ln]


def f1(pairs) -> float:
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# ---------------------------------------------------------------------------
# the contract
# ---------------------------------------------------------------------------

def test_contract():
    assert hedging.NAME == "hedging"
    assert hedging.LEXICONS == ("hedging",)
    assert [c.name for c in hedging.COLUMNS] == [
        "hedges_per_100w", "hedged_sentence_share", "approximators_per_100w", "boosters_per_100w",
        "dismissals", "certainty_balance"]
    result = hedging.score(Document.from_text("The talks may resume."), {"hedging": LEX})
    assert set(result.scores) == {c.name for c in hedging.COLUMNS}


def test_empty_body_gives_nan_rates_and_zero_dismissals():
    scores = hedging.score(Document.from_text(""), {"hedging": LEX}).scores
    for name in ("hedges_per_100w", "hedged_sentence_share", "approximators_per_100w", "boosters_per_100w",
                 "certainty_balance"):
        assert math.isnan(scores[name]), name
    assert scores["dismissals"] == 0.0


def test_balance_is_nan_without_hedges_or_boosters_and_signed_otherwise():
    score = lambda t: hedging.score(Document.from_text(t), {"hedging": LEX}).scores["certainty_balance"]  # noqa: E731
    assert math.isnan(score("The bridge reopened on Monday."))
    assert score("The talks may collapse.") == -1.0
    assert score("Officials confirmed the report.") == 1.0
    assert score("Officials confirmed the report, which may be incomplete.") == 0.0


def test_spans_point_into_the_text_and_only_into_the_body():
    text = "Latest stories\nThe deal may close soon.\nSubscribe: rumours may be false"
    doc = Document(text, ((15, 39),))  # only the second line is body
    found = hedging.find_spans(doc, LEX)
    assert [s.cue for s in found] == ["may"]
    for s in found:
        assert text[s.start:s.end] == s.cue and 15 <= s.start < s.end <= 39


# ---------------------------------------------------------------------------
# context rules, each with short hand-written sentences
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The talks may resume next week.", True),
    ("Parliament will vote on the bill in May.", False),
    ("The two leaders last met in May, when they agreed a truce.", False),
    ("Last May the company cut 300 jobs.", False),
    ("The law took effect on May 5, 2024.", False),
    ("The new rules apply from May 2025.", False),
    ("Prices rose between April and May.", False),
    ("Talks are planned for mid-May.", False),
    ("Theresa May told the Commons the deal was the best available.", False),
    ("May is traditionally the busiest month for weddings.", False),
    ("North Korean Troops May Join Russia's Front Line", True),  # a title-case headline
])
def test_may_month(text, expected):
    assert hedged(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("The talks could collapse at any moment.", True),
    ("The prime minister could not attend the ceremony.", False),
    ("She could see the smoke from her window.", False),
    ("The blast could be heard several kilometres away.", False),
    ("They left early so they could catch the last train.", False),
    ("Doctors could not say when he would walk again.", True),  # inability to know is uncertainty
    ("Detectives could not rule out further attacks.", True),  # negated booster
])
def test_could_not_and_ability(text, expected):
    assert hedged(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("The documentary is about the war.", []),
    ("The book is about 300 pages long.", ["about 300"]),
    ("They talked about one of the proposals.", []),
    ("Emissions are above 2023 levels.", []),
    ("The report is about 9/11.", []),
    ("Talks continued over three days of meetings.", []),
    ("Officials estimate approximately 11,000 soldiers have arrived.", ["approximately 11,000"]),
    ("Around 10,000 troops are stationed there.", ["Around 10,000"]),
    ("Some 3,000 workers joined the protest.", ["Some 3,000"]),
    ("The first group of up to 2,100 soldiers was moved.", ["up to 2,100"]),
    ("As many as 8,000 troops had been moved.", ["As many as 8,000"]),
    ("The quarterback threw for more than 300 yards.", ["more than 300"]),
    ("The deployment of over 10,000 soldiers.", ["over 10,000"]),
    ("The deal is worth roughly $2 billion.", ["roughly $2 billion"]),
    ("The deal values it at an estimated $4.5 billion.", ["estimated $4.5 billion"]),
    ("Nearly half of the residents have no water.", ["Nearly half"]),
    ("There are several hundred special forces members.", ["several hundred"]),
    ("The army said it had killed dozens of militants.", ["dozens of"]),
])
def test_approximators_need_a_number(text, expected):
    assert cues(text, "approximator") == expected
    assert not hedged(text) or "estimate" in text  # an approximator alone is not a hedge


def test_about_before_a_number_is_an_approximator_not_a_hedge():
    assert cues("They controlled about 1,376 square kilometres.", "approximator") == ["about 1,376"]
    assert not hedged("They controlled about 1,376 square kilometres.")


@pytest.mark.parametrize("text", [
    "Factors such as supply routes will influence tactical decisions.",
    "The bridge will reopen on Monday, officials said.",
    "The board shall meet twice a year.",
])
def test_will_of_plain_future_is_not_a_hedge(text):
    assert not hedged(text)


def test_will_stays_out_even_when_a_user_lexicon_lists_it(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "hedge\twill\nhedge\tperhaps\n", encoding="utf-8")
    lex = load_lexicon(path)
    found = hedging.find_spans(Document.from_text("It will rain, perhaps."), lex)
    assert [s.cue for s in found] == ["perhaps"]


@pytest.mark.parametrize("text, expected", [
    ("Her lawyer appeared in court on Wednesday.", False),
    ("The chief executive will appear before the committee.", False),
    ("The author appeared on several talk shows.", False),
    ("Symptoms usually appear within two weeks.", False),
    ("The player appeared in 34 matches last season.", False),
    ("The rebels appear to have seized the airport.", True),
    ("It appears that the comet broke apart.", True),
    ("The minister appeared unaware of the report.", True),
    ("Compiling reports, it appears approximately 3,000 soldiers have arrived.", True),
])
def test_appear_meaning_show_up(text, expected):
    assert hedged(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("The governor suggested that the two sides meet again.", False),
    ("She suggested that they meet in Geneva.", False),
    ("Economists suggested cutting the tax on fuel.", False),
    ("He suggested a compromise on the budget.", False),
    ("The envoy suggested that both parties should return to the table.", False),
    ("Evidence suggests the outbreak began in March.", True),
    ("The data suggest that consumer spending is slowing.", True),
    ("Many analysts suggest that Moscow might use them as cannon fodder.", True),
    ("The nuances suggest increasing complexity.", True),
])
def test_suggest_meaning_propose(text, expected):
    assert hedged(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("You may leave the room now.", False),
    ("Visitors may apply for a permit at the town hall.", False),
    ("Patients may leave the hospital once their results are negative.", False),
    ("Residents have been told they may return home.", False),
    ("Patients may need further surgery.", True),
    ("The vaccine may cause mild side effects.", True),
    ("The troops might be redeployed.", True),
    ("Russia's military might was on display at the parade.", False),
])
def test_modal_epistemic_versus_deontic(text, expected):
    assert hedged(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Officials said the vote would take place on schedule.", False),
    ("The retailer said it would close 40 stores next year.", False),
    ("The deal would boost growth, the minister said.", False),
    ("If the talks fail, the government would fall.", False),
    ("Should troops enter combat, they would be considered legitimate targets.", False),
    ("The bill would raise the minimum wage if it passes.", False),
    ("The merger would create the country's largest bank.", False),
    ("Lawmakers backed a plan that would cut fuel taxes.", False),
    ("Years later the magazine would call it a classic.", False),
    ("He would often walk to work.", False),
    ("A spokeswoman would not comment on the figures.", False),
    ("It would be the first time a foreign army joined the war.", True),
    ('"That would be a disaster for the region," she said.', True),  # quoted: the speaker's own modal
])
def test_would_in_predictions_versus_reported_speech_and_conditionals(text, expected):
    assert hedged(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("The striker is likely to miss the rest of the season.", True),
    ("The fire was likely caused by an electrical fault.", True),
    ("The ceasefire seems unlikely to hold.", True),
    ("Likely voters favour the challenger by six points.", False),
    ("The merger is expected to close by the end of the year.", True),
    ("Profits rose more than expected in the third quarter.", False),
    ("Shares fell after earnings missed expectations.", False),
    ("The injury is less serious than previously thought.", False),
    ("The virus is believed to have originated in bats.", True),
    ("Voters believe in the party's promises.", False),
    ("Whether the truce will hold remains to be seen.", True),
    ("What exactly they're doing is left to be seen.", True),
    ("It is unclear whether the coalition has the votes.", True),
    ("It was not immediately clear who was responsible.", True),
    ("Investigators are examining whether the driver was distracted.", False),  # investigation alone
])
def test_probability_expectation_belief_and_open_uncertainty(text, expected):
    assert hedged(text) is expected


@pytest.mark.parametrize("text, cue", [
    ("The State Department confirmed the report.", "confirmed"),
    ("The decision was clearly wrong.", "clearly"),
    ("This is undoubtedly the largest deployment.", "undoubtedly"),
    ("Evidence shows the reef has lost half its cover.", "Evidence shows"),
    ("There is no doubt that the vote was fair.", "There is no doubt"),
    ("The team will definitely play on Sunday.", "definitely"),
    ("The experiment proved that the water was safe.", "proved"),
])
def test_boosters(text, cue):
    assert cues(text, "booster") == [cue]
    assert not hedged(text)


@pytest.mark.parametrize("text, cue", [
    ("The report has not been confirmed.", "not been confirmed"),
    ("The deaths were not confirmed by officials.", "not confirmed"),
    ("The strike could not be independently verified.", "not be independently verified"),
    ("A link between the attacks cannot be ruled out.", "cannot be ruled out"),
    ("The claim has yet to be confirmed.", "yet to be confirmed"),
])
def test_negated_booster_is_a_hedge(text, cue):
    found = [s for s in spans(text) if s.category in ("hedge", "booster")]
    assert [(s.category, s.cue, s.rule) for s in found] == [("hedge", cue, "rule:negated-booster")]


def test_refusal_to_confirm_is_a_dismissal():
    found = spans("A spokeswoman would not confirm the figures.")
    assert [(s.category, s.cue, s.rule) for s in found] == [
        ("dismissal", "would not confirm", "rule:refused-to-confirm")]


def test_could_prove_is_not_proof():
    assert cues("North Korea's artillery could prove advantageous.", "booster") == []
    assert hedged("North Korea's artillery could prove advantageous.")


@pytest.mark.parametrize("text, cue", [
    ('Officials dismissed the reports as "groundless rumors".', "groundless rumors"),
    ("The ministry dismissed the footage as fake.", "dismissed"),
    ("The minister denied the allegations.", "denied"),
    ("The opposition called the charges baseless.", "baseless"),
    ("The president called the story fake news.", "fake news"),
    ("Peskov refrained from confirming the reports.", "refrained from confirming"),
    ("The family rejected the claims made by the defence.", "rejected the claims"),
    ("The health secretary called the fears unfounded.", "unfounded"),
])
def test_dismissals(text, cue):
    assert cue in cues(text, "dismissal")


@pytest.mark.parametrize("text", [
    "The accused was denied bail and remanded in custody.",
    "The police chief was dismissed from his post.",
    "A judge dismissed the lawsuit on Friday.",
])
def test_refusals_and_firings_are_not_dismissals_of_a_claim(text):
    assert cues(text, "dismissal") == []


def test_groundless_rumors_is_a_dismissal_not_a_hedge():
    found = spans('North Korea dismissed these assertions as "groundless rumors."')
    assert [(s.category, s.cue) for s in found] == [("dismissal", "dismissed"), ("dismissal", "groundless rumors")]


@pytest.mark.parametrize("text, expected", [
    ("The company has yet to reach its full potential.", False),
    ("The bank's potential customers include small farms.", False),
    ("There is the potential for further escalation.", True),
    ("The potential exchange of military technology worries Seoul.", True),
    ("It was a thought-provoking exhibition.", False),
    ("The think tank published a report.", False),
    ("The fossil is thought to be 70 million years old.", True),
    ("Food for thought, the editor wrote.", False),
    ("The suspect was arrested at his home.", False),
    ("Police suspect the fire was started deliberately.", True),
    ("The accused sat silently in the dock.", False),
    ("He was accused of stealing $1 million.", True),
    ("The proposal will be considered by the committee.", False),
    ("He is considered one of the greatest actors.", True),
    ("Investors fear a recession is coming.", True),
    ("The fear of flying kept her at home.", False),
    ("Leave as soon as possible.", False),
    ("Lawyers want as many witnesses as possible.", False),
    ("It is possible that the infection was picked up abroad.", True),
    ("The damage was apparent from the air.", False),
    ("It was an apparent suicide, police said.", True),
    ("The estimated cost of the works is high.", False),
    ("Officials estimated that 40,000 people had fled.", True),
    ("Recent reports indicate Ukraine has lost ground.", True),
    ("The instructors come from elite units, indicating a robust programme.", True),
    ("The minister indicated he would step down.", False),
    ("Kovalenko indicated that no troops were in Kharkiv.", False),
])
def test_nouns_and_idioms(text, expected):
    assert hedged(text) is expected


def test_hedges_in_quotations_count_and_are_reported():
    text = 'He said: "They may be moving to Kursk." The deployment could also widen the war.'
    result = hedging.score(Document.from_text(text), {"hedging": LEX})
    assert [s.cue for s in result.spans if s.category == "hedge"] == ["may", "could"]
    assert result.details["hedges_in_quotes"] == 1


def test_case_and_curly_apostrophes():
    assert cues("TROOPS HAVE REPORTEDLY JOINED THE FRONT") == ["REPORTEDLY"]
    assert cues("It’s anyone’s guess how long the shutdown will last.") == ["anyone’s guess"]


def test_text_whose_lower_case_changes_length_keeps_offsets():
    text = "İstanbul officials said the ferry may resume service; the cause remains unclear."
    assert len(text.lower()) != len(text)
    found = spans(text)
    assert [s.cue for s in found] == ["may", "unclear"]
    for s in found:
        assert text[s.start:s.end] == s.cue
    # the context rules still read lower-case words there
    assert cues("İzmir: Patients may leave once cleared. The Court May Rule Today") == ["May"]


def test_crlf_text_gives_the_same_cues():
    text = "The talks may resume.\r\nOfficials confirmed the date.\r\nSome 3,000 troops are reportedly there."
    assert [(s.category, s.cue) for s in spans(text)] == [
        ("hedge", "may"), ("booster", "confirmed"), ("approximator", "Some 3,000"), ("hedge", "reportedly")]


_WORDS = ("may", "May", "might", "could", "not", "would", "said", "about", "3,000", "$2", "billion", "appeared",
          "in", "court", "suggested", "that", "they", "meet", "groundless", "rumors", "confirmed", "has", "been",
          "reportedly", "think", "tank", "the", "—", "“", "”", '"', "(", ")", ",", ".", "\n", "\r\n", "İ", "’s")


@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.lists(st.sampled_from(" \n"), min_size=40, max_size=40))
def test_spans_are_in_the_body_in_order_and_never_overlap(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    doc = Document.from_text(text)
    found = hedging.find_spans(doc, LEX)
    last = -1
    for s in found:
        assert text[s.start:s.end] == s.cue and s.category in hedging.SPAN_CATEGORIES
        assert s.start >= last
        assert any(lo <= s.start and s.end <= hi for lo, hi in doc.body)
        last = s.end
    assert found == hedging.find_spans(Document.from_text(text), LEX)


def test_phrases_do_not_run_over_a_line_break():
    assert cues("The outcome remains to be\nseen by all.") == []


# ---------------------------------------------------------------------------
# the labelled data
# ---------------------------------------------------------------------------

def _seed_pairs():
    rows = read_tsv("seeds.tsv")
    pairs = []
    for name in sorted({r["file"] for r in rows}):
        text = (SEEDS / name).read_bytes().decode("utf-8")
        doc = Document.from_text(text)
        starts = [s for s, _ in doc.sentences]
        found = {starts[bisect_right(starts, s.start) - 1]
                 for s in hedging.find_spans(doc, LEX) if s.category == "hedge"}
        for r in rows:
            if r["file"] == name:
                pairs.append((r["hedge"] == "1", int(r["start"]) in found))
    return pairs


def test_seed_labels_match_the_segmenter():
    rows = read_tsv("seeds.tsv")
    for name in sorted({r["file"] for r in rows}):
        text = (SEEDS / name).read_bytes().decode("utf-8")
        mine = [(int(r["start"]), r["text"]) for r in rows if r["file"] == name]
        assert mine == [(s, text[s:e]) for s, e in sentences(text)], name


def test_seed_sentence_f1_at_least_090():
    pairs = _seed_pairs()
    assert len(pairs) >= 250 and sum(g for g, _ in pairs) >= 60
    assert f1(pairs) >= 0.90


@pytest.mark.parametrize("name", ["news.tsv", "heldout.tsv"])
def test_news_sentence_f1(name):
    rows = read_tsv(name)
    pairs = [(r["hedge"] == "1", hedged(r["text"])) for r in rows]
    assert f1(pairs) >= 0.90


def test_news_set_is_large_varied_and_balanced():
    rows = read_tsv("news.tsv")
    assert len(rows) >= 150
    assert {"politics", "business", "health", "science", "sports", "crime"} <= {r["topic"] for r in rows}
    share = sum(r["hedge"] == "1" for r in rows) / len(rows)
    assert 0.3 <= share <= 0.6


@pytest.mark.parametrize("article", mediakit.load_seeds(), ids=lambda a: a.id)
def test_every_groundless_rumors_in_the_seeds_is_a_dismissal(article):
    analysis = mediakit.analyze(article, strip_boilerplate=False)
    dismissals = {(s.start, s.end) for s in analysis.spans_of("dismissal")}
    for m in re.finditer(r"groundless rumou?rs", analysis.text, re.IGNORECASE):
        assert m.span() in dismissals


def test_the_seeds_hold_three_groundless_rumors():
    total = sum(len(re.findall(r"groundless rumors", a.text)) for a in mediakit.load_seeds())
    assert total == 3


# ---------------------------------------------------------------------------
# every score recomputed from the spans of an analysis
# ---------------------------------------------------------------------------

def _recompute(analysis) -> dict[str, float]:
    words = analysis.scores["words"]
    n_sent = analysis.scores["sentences"]
    count = {c: len(analysis.spans_of(c)) for c in ("hedge", "approximator", "booster", "dismissal")}
    starts = [s for s, _ in sentences(analysis.text)]
    hedged_sents = {bisect_right(starts, s.start) - 1 for s in analysis.spans_of("hedge")}
    h, b = count["hedge"], count["booster"]
    nan = float("nan")
    return {
        "hedges_per_100w": 100 * h / words if words else nan,
        "hedged_sentence_share": len(hedged_sents) / n_sent if n_sent else nan,
        "approximators_per_100w": 100 * count["approximator"] / words if words else nan,
        "boosters_per_100w": 100 * b / words if words else nan,
        "dismissals": float(count["dismissal"]),
        "certainty_balance": (b - h) / (b + h) if b + h else nan,
    }


@pytest.mark.parametrize("text", [
    *[a.text for a in mediakit.load_seeds()],
    "Officials confirmed the report. It may be incomplete. Some 300 people were reportedly there.",
    "The bridge reopened on Monday.",
    "",
])
@pytest.mark.parametrize("strip", [False, True])
def test_scores_are_recomputable_from_spans(text, strip):
    analysis = mediakit.analyze(text, strip_boilerplate=strip)
    expected = _recompute(analysis)
    for name, value in expected.items():
        got = analysis.scores[name]
        assert (math.isnan(got) and math.isnan(value)) or got == pytest.approx(value), name


def test_every_span_cue_is_its_text_and_scores_are_deterministic():
    for article in mediakit.load_seeds():
        a = mediakit.analyze(article, strip_boilerplate=False)
        b = mediakit.analyze(article, strip_boilerplate=False)
        mine = [s for s in a.spans if s.category in hedging.SPAN_CATEGORIES]
        assert mine == [s for s in b.spans if s.category in hedging.SPAN_CATEGORIES]
        for s in mine:
            assert a.text[s.start:s.end] == s.cue
            assert s.rule.startswith(("hedging:", "rule:"))


# ---------------------------------------------------------------------------
# the lexicon: bundled, replaced by a user's, malformed
# ---------------------------------------------------------------------------

HEADER = """# mediakit-lexicon: 1
# name: my-hedges
# version: 0.3.0
# licence: CC0-1.0
# sources: written for this test
"""


def test_bundled_lexicon_header_and_category_notes():
    assert (LEX.name, LEX.version) == ("hedging", "1.0.0")
    for key in ("licence", "sources", "description"):
        assert LEX.meta[key]
    assert "words-hedges" in LEX.meta["sources"] and "Titus Wormer" in LEX.meta["notice"]
    for cat in hedging.CATEGORIES:
        assert LEX.meta.get(f"category {cat}"), cat
    assert set(LEX.categories) == set(hedging.CATEGORIES)


def test_user_lexicon_replaces_the_bundled_one(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "hedge\tperchance\nbooster\tverily\ndismissal\tpoppycock\n", encoding="utf-8")
    text = "Perchance the troops may come. Verily they came. Poppycock, said the envoy."
    a = mediakit.analyze(text, lexicons={"hedging": str(path)})
    mine = [(s.category, s.cue, s.rule) for s in a.spans if s.category in hedging.SPAN_CATEGORIES]
    assert mine == [("hedge", "Perchance", "my-hedges:perchance"), ("booster", "Verily", "my-hedges:verily"),
                    ("dismissal", "Poppycock", "my-hedges:poppycock")]
    assert a.lexicons["hedging"] == "0.3.0"
    assert a.scores["certainty_balance"] == 0.0


def test_malformed_user_lexicon_error_names_the_line(tmp_path):
    path = tmp_path / "broken.tsv"
    path.write_text(HEADER + "hedge\tperchance\nhedge perhaps\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.tsv, line 7"):
        mediakit.analyze("Perhaps.", lexicons={"hedging": str(path)})


def test_unknown_category_error_names_the_line(tmp_path):
    path = tmp_path / "odd.tsv"
    path.write_text(HEADER + "hedge\tperchance\nhegde\tperhaps\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"odd\.tsv, line 7: unknown category 'hegde'"):
        mediakit.analyze("Perhaps.", lexicons={"hedging": str(path)})


def test_matcher_is_compiled_once_per_lexicon():
    hedging.find_spans(Document.from_text("It may rain."), LEX)
    first = hedging._matcher(LEX)
    hedging.find_spans(Document.from_text("It might rain."), LEX)
    assert hedging._matcher(LEX) is first
