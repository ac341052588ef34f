"""Fingerprint mediakit's output over a wide corpus, to prove a change leaves it unchanged.

A speed-up must not move a single score or span. This script analyses every text it can
find (the seeds, the benchmark's recombined articles, the labelled test data, and, when
present, the hedge-annotated Wikipedia corpus in ``../shared/data/uncertainty``) and stores
one digest of ``analyze(text).to_dict()`` per text::

    python scripts/fingerprint.py --save /tmp/before.json     # before the change
    python scripts/fingerprint.py --compare /tmp/before.json  # after it: exit 1 on any change

On a difference it prints the first texts that changed and the first keys that differ.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import mediakit  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "uncertainty" / "wiki.xml"


def _tsv_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["text"] for r in rows if r.get("text")]


def _wiki_sentences(limit: int, path: Path = SHARED) -> list[str]:
    if limit <= 0 or not path.exists():
        return []
    raw = path.read_text(encoding="utf-8", errors="replace")
    out = []
    for m in re.finditer(r"<Sentence[^>]*>(.*?)</Sentence>", raw, re.S):
        out.append(re.sub(r"<[^>]+>", "", m.group(1)))
        if len(out) >= limit:
            break
    return out


def corpus(n_bench: int, n_wiki: int, wiki_file: Path = SHARED) -> Iterator[tuple[str, str]]:
    """(name, text) pairs, always in the same order."""
    import bench

    for art in mediakit.load_seeds():
        yield f"seed:{art.id}", art.text
    for i, text in enumerate(bench.build_corpus(n_bench, seed=7)):
        yield f"bench:{i}", text
    data = ROOT / "tests" / "data"
    for path in sorted((data / "boilerplate").glob("*.txt")):
        yield f"boilerplate:{path.name}", path.read_text(encoding="utf-8")
    for path in sorted(data.glob("*/*.tsv")):
        texts = _tsv_texts(path)
        for i, text in enumerate(texts):
            yield f"{path.parent.name}/{path.name}:{i}", text
        # The same sentences as running paragraphs, so that rules see their neighbours.
        for i in range(0, len(texts), 8):
            yield f"{path.parent.name}/{path.name}:para{i}", " ".join(texts[i : i + 8])
    wiki = _wiki_sentences(n_wiki, wiki_file)
    for i in range(0, len(wiki), 10):
        yield f"wiki:{i}", " ".join(wiki[i : i + 10])


def digest(result: dict) -> str:
    blob = json.dumps(result, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=12).hexdigest()


def run(n_bench: int, n_wiki: int, tone: bool, wiki_file: Path = SHARED) -> tuple[dict[str, str], dict[str, dict]]:
    digests: dict[str, str] = {}
    full: dict[str, dict] = {}
    for name, text in corpus(n_bench, n_wiki, wiki_file):
        res = mediakit.analyze(text, tone=tone).to_dict()
        digests[name] = digest(res)
        full[name] = res
    return digests, full


def _first_diff(a, b, path: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {'new' if k in b else 'old'}"
            d = _first_diff(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = _first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        return None
    if a != a and b != b:  # both NaN
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", metavar="FILE", help="write the fingerprints (and full results) to FILE")
    g.add_argument("--compare", metavar="FILE", help="compare with fingerprints saved earlier")
    ap.add_argument("--bench", type=int, default=200, help="recombined benchmark articles (default 200)")
    ap.add_argument("--wiki", type=int, default=3000, help="Wikipedia sentences, when present (default 3000)")
    ap.add_argument("--wiki-file", type=Path, default=SHARED,
                    help="the Szeged uncertainty corpus's wiki.xml (default: ../shared/data/uncertainty/wiki.xml)")
    ap.add_argument("--tone", action="store_true", help="include the opt-in tone scorer")
    args = ap.parse_args(argv)

    digests, full = run(args.bench, args.wiki, args.tone, args.wiki_file)
    if args.save:
        Path(args.save).write_text(
            json.dumps({"digests": digests, "full": full}, sort_keys=True, ensure_ascii=False, default=repr),
            encoding="utf-8",
        )
        print(f"{len(digests)} texts fingerprinted -> {args.save}")
        return 0

    old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    changed = [k for k in old["digests"] if digests.get(k) != old["digests"][k]]
    missing = sorted(set(old["digests"]) ^ set(digests))
    if missing:
        print(f"corpus differs: {len(missing)} texts only on one side (first: {missing[:3]})")
    for name in changed[:5]:
        new = json.loads(json.dumps(full.get(name), sort_keys=True, ensure_ascii=False, default=repr))
        print(f"CHANGED {name}: {_first_diff(old['full'][name], new)}")
    print(f"{len(digests)} texts compared, {len(changed)} changed")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
