"""Evaluate the attribution scorer against the hand labels in tests/data/attribution/.

Two sentence-level labels are scored: "carries attributed content" (a
reporting cue, a source, or a direct quotation) and "attributed to an unnamed
or vague source".  For each label the script prints precision, recall, F1 and
Cohen's kappa on

* the seed articles (``seeds.tsv``), once for the body sentences that the
  boilerplate classifier keeps and once for every sentence;
* the written sentence set (``sentences.tsv``) and the held-out set written
  after the rules (``holdout.tsv``), each sentence scored as its own article.

It also prints the per-article attribution density (predicted and labelled)
and, when the reference lexicons are available (../shared/data), a baseline
that flags a sentence when it holds a verb of GenderGapTracker's quote verb
list or a direct quotation.  Run from the repository root::

    python benchmarks/eval_attribution.py
"""

from __future__ import annotations

import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediakit import attribution  # noqa: E402
from mediakit.core import scorer_module  # noqa: E402
from mediakit.lexicon import load_lexicon  # noqa: E402
from mediakit.text import Document  # noqa: E402

DATA = ROOT / "tests" / "data" / "attribution"
SEEDS = ROOT / "seeds"
GGT = ROOT.parent / "shared" / "data" / "reference-lexicons" / "gendergaptracker" / "quote_verb_list.txt"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def metrics(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    tn = len(pred) - tp - fp - fn
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else 0.0
    n = len(pred)
    po = (tp + tn) / n if n else float("nan")
    pe = (((tp + fp) * (tp + fn)) + ((fn + tn) * (fp + tn))) / (n * n) if n else float("nan")
    kappa = (po - pe) / (1 - pe) if n and pe != 1 else float("nan")
    return {"n": n, "P": p, "R": r, "F1": f, "kappa": kappa}


def show(title: str, pred_a, gold_a, pred_u, gold_u) -> None:
    a = metrics(pred_a, gold_a)
    u = metrics(pred_u, gold_u)
    print(f"{title} (n={a['n']})")
    for name, m in (("attributed", a), ("unnamed   ", u)):
        print(f"  {name}  P={m['P']:.3f}  R={m['R']:.3f}  F1={m['F1']:.3f}  kappa={m['kappa']:.3f}")


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5 if sxx and syy else float("nan")


def baseline_flags(text: str, sentences, verbs: set[str]) -> list[bool]:
    words = re.compile(r"[A-Za-z]+")
    quote = re.compile(r"[\"“”]")
    return [
        any(w.lower() in verbs for w in words.findall(text, s, e)) or len(quote.findall(text, s, e)) >= 2
        for s, e in sentences
    ]


def main() -> int:
    lex = {"attribution": load_lexicon("attribution")}
    boilerplate = scorer_module("boilerplate")
    verbs = set(GGT.read_text(encoding="utf-8").split()) if GGT.is_file() else None

    attribution.score(Document.from_text("Officials said so."), lex)  # compile the lexicon before timing
    labels = read_tsv(DATA / "seeds.tsv")
    by_file: dict[str, dict[int, dict[str, str]]] = {}
    for row in labels:
        by_file.setdefault(row["file"], {})[int(row["start"])] = row

    body_p_a, body_g_a, body_p_u, body_g_u = [], [], [], []
    all_p_a, all_g_a, all_p_u, all_g_u = [], [], [], []
    base_p, base_g = [], []
    dens_pred, dens_gold = [], []
    missing = 0
    elapsed = 0.0
    n_words = 0
    for name in sorted(by_file):
        text = (SEEDS / name).read_text(encoding="utf-8")
        lab = by_file[name]
        body = tuple(boilerplate.extract(text).body)
        for scope, doc in (("body", Document(text, body)), ("all", Document.from_text(text))):
            t0 = time.perf_counter()
            result = attribution.score(doc, lex)
            if scope == "body":
                elapsed += time.perf_counter() - t0
                n_words += doc.n_words
            flags = attribution.sentence_flags(doc.sentences, result.spans)
            pa, ga, pu, gu = [], [], [], []
            for (s, _e), (fa, fu) in zip(doc.sentences, flags):
                row = lab.get(s)
                if row is None:
                    missing += 1
                    continue
                pa.append(fa)
                ga.append(row["attributed"] == "1")
                pu.append(fu)
                gu.append(row["unnamed"] == "1")
            if scope == "body":
                body_p_a += pa
                body_g_a += ga
                body_p_u += pu
                body_g_u += gu
                dens_pred.append(result.scores["attribution_density"])
                dens_gold.append(sum(ga) / len(ga) if ga else float("nan"))
                if verbs is not None:
                    kept = [s for s in doc.sentences if s[0] in lab]
                    base_p += baseline_flags(text, kept, verbs)
                    base_g += [lab[s[0]]["attributed"] == "1" for s in kept]
            else:
                all_p_a += pa
                all_g_a += ga
                all_p_u += pu
                all_g_u += gu
    show("Seeds, body sentences (boilerplate removed)", body_p_a, body_g_a, body_p_u, body_g_u)
    show("Seeds, every sentence", all_p_a, all_g_a, all_p_u, all_g_u)
    if missing:
        print(f"  ({missing} sentences without a label: the segmentation changed since labelling)")
    print("  density per article (predicted / labelled):",
          ", ".join(f"{p:.2f}/{g:.2f}" for p, g in zip(dens_pred, dens_gold)),
          f" r={pearson(dens_pred, dens_gold):.3f}")
    if verbs is not None:
        m = metrics(base_p, base_g)
        print(f"  baseline (quote verb list + quotation marks), attributed: P={m['P']:.3f} R={m['R']:.3f} "
              f"F1={m['F1']:.3f} kappa={m['kappa']:.3f}")
    else:
        print("  baseline skipped: ../shared/data/reference-lexicons is not available")

    for fname, title in (("sentences.tsv", "Written sentences"), ("holdout.tsv", "Held-out sentences")):
        rows = read_tsv(DATA / fname)
        pa, ga, pu, gu = [], [], [], []
        bp = []
        for row in rows:
            doc = Document.from_text(row["text"])
            result = attribution.score(doc, lex)
            flags = attribution.sentence_flags(doc.sentences, result.spans)
            pa.append(any(f for f, _ in flags))
            pu.append(any(f for _, f in flags))
            ga.append(row["attributed"] == "1")
            gu.append(row["unnamed"] == "1")
            if verbs is not None:
                bp.append(any(baseline_flags(row["text"], doc.sentences, verbs)))
        show(title, pa, ga, pu, gu)
        if verbs is not None:
            m = metrics(bp, ga)
            print(f"  baseline, attributed: P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f} kappa={m['kappa']:.3f}")
    if n_words:
        print(f"Speed: {elapsed / n_words * 600 * 1e6:.0f} microseconds per 600 words (seed bodies, one run; "
              "benchmarks/bench.py measures it properly)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
