"""Where ``mediakit.analyze`` spends its time: per-part timings and cProfile's top functions per scorer.

Run from a source checkout::

    python benchmarks/profile_analyze.py               # 200 bench articles
    python benchmarks/profile_analyze.py --n 300 --top 15 --rounds 5

It builds the same corpus as ``benchmarks/bench.py`` (recombined seed
sentences, ~600 words per article), then

1. times each part of the pipeline (boilerplate extraction, segmentation,
   every scorer on a prebuilt Document) and the whole ``analyze``, together
   with textstat's two Flesch formulas and vaderSentiment's
   ``polarity_scores``, interleaved in rounds and keeping the best round of
   each, so that a machine loaded by other processes disturbs the ratios as
   little as possible;
2. profiles ``analyze`` over the corpus with cProfile and prints, for each
   scorer module (and for segmentation, the pipeline and the standard
   library), the functions with the most own time.

A development tool: nothing is asserted, nothing is written.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mediakit  # noqa: E402
from mediakit import _native  # noqa: E402
from mediakit import core  # noqa: E402
from mediakit.text import Document  # noqa: E402

from benchmarks.bench import build_corpus, textstat_caches  # noqa: E402


def _parts(texts: list[str]) -> dict[str, Callable[[], None]]:
    """One callable per pipeline part, each running that part over every text."""
    bp = core.scorer_module("boilerplate")
    extracted = [bp.extract(t) for t in texts]

    def docs() -> list[Document]:
        return [Document(r.text, tuple(r.body)) for r in extracted]

    def segmentation() -> None:
        for d in docs():
            d.sentences, d.words, d.n_words  # noqa: B018

    parts: dict[str, Callable[[], None]] = {
        "analyze": lambda: [mediakit.analyze(t) for t in texts],
        "boilerplate.extract": lambda: [bp.extract(t) for t in texts],
        "segmentation": segmentation,
    }
    for name in core.active_scorers():
        if name == "boilerplate":
            continue
        mod = core.scorer_module(name)
        lex = core._resolve_lexicons(tuple(getattr(mod, "LEXICONS", ())), None)

        def run(mod: Any = mod, lex: Any = lex) -> None:
            # segmentation is done outside the timing, on fresh Documents
            ds = docs()
            for d in ds:
                d.sentences, d.words, d.n_words  # noqa: B018
            t0 = time.perf_counter()
            for d in ds:
                mod.score(d, lex)
            return time.perf_counter() - t0  # type: ignore[return-value]

        parts[f"{name}.score"] = run
    try:
        import textstat

        caches = textstat_caches()

        def ts() -> float:
            total = 0.0
            for t in texts:
                for c in caches:
                    c.cache_clear()
                t0 = time.perf_counter()
                textstat.flesch_reading_ease(t)
                textstat.flesch_kincaid_grade(t)
                total += time.perf_counter() - t0
            return total

        parts["textstat flesch x2"] = ts
    except ImportError:
        pass
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sia = SentimentIntensityAnalyzer()
        parts["vader polarity_scores"] = lambda: [sia.polarity_scores(t) for t in texts]
    except ImportError:
        pass
    return parts


def time_parts(texts: list[str], rounds: int) -> dict[str, float]:
    """Best-of-``rounds`` milliseconds per article for every part, rounds interleaved."""
    parts = _parts(texts)
    for fn in parts.values():  # warm-up: lexicons, regexes, syllable cache
        fn()
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(rounds):
        for name, fn in parts.items():
            gc.collect()
            t0 = time.perf_counter()
            inner = fn()
            dt = inner if isinstance(inner, float) else time.perf_counter() - t0
            best[name] = min(best[name], 1000 * dt / len(texts))
    return dict(best)


def _group(filename: str) -> str:
    p = Path(filename)
    if p.parent.name == "mediakit":
        return {"text.py": "segmentation (text.py)", "core.py": "pipeline (core.py)"}.get(p.name, p.stem)
    if filename.startswith("~") or "<" in filename:
        return "builtins (C)"
    return "other: " + (p.parent.name or "?")


def profile(texts: list[str], top: int) -> None:
    for t in texts[:10]:
        mediakit.analyze(t)
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        mediakit.analyze(t)
    prof.disable()
    stats = pstats.Stats(prof)
    groups: dict[str, list[tuple[float, float, int, str]]] = defaultdict(list)
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        groups[_group(filename)].append((tottime, cumtime, ncalls, f"{func} ({Path(filename).name}:{line})"))
    n = len(texts)
    order = sorted(groups, key=lambda g: -sum(r[0] for r in groups[g]))
    print(f"\ncProfile of analyze over {n} articles (own time, ms per article; profiling inflates small calls)")
    compiled = sorted(name for name, used in _native.status().items() if used)
    if compiled:
        print(f"(compiled modules show as one call each: {', '.join(compiled)}; "
              "run with MEDIAKIT_PURE_PYTHON=1 to see their functions)")
    for g in order:
        rows = sorted(groups[g], reverse=True)
        total = sum(r[0] for r in rows)
        print(f"\n{g}: {1000 * total / n:.3f} ms/article own time")
        for tottime, cumtime, ncalls, name in rows[:top]:
            print(f"  {1000 * tottime / n:8.4f} own {1000 * cumtime / n:8.4f} cum {ncalls / n:9.1f} calls  {name}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds, best kept (default 3; 0 skips)")
    ap.add_argument("--top", type=int, default=8, help="functions shown per group (default 8)")
    ap.add_argument("--no-profile", action="store_true")
    args = ap.parse_args(argv)
    texts = build_corpus(args.n, args.seed)
    if args.rounds:
        best = time_parts(texts, args.rounds)
        print(f"best of {args.rounds} interleaved rounds over {len(texts)} articles, ms per article")
        for name, ms in best.items():
            print(f"  {name:28s} {ms:8.3f}")
        a = best["analyze"]
        if "textstat flesch x2" in best:
            print(f"  analyze vs textstat: {best['textstat flesch x2'] / a:.2f}x (target >= 1)")
        if "vader polarity_scores" in best:
            print(f"  analyze vs vader:    {best['vader polarity_scores'] / a:.2f}x (target >= 10)")
    if not args.no_profile:
        profile(texts, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
