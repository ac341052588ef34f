"""Sentence-level evaluation of hedge detection: "does this sentence contain a hedge?"

Run by hand (not a test): ``python benchmarks/eval_hedging.py [--errors N] [--wiki PATH]``.

Data sets
    seeds     every sentence of the five seed articles, labelled by hand
              (``tests/data/hedging/seeds.tsv``; sentences found with
              :func:`mediakit.text.sentences` over each whole file).
    news      news-style sentences written and labelled for mediakit
              (``tests/data/hedging/news.tsv``).
    heldout   sentences written and labelled after the rules were in place and
              scored blind once before any rule was changed for them
              (``tests/data/hedging/heldout.tsv``; see its README).
    wiki      the Wikipedia part of the Szeged Uncertainty Corpus
              (``../shared/data/uncertainty/wiki.xml``, CC BY-SA, not part of
              mediakit); skipped when the file is missing.

How the Wikipedia cues count
    A sentence is *uncertain* when it holds a ``speculation_modal_probable_``,
    ``speculation_modal_possible_`` or ``speculation_hypo_doxastic _`` cue.
    Conditional (``if``, ``unless``) and investigation (``whether``,
    ``examine``) cues are a different phenomenon from hedging in news:
    mediakit does not count them as hedges, so sentences whose only cues are
    of those two types are left out of the main score (they are neither right
    nor wrong); the line "wiki, condition/investigation as certain" scores
    them as negatives instead.  Titles (``DocumentPart type="Title"``) are
    left out: they are article names, not sentences.

A sentence counts as hedged by mediakit when a ``hedge`` span starts in it.
Each sentence is scored on its own, as a one-line document.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mediakit import hedging  # noqa: E402
from mediakit.lexicon import load_lexicon  # noqa: E402
from mediakit.text import Document  # noqa: E402

DATA = ROOT / "tests" / "data" / "hedging"
WIKI = ROOT.parent / "shared" / "data" / "uncertainty" / "wiki.xml"
HEDGE_TYPES = ("modal_probable", "modal_possible", "doxastic")
OTHER_TYPES = ("condition", "investigation")


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln.rstrip("\n") for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:] if ln]


def hedged_sentence_starts(text: str, lexicon) -> set[int]:
    """Start offsets of the sentences (of the whole text) that hold a hedge span."""
    from bisect import bisect_right

    doc = Document.from_text(text)
    starts = [s for s, _ in doc.sentences]
    return {starts[bisect_right(starts, sp.start) - 1]
            for sp in hedging.find_spans(doc, lexicon) if sp.category == "hedge"}


def is_hedged(sentence: str, lexicon) -> bool:
    doc = Document(sentence, ((0, len(sentence)),))
    return any(sp.category == "hedge" for sp in hedging.find_spans(doc, lexicon))


class Tally:
    def __init__(self, name: str) -> None:
        self.name, self.tp, self.fp, self.fn, self.tn = name, 0, 0, 0, 0
        self.errors: list[tuple[str, str]] = []

    def add(self, gold: bool, pred: bool, text: str) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
            self.errors.append(("FP", text))
        elif gold:
            self.fn += 1
            self.errors.append(("FN", text))
        else:
            self.tn += 1

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def line(self) -> str:
        p, r, f = self.prf()
        n = self.tp + self.fp + self.fn + self.tn
        return (f"{self.name:42s} n={n:6d} gold+={self.tp + self.fn:5d}  "
                f"P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={self.tp} fp={self.fp} fn={self.fn})")


def eval_seeds(lexicon) -> Tally:
    tally = Tally("seeds (5 articles, every sentence)")
    rows = read_tsv(DATA / "seeds.tsv")
    by_file: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_file.setdefault(row["file"], []).append(row)
    for name, items in sorted(by_file.items()):
        text = (ROOT / "seeds" / name).read_bytes().decode("utf-8")
        found = hedged_sentence_starts(text, lexicon)
        for row in items:
            tally.add(row["hedge"] == "1", int(row["start"]) in found, row["text"])
    return tally


def eval_sentences(lexicon, file: str, name: str) -> Tally:
    tally = Tally(name)
    path = DATA / file
    if not path.exists():
        return tally
    for row in read_tsv(path):
        tally.add(row["hedge"] == "1", is_hedged(row["text"], lexicon), row["text"])
    return tally


def wiki_sentences(path: Path):
    """(text, cue types) for every text sentence of the corpus."""
    tree = ET.parse(path)
    for part in tree.iter("DocumentPart"):
        if part.get("type") == "Title":
            continue
        for sent in part.iter("Sentence"):
            text = "".join(sent.itertext())
            types = {c.get("type", "").replace("speculation_", "").strip(" _") for c in sent.iter("ccue")}
            yield text, types


def eval_wiki(lexicon, path: Path) -> tuple[Tally, Tally] | None:
    if not path.exists():
        return None
    main = Tally("wiki (condition/investigation-only left out)")
    strict = Tally("wiki, condition/investigation as certain")
    for text, types in wiki_sentences(path):
        text = " ".join(text.split())
        if not text:
            continue
        gold = any(t.endswith(HEDGE_TYPES) for t in types)
        pred = is_hedged(text, lexicon)
        strict.add(gold, pred, text)
        if gold or not types:
            main.add(gold, pred, text)
    return main, strict


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=0, help="show up to N false positives/negatives per set")
    ap.add_argument("--wiki", type=Path, default=WIKI, help="path to the Szeged Uncertainty Corpus wiki.xml")
    ap.add_argument("--lexicon", default="hedging", help="lexicon name or path (default: the bundled one)")
    args = ap.parse_args(argv)
    lexicon = load_lexicon(args.lexicon)
    t0 = time.perf_counter()
    tallies = [eval_seeds(lexicon), eval_sentences(lexicon, "news.tsv", "news (written for mediakit)"),
               eval_sentences(lexicon, "heldout.tsv", "heldout news (first scored blind)")]
    wiki = eval_wiki(lexicon, args.wiki)
    if wiki is None:
        print(f"wiki: {args.wiki} not found; skipped", file=sys.stderr)
    else:
        tallies.extend(wiki)
    news_all = Tally("seeds + news + heldout")
    for t in tallies[:3]:
        for k in ("tp", "fp", "fn", "tn"):
            setattr(news_all, k, getattr(news_all, k) + getattr(t, k))
    tallies.insert(3, news_all)
    for t in tallies:
        print(t.line())
    print(f"({time.perf_counter() - t0:.1f} s)")
    if args.errors:
        for t in tallies:
            if t.errors:
                print(f"\n== {t.name}: first {args.errors} errors")
                for kind, text in t.errors[: args.errors]:
                    print(f"{kind}  {text[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
