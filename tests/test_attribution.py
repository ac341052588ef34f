"""The attribution scorer: context rules, sources, pronouns, quotations, scores and seed labels."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mediakit import attribution
from mediakit.lexicon import load_lexicon, parse_lexicon
from mediakit.text import Document, nonblank_lines
from mediakit.types import SPAN_CATEGORIES

DATA = Path(__file__).resolve().parent / "data" / "attribution"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LEX = load_lexicon("attribution")


def run(text: str, lexicon=LEX):
    return attribution.score(Document.from_text(text), {"attribution": lexicon})


def flags(text: str) -> tuple[bool, bool]:
    """(carries attributed content, attributed to an unnamed source) for a one-sentence text."""
    doc = Document.from_text(text)
    result = attribution.score(doc, {"attribution": LEX})
    got = attribution.sentence_flags(doc.sentences, result.spans)
    return any(a for a, _ in got), any(u for _, u in got)


def sources(text: str) -> list[tuple[str, str]]:
    return [(row["source"], row["source_kind"]) for row in run(text).details["attributions"]]


def read_tsv(name: str) -> list[dict[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:] if ln]


def f1(pred: list[bool], gold: list[bool]) -> float:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# --- the scorer contract --------------------------------------------------------------------------


def test_contract_names_and_columns():
    assert attribution.NAME == "attribution"
    assert attribution.LEXICONS == ("attribution",)
    names = [c.name for c in attribution.COLUMNS]
    assert names == ["attribution_density", "quote_share", "unnamed_source_share", "named_sources", "attributions"]
    result = run("Officials said the talks had failed.")
    assert set(result.scores) == set(names)
    assert all(isinstance(v, float) for v in result.scores.values())


@pytest.mark.parametrize("text", ["", "   \n\n  ", "The weather was fine."])
def test_undefined_shares_are_nan_and_counts_zero(text):
    scores = run(text).scores
    assert scores["attributions"] == 0.0 and scores["named_sources"] == 0.0
    assert math.isnan(scores["unnamed_source_share"])
    if not text.strip():
        assert math.isnan(scores["attribution_density"]) and math.isnan(scores["quote_share"])
    else:
        assert scores["attribution_density"] == 0.0 and scores["quote_share"] == 0.0


def test_spans_point_into_the_text_and_use_known_categories():
    for path in sorted(SEEDS.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        result = run(text)
        for sp in result.spans:
            assert text[sp.start:sp.end] == sp.cue
            assert sp.category in SPAN_CATEGORIES
            assert sp.rule
        json.dumps(result.details)


def test_only_the_body_is_read():
    text = "Officials said the bridge was closed.\nMenu: Home said Contact\nThe minister said it would reopen."
    lines = nonblank_lines(text)
    doc = Document(text, (lines[0], lines[2]))
    result = attribution.score(doc, {"attribution": LEX})
    assert all(not (lines[1][0] <= sp.start < lines[1][1]) for sp in result.spans)
    assert result.scores["attributions"] == 2.0


def test_same_input_same_output():
    text = (SEEDS / "003_ee247df05954af55.txt").read_text(encoding="utf-8")
    a, b = run(text), run(text)
    assert a.spans == b.spans
    assert json.dumps(a.details, sort_keys=True) == json.dumps(b.details, sort_keys=True)


# --- cues and their context rules -----------------------------------------------------------------

CASES = [
    # speech verbs in their forms, with named and vague subjects
    ("The senator said the bill would fail.", True, False),
    ("Officials say the attack damaged power lines.", True, True),
    ("A senior military official noted that the front had moved.", True, True),
    ("The ministry has repeatedly denied the claims.", True, False),
    ("Austin told reporters the troops were in Russia.", True, False),
    ("Zelenskyy expressed grave concerns, emphasizing that the troops could arrive soon.", True, False),
    # according to, citing, reporting nouns and frames
    ("The troops joined the front, according to various reports.", True, True),
    ("According to the indictment, the scheme ran for years.", True, False),
    ("The company expects a loss, citing people familiar with the matter.", True, True),
    ("The company expects a loss, citing weak demand.", True, False),
    ("In a statement, the ministry condemned the strike.", True, False),
    ("Reports that the talks had failed spread quickly.", True, True),
    ("The Penn Wharton Budget Model estimates that revenue would fall.", True, False),
    # evidential verbs need a document or a source as subject
    ("Recent reports indicate Ukraine has lost ground.", True, True),
    ("Data from the Commerce Department showed sales rose.", True, False),
    ("This suggests the bank will hold rates.", False, False),
    ("The deployment highlights deepening military ties.", False, False),
    ("It confirms the growing relationship between the two states.", False, False),
    # belief attribution and agentless passives
    ("Some believe the number of troops is small.", True, True),
    ("Others see a potential for escalation.", True, True),
    ("The missile is believed to have a long range.", True, True),
    ("This collaboration is seen as strategic.", True, True),
    ("It might be viewed more as political signaling.", True, True),
    ("The embassy is reportedly preparing to leave.", True, True),
    ("It is widely believed that the election will be early.", True, True),
    # participles and reduced relatives
    ("These denials stand against reports confirming the presence of troops.", True, True),
    ("Officials shared intelligence indicating that troops had moved.", True, True),
    ("These instructors are drawn from elite units, indicating a robust program.", False, False),
    # by + agent
    ("The deployment has been confirmed by the United States.", True, False),
    ("This move, initially reported by South Korea, shocked the allies.", True, False),
    ("The case was dismissed for lack of evidence.", False, False),
    ("Blinken is expected to discuss the deployment in Brussels.", False, False),
    # verbs that need a complement, a document or a source
    ("Republicans countered that the bill was too expensive.", True, True),
    ("The army countered the attack at dawn.", False, False),
    ("The Fed signaled that rates would stay high.", True, False),
    ("The survey found 40% of voters undecided.", True, False),
    ("Police found a gun in the car.", False, False),
    ("Democrats blamed Republicans for the shutdown.", True, True),
    ("The situation calls for restraint.", False, False),
    ("The opposition leader called the budget a betrayal.", True, False),
    # passives and impersonal constructions
    ("Reporters were told that the vote would be delayed.", True, True),
    ("It was announced that the talks had failed.", True, True),
    ("He was told to leave the room.", False, False),
    ("He was quoted as saying the plan would work.", True, False),
    # frames
    ("Minister Jane Roe spoke for an hour. In her view, the reforms came too late.", True, False),
    ("The minister resigned after three years in the post.", False, False),
    # quotations without a cue
    ('"We will not stop until the job is done."', True, False),
    ('The so-called "peace plan" was rejected.', False, False),
]


@pytest.mark.parametrize("text, attributed, unnamed", CASES)
def test_sentence_rules(text, attributed, unnamed):
    assert flags(text) == (attributed, unnamed)


@pytest.mark.parametrize(
    "text",
    [
        "That said, the coalition still holds a majority.",
        "The said agreement expires in May.",
        "She said goodbye to her colleagues.",
        "Voters will have a say in November.",
        "Time will tell whether the reforms survive.",
        "The minister did not say whether the plan would be delayed.",
        "A spokesman declined to say whether charges would be filed.",
        "Officials have not said how many people left.",
        "They said nothing about the layoffs.",
        "She is a noted expert on constitutional law.",
        "The reported figures were revised upward.",
        "An estimated 3,000 people attended the rally.",
        "Patients should note that the clinic closes at five.",
        "Note that the figures for December are provisional.",
        "The loyalty of the North remains to be seen.",
        "Adding weight to these claims, the army moved north.",
        "Russia added 3,000 troops to the front.",
        "His appeals included stereotypical claims about the army.",
        "Zelenskyy's warning came on a Thursday.",
        "As we look ahead, we believe unity matters.",
    ],
)
def test_non_attributive_uses(text):
    assert flags(text) == (False, False)


def test_a_cue_inside_a_quotation_is_the_speaker_s_not_the_article_s():
    result = run('They noted, "Russian instructors believe the soldiers are fit."')
    assert [sp.cue for sp in result.spans if sp.category == "attribution"] == ["noted"]


def test_capitalised_cues_count_in_headlines_only():
    assert flags("Israel Confirms Death Of Rabbi Missing In UAE") == (True, False)
    assert flags("North Korean Troops Confirmed Deployed To Russia") == (True, True)
    assert flags("The Edward Said Lecture was held on Monday.") == (False, False)


# --- sources ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Deputy Pentagon Press Secretary Sabrina Singh has noted the risk.", [("Sabrina Singh", "named")]),
        ("U.S. Secretary of State Antony Blinken and Defense Secretary Lloyd Austin confirmed the reports.",
         [("Antony Blinken; Lloyd Austin", "named")]),
        ("South Korea's National Intelligence Service (NIS) mentioned the possibility.",
         [("South Korea's National Intelligence Service", "named")]),
        ("The U.S. State Department has confirmed the deployment.", [("U.S. State Department", "named")]),
        ("Kremlin spokesperson Dmitry Peskov refrained from comment, insisting on caution.",
         [("Dmitry Peskov", "named")]),
        ("Andrii Kovalenko, who heads the disinformation centre, mentioned deployments.", [("Andrii Kovalenko", "named")]),
        ("Kyiv's ambassador to the United Nations, Sergiy Kyslytsya, reported the findings.",
         [("Sergiy Kyslytsya", "named")]),
        ("Experts, such as Doo Jinho from the Korea Institute, suggest that it is a priority.", [("Doo Jinho", "named")]),
        ("The fund's manager, who asked not to be named, said returns were weak.",
         [("the fund's manager", "unnamed")]),
        ("Officials from Ukraine and the United States estimate that 11,000 soldiers arrived.",
         [("officials from ukraine and the united states", "unnamed")]),
        ("North Korean officials dismissed the claims.", [("north korean officials", "unnamed")]),
        ("A representative declared their disinterest.", [("a representative", "unnamed")]),
        ("A spokesperson for Amazon said the company was reviewing it.", [("Amazon", "named")]),
        ('"It was chaos," one witness said.', [("one witness", "unnamed")]),
        ('"We are pleased," said Mr. Smith, an analyst at the bank.', [("Smith", "named")]),
        ("The talks will resume on Tuesday, a diplomat said.", [("a diplomat", "unnamed")]),
        ("A federal judge on Tuesday blocked the plan, ruling that it was unlawful.", [("a federal judge", "unnamed")]),
        ("Lawyers for the plaintiffs said the ruling would help.", [("lawyers for the plaintiffs", "unnamed")]),
        ("Shares jumped after it reported strong earnings.", [("it", "named")]),
        ("Both Washington and Kyiv are sounding the alarm about the deployment.", [("Washington; Kyiv", "named")]),
    ],
)
def test_sources_named_and_unnamed(text, expected):
    assert sources(text) == expected


def test_surnames_join_the_full_name_and_abbreviations_their_country():
    text = ("U.S. Defense Secretary Lloyd Austin announced the news. Austin said it was serious. "
            "The US confirmed it. The United States said it again.")
    rows = run(text).details["sources"]
    assert {(r["source"], r["count"]) for r in rows} == {("Lloyd Austin", 2), ("United States", 2)}
    assert run(text).scores["named_sources"] == 2.0


def test_sources_are_listed_named_first_then_by_count():
    text = ("Officials said it was true. Officials said it again. The senator Jane Roe said no. "
            "Analysts said maybe.")
    rows = run(text).details["sources"]
    kinds = [r["kind"] for r in rows]
    assert kinds == sorted(kinds, key=lambda k: k != "named")
    unnamed = [r for r in rows if r["kind"] == "unnamed"]
    assert unnamed[0] == {"source": "officials", "kind": "unnamed", "count": 2}


# --- pronouns ---------------------------------------------------------------------------------------


def test_she_resolves_to_the_most_recent_named_person():
    text = ("Deputy Pentagon Press Secretary Sabrina Singh has noted the risk. "
            '"They are moving to Kursk for a reason," she stated on Monday.')
    result = run(text)
    pron = [sp for sp in result.spans if sp.cue == "she"]
    assert pron and pron[0].category == "source" and pron[0].rule == "rule:pronoun=Sabrina Singh"
    assert result.details["attributions"][1]["source"] == "Sabrina Singh"


def test_he_resolves_to_a_titled_name_that_is_not_a_source():
    text = ("Defense Secretary Lloyd Austin's confirmation on Wednesday marked a turning point. "
            "He stated that there was evidence of troops in Russia.")
    assert sources(text) == [("Lloyd Austin", "named")]


def test_they_resolves_to_a_plural_source_and_keeps_its_kind():
    text = "South Korean lawmakers revealed concerns. They noted that the soldiers lacked training."
    assert sources(text) == [("south korean lawmakers", "unnamed"), ("south korean lawmakers", "unnamed")]
    text = "Both Blinken and Austin have emphasized the risk. They argue that China should act."
    assert sources(text)[1] == ("Blinken; Austin", "named")


def test_a_pronoun_without_antecedent_stays_unresolved():
    result = run("He said the plan would work.")
    assert [(sp.category, sp.rule) for sp in result.spans if sp.cue == "He"] == [("source", "rule:pronoun-unresolved")]
    assert result.scores["named_sources"] == 0.0
    assert run("They said the plan would work.").scores["unnamed_source_share"] == 1.0


def test_a_pronoun_looks_back_only_a_few_sentences():
    filler = " ".join(["The river rose again."] * (attribution.PRONOUN_WINDOW + 1))
    text = f"Minister Jane Roe said the dam held. {filler} She said it would hold."
    spans = [sp for sp in run(text).spans if sp.cue == "She"]
    assert spans[0].rule == "rule:pronoun-unresolved"


def test_a_participle_shares_the_source_of_its_clause():
    result = run('A senior military official noted, "We controlled the area.", stressing the fluid situation.')
    rows = result.details["attributions"]
    assert [r["cue"] for r in rows] == ["noted", "stressing"]
    assert rows[0]["source"] == rows[1]["source"] == "a senior military official"
    assert len([sp for sp in result.spans if sp.category == "unnamed_source"]) == 1


# --- content ----------------------------------------------------------------------------------------


def test_content_of_an_interrupted_quotation_spans_both_parts():
    text = '"We will not back down," he said, "and we will win this vote."'
    row = run(text).details["attributions"][0]
    assert (row["content_start"], row["content_end"]) == (0, len(text))  # from the first mark to the last


def test_content_after_and_before_the_cue():
    text = "The senator said that the bill would fail."
    row = run(text).details["attributions"][0]
    assert text[row["content_start"]:row["content_end"]] == "the bill would fail"
    text = "The talks will resume on Tuesday, a diplomat said."
    row = run(text).details["attributions"][0]
    assert text[row["content_start"]:row["content_end"]] == "The talks will resume on Tuesday"
    text = "The troops joined the front, according to various reports."
    row = run(text).details["attributions"][0]
    assert text[row["content_start"]:row["content_end"]] == "The troops joined the front"


def test_a_quotation_after_the_cue_is_its_content():
    text = 'U.S. Defense Secretary Lloyd Austin announced to reporters, "There is evidence of troops," referring to the north.'
    row = run(text).details["attributions"][0]
    assert text[row["content_start"]:row["content_end"]] == '"There is evidence of troops,"'


# --- scores recomputed from the spans -------------------------------------------------------------


def _recompute(doc: Document, spans) -> dict[str, float]:
    n = len(doc.sentences)
    carrying = 0
    for s, e in doc.sentences:
        if any(
            sp.start < e and sp.end > s
            and (sp.category == "attribution" or (sp.category == "quote" and sp.rule != "quote:short"))
            for sp in spans
        ):
            carrying += 1
    quote_chars = sum(sp.end - sp.start for sp in spans if sp.category == "quote")
    named = sum(1 for sp in spans if sp.category == "source")
    unnamed = sum(1 for sp in spans if sp.category == "unnamed_source")
    return {
        "attribution_density": carrying / n if n else math.nan,
        "quote_share": quote_chars / doc.body_chars if doc.body_chars else math.nan,
        "unnamed_source_share": unnamed / (named + unnamed) if named + unnamed else math.nan,
        "named_sources": float(len(attribution.named_source_names(spans))),
        "attributions": float(sum(1 for sp in spans if sp.category == "attribution")),
    }


@pytest.mark.parametrize("path", sorted(SEEDS.glob("0*.txt")), ids=lambda p: p.name[:3])
def test_scores_are_recomputable_from_the_spans(path):
    doc = Document.from_text(path.read_text(encoding="utf-8"))
    result = attribution.score(doc, {"attribution": LEX})
    again = _recompute(doc, result.spans)
    for name, value in result.scores.items():
        assert again[name] == pytest.approx(value, nan_ok=True), name


def test_named_sources_of_the_seeds():
    text = (SEEDS / "001_c12078b06a71b774.txt").read_text(encoding="utf-8")
    names = attribution.named_source_names(run(text).spans)
    assert {"Volodymyr Zelenskyy", "Antony Blinken", "Lloyd Austin", "Sergiy Kyslytsya"} <= set(names)
    assert "Zelenskyy" not in names and "Blinken" not in names


def test_canonical_names():
    assert attribution.canonical_names("U.S. Defense Secretary Lloyd Austin") == [("Lloyd Austin", True)]
    assert attribution.canonical_names("Professor Phillips O’Brien of the University of St. Andrews") == [
        ("Phillips O’Brien", True)
    ]
    assert attribution.canonical_names("the Food and Drug Administration") == [("Food and Drug Administration", False)]
    assert attribution.canonical_names("the company") == [("company", False)]


# --- agreement with the hand labels ---------------------------------------------------------------


def test_seed_labels_match_the_segmentation():
    rows = read_tsv("seeds.tsv")
    for path in sorted(SEEDS.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document.from_text(text)
        labelled = {int(r["start"]): r["text"] for r in rows if r["file"] == path.name}
        assert {s: text[s:e] for s, e in doc.sentences} == labelled


def test_seed_sentences_agree_with_the_hand_labels():
    rows = read_tsv("seeds.tsv")
    pred_a, gold_a, pred_u, gold_u = [], [], [], []
    for path in sorted(SEEDS.glob("0*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8"))
        got = dict(zip((s for s, _ in doc.sentences),
                       attribution.sentence_flags(doc.sentences, attribution.score(doc, {"attribution": LEX}).spans)))
        for r in rows:
            if r["file"] == path.name:
                a, u = got[int(r["start"])]
                pred_a.append(a)
                pred_u.append(u)
                gold_a.append(r["attributed"] == "1")
                gold_u.append(r["unnamed"] == "1")
    assert f1(pred_a, gold_a) >= 0.85
    assert f1(pred_u, gold_u) >= 0.80


@pytest.mark.parametrize("name", ["sentences.tsv", "holdout.tsv"])
def test_written_sentences_agree_with_the_hand_labels(name):
    rows = read_tsv(name)
    assert len(rows) >= 60 and {r["domain"] for r in rows} >= {"politics", "business", "courts", "health"}
    got = [flags(r["text"]) for r in rows]
    assert f1([a for a, _ in got], [r["attributed"] == "1" for r in rows]) >= 0.9
    assert f1([u for _, u in got], [r["unnamed"] == "1" for r in rows]) >= 0.85


# --- the lexicon --------------------------------------------------------------------------------------


def test_lexicon_header_keeps_the_reference_licence():
    assert LEX.name == "attribution" and LEX.version == "1.0.0"
    assert "GenderGapTracker" in LEX.meta["sources"] and "MIT" in LEX.meta["licence"]
    assert "Maite Taboada" in LEX.meta["notice"]
    for category in LEX.categories:
        assert f"category {category}" in LEX.meta, category


def test_a_user_lexicon_replaces_the_bundled_one(tmp_path):
    text = (Path(attribution.__file__).parent / "lexicons" / "attribution.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("speech\tsay|says|said|saying\t")]
    path = tmp_path / "attribution.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mine = load_lexicon(path)
    sentence = "The senator said the bill would fail."
    assert run(sentence).scores["attributions"] == 1.0
    assert run(sentence, mine).scores["attributions"] == 0.0


def test_a_lexicon_with_wildcards_still_matches():
    text = (Path(attribution.__file__).parent / "lexicons" / "attribution.tsv").read_text(encoding="utf-8")
    lex = parse_lexicon(text + "speech\tgrumbl*\n", "test")
    assert run("The farmer grumbled that prices were low.", lex).scores["attributions"] == 1.0


# --- hostile input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "said " * 5_000,
        "according to " * 3_000,
        '"' * 100_000,
        "He said “we will win. " * 2_000,
        "Minister Of Foreign Affairs Spokesman Deputy Director General " * 500,
        "3,000 troops, " * 3_000,
        "They said so. " * 3_000,
    ],
    ids=["said", "according", "quotes", "unbalanced", "titles", "numbers", "they"],
)
def test_hostile_input_gives_valid_spans(text):
    result = run(text)
    for sp in result.spans:
        assert text[sp.start:sp.end] == sp.cue
    assert len(result.details["claims"]) <= max(1, len(Document.from_text(text).sentences)) * attribution.MAX_CLAIMS_PER_SENTENCE
