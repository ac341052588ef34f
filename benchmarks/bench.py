"""Throughput and memory of mediakit, measured side by side with the tools a user would otherwise use.

Run from a source checkout (the seed articles are read from ``seeds/``)::

    python benchmarks/bench.py                 # 1,000 articles of ~600 words
    python benchmarks/bench.py --n 300 --json bench.json

In one run, on the same distinct articles (built by recombining the seed
articles' sentences with a fixed random seed, so no cache can hit), it
measures:

* ``mediakit.analyze`` with the default scorers (all scores and spans), and
  with ``tone=True``;
* each scorer alone: ``boilerplate.extract`` on the raw text, segmentation
  (sentences and words), and every scorer module's ``score()`` on a
  prebuilt, already segmented :class:`mediakit.text.Document`;
* textstat's ``flesch_reading_ease`` plus ``flesch_kincaid_grade`` (its
  whole-text caches are cleared between articles, outside the timing: the
  articles are distinct, so a cache hit would only happen in a benchmark);
* vaderSentiment's ``polarity_scores`` on the whole text;
* peak memory (``tracemalloc`` for one pass of ``analyze``, and the
  process's maximum resident set size);
* the worst time per character of ``analyze`` over adversarial inputs
  (``tests/conftest.py``), and the scorer that dominates it;
* ``mediakit.score`` throughput with ``n_jobs=1`` and ``n_jobs=-1`` on a
  larger batch, and whether both give identical tables.

Every case runs ``--repeats`` times in interleaved rounds (each tool once per
round) and the best round counts, so that load from elsewhere on the machine
does not fall on one tool only.  Absolute numbers depend on the machine; the
ratios (mediakit / peer) are what to compare.  Nothing here is asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import json
import os
import platform
import random
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mediakit  # noqa: E402
from mediakit import core  # noqa: E402
from mediakit.text import Document, sentences  # noqa: E402

_WORDS_RE = re.compile(r"\S+")
TARGET_WORDS = 600


# --- corpus -------------------------------------------------------------------


def seed_pieces() -> tuple[list[str], list[str]]:
    """Sentences of the seed articles (5+ words) and their short furniture lines."""
    sents: list[str] = []
    furniture: list[str] = []
    for art in mediakit.load_seeds():
        text = art.text
        for s, e in sentences(text):
            piece = text[s:e]
            n = len(_WORDS_RE.findall(piece))
            if n >= 5:
                sents.append(piece)
            elif 0 < n <= 4:
                furniture.append(piece)
    return sorted(set(sents)), sorted(set(furniture))


def make_article(rng: random.Random, sents: list[str], furniture: list[str], target: int = TARGET_WORDS) -> str:
    """One news-like article: a headline, furniture lines around paragraphs of recombined sentences."""
    lines = [rng.choice(sents).rstrip(".")]
    lines += rng.sample(furniture, k=min(len(furniture), rng.randint(0, 3)))
    lines.append("")
    words = 0
    while words < target:
        para = [rng.choice(sents) for _ in range(rng.randint(2, 5))]
        words += sum(len(_WORDS_RE.findall(p)) for p in para)
        lines.append(" ".join(para))
        lines.append("")
    lines += rng.sample(furniture, k=min(len(furniture), rng.randint(0, 4)))
    return "\n".join(lines) + "\n"


def build_corpus(n: int, seed: int = 1, target: int = TARGET_WORDS) -> list[str]:
    """``n`` distinct articles of about ``target`` words each, the same for the same seed."""
    sents, furniture = seed_pieces()
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[bytes] = set()
    while len(out) < n:
        text = make_article(rng, sents, furniture, target)
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        if digest not in seen:
            seen.add(digest)
            out.append(text)
    return out


def n_words(texts: list[str]) -> int:
    return sum(len(_WORDS_RE.findall(t)) for t in texts)


# --- timing helpers -------------------------------------------------------------


def timed(fn: Callable[[Any], Any], items: list[Any], before: Callable[[], None] | None = None) -> float:
    """Seconds spent in ``fn`` over ``items``; ``before`` runs before each item, outside the timing."""
    gc.collect()
    total = 0.0
    perf = time.perf_counter
    if before is None:
        t0 = perf()
        for x in items:
            fn(x)
        return perf() - t0
    for x in items:
        before()
        t0 = perf()
        fn(x)
        total += perf() - t0
    return total


def rate(seconds: float, n_articles: int, words: int) -> dict[str, float]:
    return {
        "seconds": round(seconds, 4),
        "articles_per_s": round(n_articles / seconds, 1) if seconds else float("inf"),
        "words_per_s": round(words / seconds) if seconds else float("inf"),
        "ms_per_article": round(1000 * seconds / n_articles, 4),
    }


def textstat_caches() -> list[Any]:
    """textstat's whole-text caches (its word-list and dictionary loaders are kept warm)."""
    import textstat.backend as backend

    found = []
    for sub in ("counts", "metrics", "selections", "transformations", "validations"):
        try:
            pkg = importlib.import_module(f"textstat.backend.{sub}")
        except ImportError:
            continue
        for name in sorted(dir(pkg)):
            obj = getattr(pkg, name)
            if callable(obj) and hasattr(obj, "cache_clear"):
                found.append(obj)
    del backend
    return found


# --- the measurements ---------------------------------------------------------------


class Case:
    """One thing to time: ``fn`` over the items ``prepare()`` builds (outside the timing)."""

    def __init__(self, name: str, fn: Callable[[Any], Any], prepare: Callable[[], list[Any]],
                 before: Callable[[], None] | None = None, warm: Callable[[], None] | None = None) -> None:
        self.name, self.fn, self.prepare, self.before, self.warm = name, fn, prepare, before, warm
        self.best = float("inf")


def cases(texts: list[str]) -> list[Case]:
    """mediakit, each of its parts, and the peers, on the same articles."""
    out = [
        Case("analyze", mediakit.analyze, lambda: texts, warm=lambda: [mediakit.analyze(t) for t in texts[:20]]),
        Case("analyze_tone", lambda t: mediakit.analyze(t, tone=True), lambda: texts,
             warm=lambda: [mediakit.analyze(t, tone=True) for t in texts[:5]]),
    ]
    bp = core.scorer_module("boilerplate")
    out.append(Case("boilerplate.extract", bp.extract, lambda: texts))
    extracted = [bp.extract(t) for t in texts]

    def fresh_docs() -> list[Document]:
        return [Document(r.text, tuple(r.body)) for r in extracted]

    def segment(doc: Document) -> None:
        doc.sentences, doc.words, doc.n_words, doc._sentence_starts  # noqa: B018

    def segmented_docs() -> list[Document]:
        docs = fresh_docs()
        for d in docs:
            segment(d)
        return docs

    out.append(Case("segmentation", segment, fresh_docs))
    for name in core.active_scorers(tone=True):
        if name == "boilerplate":
            continue
        mod = core.scorer_module(name)
        lex = core._resolve_lexicons(tuple(getattr(mod, "LEXICONS", ())), None)
        out.append(Case(f"{name}.score", lambda d, m=mod, lx=lex: m.score(d, lx), segmented_docs,
                        warm=lambda m=mod, lx=lex: [m.score(d, lx) for d in segmented_docs()[:10]]))
    try:
        import textstat

        caches = textstat_caches()

        def clear() -> None:
            for c in caches:
                c.cache_clear()

        def ts(t: str) -> None:
            textstat.flesch_reading_ease(t)
            textstat.flesch_kincaid_grade(t)

        out.append(Case("textstat_flesch_2", ts, lambda: texts, before=clear, warm=lambda: [ts(t) for t in texts[:20]]))
    except ImportError:
        pass
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sia = SentimentIntensityAnalyzer()
        out.append(Case("vader_polarity_scores", sia.polarity_scores, lambda: texts,
                        warm=lambda: [sia.polarity_scores(t) for t in texts[:5]]))
    except ImportError:
        pass
    return out


def run_cases(texts: list[str], repeats: int) -> dict[str, dict[str, float]]:
    """Best of ``repeats`` interleaved rounds (every case once per round), so that a burst of
    load from elsewhere on the machine does not fall on one tool only."""
    words = n_words(texts)
    todo = cases(texts)
    for c in todo:
        if c.warm:
            c.warm()
    for _ in range(repeats):
        for c in todo:
            items = c.prepare()
            c.best = min(c.best, timed(c.fn, items, c.before))
    return {c.name: rate(c.best, len(texts), words) for c in todo}


def bench_memory(texts: list[str]) -> dict[str, Any]:
    gc.collect()
    tracemalloc.start()
    peak_one = 0
    for t in texts:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        mediakit.analyze(t)
        peak_one = max(peak_one, tracemalloc.get_traced_memory()[1] - base)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "tracemalloc_peak_per_analyze_kib": round(peak_one / 1024, 1),
        "tracemalloc_peak_pass_mib": round(peak / 2**20, 2),
        "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def bench_adversarial() -> dict[str, Any]:
    """Worst time per character of analyze over hostile inputs, and the scorer that dominates it."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.conftest import adversarial_inputs
    except ImportError:
        return {"skipped": "tests/conftest.py not found"}
    rows = []
    for name, text in adversarial_inputs().items():
        t0 = time.perf_counter()
        mediakit.analyze(text)
        dt = time.perf_counter() - t0
        rows.append({"input": name, "chars": len(text), "seconds": round(dt, 4),
                     "ns_per_char": round(1e9 * dt / len(text), 1), "parts": part_times(text)})
    rows.sort(key=lambda r: -r["ns_per_char"])
    return {"worst": rows[0], "all": rows}


def part_times(text: str) -> dict[str, float]:
    """Seconds per pipeline part for one text (to name a slow scorer)."""
    bp = core.scorer_module("boilerplate")
    parts: dict[str, float] = {}
    t0 = time.perf_counter()
    r = bp.extract(text)
    parts["boilerplate"] = time.perf_counter() - t0
    doc = Document(r.text, tuple(r.body))
    t0 = time.perf_counter()
    doc.sentences, doc.words  # noqa: B018
    parts["segmentation"] = time.perf_counter() - t0
    for name in core.active_scorers(tone=False):
        if name == "boilerplate":
            continue
        mod = core.scorer_module(name)
        lex = core._resolve_lexicons(tuple(getattr(mod, "LEXICONS", ())), None)
        t0 = time.perf_counter()
        mod.score(doc, lex)
        parts[name] = time.perf_counter() - t0
    return {k: round(v, 4) for k, v in parts.items()}


def bench_big_line(mb: float, texts: list[str]) -> dict[str, Any]:
    """One single-line text of ``mb`` megabytes through analyze, timed per part."""
    one = " ".join(t.replace("\n", " ") for t in texts)
    n = int(mb * 1_000_000)
    big = (one * (n // len(one) + 1))[:n]
    t0 = time.perf_counter()
    an = mediakit.analyze(big)
    total = time.perf_counter() - t0
    return {"chars": len(big), "seconds": round(total, 2), "spans": len(an.spans),
            "parts": part_times(big), "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def bench_jobs(texts: list[str], factor: int, rounds: int = 2) -> dict[str, Any]:
    """``mediakit.score`` with one process and with every core, alternated, best of ``rounds``."""
    import pandas as pd

    batch = [mediakit.Article(id=f"a{i:06d}", text=t) for i, t in enumerate(texts * factor)]
    words = n_words([a.text for a in batch])
    best = {1: float("inf"), -1: float("inf")}
    tables = {}
    for _ in range(rounds):
        for n_jobs in (1, -1):
            t0 = time.perf_counter()
            tables[n_jobs] = mediakit.score(batch, n_jobs=n_jobs, progress=False)
            best[n_jobs] = min(best[n_jobs], time.perf_counter() - t0)
    try:
        pd.testing.assert_frame_equal(tables[1], tables[-1], check_exact=True)
        same = True
    except AssertionError:
        same = False
    return {
        "articles": len(batch),
        "cpus": os.cpu_count(),
        "n_jobs_1": rate(best[1], len(batch), words),
        "n_jobs_-1": rate(best[-1], len(batch), words),
        "speedup": round(best[1] / best[-1], 2),
        "identical": same,
    }


def ratio(a: dict | None, b: dict | None) -> float | None:
    if not a or not b:
        return None
    return round(a["articles_per_s"] / b["articles_per_s"], 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed of the corpus (default 1)")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE ('-': stdout only)")
    ap.add_argument("--repeats", type=int, default=3, help="interleaved rounds; the best is kept (default 3)")
    ap.add_argument("--jobs-factor", type=int, default=4, help="the n_jobs batch is N x this (default 4; 0 skips)")
    ap.add_argument("--big-mb", type=float, default=0, help="also time one single-line text of this many MB")
    ap.add_argument("--skip-adversarial", action="store_true")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    texts = build_corpus(args.n, args.seed)
    words = n_words(texts)
    res: dict[str, Any] = {
        "mediakit": mediakit.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "articles": len(texts),
        "words": words,
        "words_per_article": round(words / len(texts), 1),
        "seed": args.seed,
    }
    rates = run_cases(texts, args.repeats)
    res["repeats"] = args.repeats
    res["mediakit_rates"] = {k: rates[k] for k in ("analyze", "analyze_tone")}
    peers = ("textstat_flesch_2", "vader_polarity_scores")
    res["scorers"] = {k: v for k, v in rates.items() if k not in res["mediakit_rates"] and k not in peers}
    res["peers"] = {k: rates.get(k) for k in peers}
    an = res["mediakit_rates"]["analyze"]
    res["ratios"] = {
        "analyze_vs_textstat_flesch_2": ratio(an, res["peers"].get("textstat_flesch_2")),
        "analyze_vs_vader": ratio(an, res["peers"].get("vader_polarity_scores")),
        "analyze_tone_vs_vader": ratio(res["mediakit_rates"]["analyze_tone"], res["peers"].get("vader_polarity_scores")),
        "readability_scorer_vs_textstat_flesch_2": ratio(res["scorers"].get("readability.score"),
                                                         res["peers"].get("textstat_flesch_2")),
    }
    res["memory"] = bench_memory(texts[: min(len(texts), 300)])
    if not args.skip_adversarial:
        res["adversarial"] = bench_adversarial()
    if args.big_mb:
        res["big_line"] = bench_big_line(args.big_mb, texts)
    if args.jobs_factor:
        res["n_jobs"] = bench_jobs(texts, args.jobs_factor)
    res["memory"]["max_rss_mib_end"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    res["wall_seconds"] = round(time.perf_counter() - t_start, 1)
    report(res)
    if args.json and args.json != "-":
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    elif args.json == "-":
        print(json.dumps(res, indent=1))
    return 0


def report(res: dict[str, Any]) -> None:
    p = print
    p(f"mediakit {res['mediakit']}, Python {res['python']}, {res['cpus']} CPUs; "
      f"{res['articles']} distinct articles, {res['words_per_article']} words each on average (seed {res['seed']}); "
      f"best of {res['repeats']} interleaved rounds")
    p("")
    p(f"{'':38s} {'articles/s':>11s} {'words/s':>11s} {'ms/article':>11s}")

    def line(name: str, r: dict | None) -> None:
        if r:
            p(f"{name:38s} {r['articles_per_s']:11.1f} {r['words_per_s']:11.0f} {r['ms_per_article']:11.3f}")

    line("mediakit.analyze (default scorers)", res["mediakit_rates"]["analyze"])
    line("mediakit.analyze (tone=True)", res["mediakit_rates"]["analyze_tone"])
    for k, v in res["scorers"].items():
        line(f"  {k}", v)
    line("textstat flesch_reading_ease + FK grade", res["peers"].get("textstat_flesch_2"))
    line("vaderSentiment polarity_scores", res["peers"].get("vader_polarity_scores"))
    p("")
    for k, v in res["ratios"].items():
        p(f"ratio {k:42s} {v}x" if v is not None else f"ratio {k:42s} n/a")
    p("")
    m = res["memory"]
    p(f"memory: tracemalloc peak per analyze {m['tracemalloc_peak_per_analyze_kib']} KiB, "
      f"max RSS {m['max_rss_mib_end']} MiB")
    if "adversarial" in res and "worst" in res["adversarial"]:
        w = res["adversarial"]["worst"]
        p(f"adversarial worst case: {w['input']} ({w['chars']} chars) {w['seconds']} s = {w['ns_per_char']} ns/char; "
          f"parts {w['parts']}")
    if "big_line" in res:
        b = res["big_line"]
        p(f"single line of {b['chars']} chars: {b['seconds']} s; parts {b['parts']}; max RSS {b['max_rss_mib']} MiB")
    if "n_jobs" in res:
        j = res["n_jobs"]
        p(f"score() on {j['articles']} articles: n_jobs=1 {j['n_jobs_1']['articles_per_s']}/s, "
          f"n_jobs=-1 {j['n_jobs_-1']['articles_per_s']}/s (x{j['speedup']} on {j['cpus']} CPUs), "
          f"identical: {j['identical']}")
    p(f"wall time {res['wall_seconds']} s")


if __name__ == "__main__":
    sys.exit(main())
