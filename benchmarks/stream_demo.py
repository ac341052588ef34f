"""Streaming demo: score a generated corpus larger than one wants in memory, in constant memory.

    python benchmarks/stream_demo.py                  # 200,000 articles, CSV and Parquet output
    python benchmarks/stream_demo.py --n 20000 --formats csv --n-jobs -1

It writes ``big.jsonl`` (distinct ~600-word articles recombined from the
seed articles' sentences, see ``bench.py``) into a temporary folder, then
runs the command line exactly as a user would::

    mediakit score big.jsonl --output scores.csv
    mediakit score big.jsonl --output scores.parquet

and reports, for each run, the wall time, the rate (articles per second)
and the peak resident memory of the whole process tree (the command and any
worker processes, sampled every 50 ms), and checks that the output has one
row per input.  Add ``--json FILE`` to keep the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import TARGET_WORDS, make_article, seed_pieces  # noqa: E402


def write_corpus(path: Path, n: int, seed: int) -> dict[str, float]:
    """``n`` articles as JSON Lines (id, outlet, published, title, text); distinct by construction."""
    sents, furniture = seed_pieces()
    rng = random.Random(seed)
    outlets = ["outlet A", "outlet B", "outlet C", "outlet D"]
    t0 = time.perf_counter()
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            # the article number in the text makes every article distinct
            text = make_article(rng, sents, furniture, TARGET_WORDS) + f"Article {i} of the stream demo.\n"
            rec = {"id": f"a{i:07d}", "outlet": outlets[i % 4], "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                   "title": text.split("\n", 1)[0][:120], "text": text}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return {"seconds": round(time.perf_counter() - t0, 1), "bytes": path.stat().st_size}


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    try:
        import psutil

        try:
            proc = psutil.Process(pid)
            procs = [proc, *proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total
    except ImportError:
        pass
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * page
        except (OSError, ValueError):
            pass
        todo.extend(children.get(p, []))
    return total


def mediakit_command() -> list[str]:
    exe = Path(sys.executable).with_name("mediakit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "mediakit"]


def run_cli(corpus: Path, output: Path, n_jobs: int) -> dict[str, object]:
    cmd = [*mediakit_command(), "score", str(corpus), "--output", str(output)]
    if n_jobs != 1:
        cmd += ["--n-jobs", str(n_jobs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, samples = 0, 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        samples += 1
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"command": " ".join(["mediakit", *cmd[cmd.index("score"):]]), "exit": proc.returncode,
            "seconds": round(wall, 1), "peak_rss_mib": round(peak / 2**20, 1), "samples": samples,
            "stderr_tail": err[-500:]}


def count_rows(output: Path) -> int:
    if output.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(output).metadata.num_rows
    with open(output, "rb") as fh:
        return sum(1 for _ in fh) - 1  # header


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200_000, help="articles (default 200,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default="csv,parquet", help="comma-separated output formats (csv, parquet, jsonl)")
    ap.add_argument("--n-jobs", type=int, default=1, help="passed to mediakit score --n-jobs")
    ap.add_argument("--dir", help="work folder (default: a temporary folder, removed afterwards)")
    ap.add_argument("--json", metavar="FILE", help="write the results as JSON")
    args = ap.parse_args(argv)

    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="mediakit-stream-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"articles": args.n, "n_jobs": args.n_jobs, "cpus": os.cpu_count()}
    try:
        corpus = work / "big.jsonl"
        print(f"writing {args.n} articles to {corpus} ...", flush=True)
        results["corpus"] = write_corpus(corpus, args.n, args.seed)
        print(f"  {results['corpus']['bytes'] / 2**20:.0f} MiB in {results['corpus']['seconds']} s", flush=True)
        runs = []
        for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
            out = work / f"scores.{fmt}"
            print(f"mediakit score big.jsonl --output {out.name} ...", flush=True)
            r = run_cli(corpus, out, args.n_jobs)
            r["rows"] = count_rows(out) if out.exists() else 0
            r["rows_match"] = r["rows"] == args.n
            r["articles_per_s"] = round(args.n / r["seconds"], 1)
            r["output_bytes"] = out.stat().st_size if out.exists() else 0
            runs.append(r)
            print(f"  exit {r['exit']}, {r['seconds']} s, {r['articles_per_s']} articles/s, "
                  f"peak RSS {r['peak_rss_mib']} MiB, rows {r['rows']} (match: {r['rows_match']})", flush=True)
            if r["exit"] != 0:
                print(r["stderr_tail"], file=sys.stderr)
        results["runs"] = runs
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0 if all(r["exit"] == 0 and r["rows_match"] for r in results.get("runs", [])) else 1


if __name__ == "__main__":
    sys.exit(main())
