"""Numeric claims: which numbers count something, their units and approximators, and their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit import attribution
from mediakit import numbers as claims
from mediakit.lexicon import load_lexicon
from mediakit.text import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LEX = {"attribution": load_lexicon("attribution")}


def numbers(text: str) -> list[str]:
    return [c["text"] for c in claims.numbers_in(text, 0, len(text))]


def table(text: str) -> list[dict]:
    return attribution.score(Document.from_text(text), LEX).details["claims"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("about 11,000 North Korean soldiers", ["11,000"]),
        ("around 3.5 million artillery shells", ["3.5 million"]),
        ("over 40% of the territory", ["40%"]),
        ("a loss of $1.3 billion", ["$1.3 billion"]),
        ("rates rose 12 percent", ["12 percent"]),
    ],
)
def test_numbers_that_count_are_found(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "between October 23 and October 28",
        "on 24 November 2024",
        "Today : Nov 24, 2024",
        "the 1990s and the ’90s",
        "at 10:30 and at 3 p.m.",
        "the 23rd day",
        "a 45-year-old man",
        "children aged 5 to 11",
        "the Hwasong-19 missile and the G7 summit",
        "Article 5 and Resolution 2231",
        "from 2018 to 2021",
        "The S&P 500 and the FTSE 100 closed higher",
        "said Ana Lopez, 34, a nurse in Houston",
    ],
)
def test_dates_times_ordinals_ages_and_labels_are_not_claims(text):
    assert numbers(text) == []


def test_values_use_multipliers_and_percent_flags():
    got = claims.numbers_in("3.5 million shells and 40% of land and 1,376 km", 0, 48)
    assert [(c["value"], c["percent"]) for c in got] == [(3.5e6, False), (40.0, True), (1376.0, False)]


def test_units_stop_at_verbs_and_function_words():
    text = "11,000 North Korean soldiers have been seen"
    assert claims.unit_after(text, 6, len(text)) == "North Korean soldiers"
    text = "40% of the territory it had reclaimed"
    assert claims.unit_after(text, 3, len(text), percent=True) == "the territory"
    text = "2,100 soldiers was transported"
    assert claims.unit_after(text, 5, len(text)) == "soldiers"


def test_approximators_come_from_the_lexicon():
    rx = attribution._rules(LEX["attribution"]).approximator
    for before, expected in [
        ("approximately ", "approximately"),
        ("as many as ", "as many as"),
        ("up to ", "up to"),
        ("more than ", "more than"),
        ("numbers could exceed ", "could exceed"),
        ("the ", ""),
    ]:
        text = before + "3,000 troops"
        assert claims.approximator_before(text, 0, len(before), rx) == expected


def test_number_words_need_a_unit():
    assert [c["number"] for c in table("Among them were three generals.")] == ["three"]
    assert table("It was one of the largest, two and a half times bigger.") == []


def _claim(claims_list, text):
    return next(c for c in claims_list if c["number"] == text)


def test_seed_troop_figures_carry_their_source_and_approximator():
    t0 = (SEEDS / "000_52d4930ff7ecd802.txt").read_text(encoding="utf-8")
    c = _claim(table(t0), "11,000")
    assert (c["approximator"], c["unit"], c["source_kind"]) == ("approximately", "North Korean soldiers", "unnamed")
    assert c["source"].startswith("officials from ukraine")
    assert t0[c["sentence_start"]:c["sentence_end"]].startswith("Officials from Ukraine")
    assert t0[c["start"]:c["end"]] == "11,000"
    c = _claim(table(t0), "40%")
    assert (c["approximator"], c["unit"], c["source_kind"]) == ("over", "the territory", "unnamed")

    t1 = (SEEDS / "001_c12078b06a71b774.txt").read_text(encoding="utf-8")
    rows = table(t1)
    c = _claim(rows, "8,000")
    assert (c["approximator"], c["source"], c["source_kind"]) == ("as many as", "Antony Blinken; Lloyd Austin", "named")
    c = _claim(rows, "10,000")
    assert (c["approximator"], c["source_kind"]) == ("around", "unnamed")
    c = _claim(rows, "3.5 million")
    assert (c["value"], c["unit"], c["source"]) == (3.5e6, "artillery shells", "Volodymyr Zelenskyy")
    c = _claim(rows, "2,100")
    assert (c["approximator"], c["source"]) == ("up to", "Sergiy Kyslytsya")

    t3 = (SEEDS / "003_ee247df05954af55.txt").read_text(encoding="utf-8")
    c = _claim(table(t3), "10,000")
    assert c["source"] == "South Korea's National Intelligence Service" and c["approximator"] == ""


def test_a_claim_outside_any_attribution_has_no_source():
    c = table("The deployment of over 10,000 North Korean soldiers marks an escalation.")[0]
    assert (c["approximator"], c["source"], c["source_kind"], c["cue"]) == ("over", None, None, None)


def test_a_claim_takes_the_narrowest_attribution_that_holds_it():
    text = ("Reports indicate that around 10,000 troops are stationed in Russia, with estimates from "
            "Zelenskyy suggesting numbers could exceed 12,000.")
    rows = table(text)
    assert _claim(rows, "10,000")["source_kind"] == "unnamed"
    assert _claim(rows, "12,000")["source"] == "Zelenskyy"


def test_claims_are_json_ready_and_in_text_order():
    import json

    rows = table("Officials said 3,000 troops arrived. Another 2,000 soldiers followed, a diplomat said.")
    json.dumps(rows)
    assert [r["number"] for r in rows] == ["3,000", "2,000"]
    assert rows[1]["source_kind"] == "unnamed"


def test_a_number_inside_a_source_is_not_a_claim():
    rows = table("According to two people familiar with the talks, the deal is worth $3 billion.")
    assert [r["number"] for r in rows] == ["$3 billion"]
    assert rows[0]["source"] == "two people familiar with the talks"
