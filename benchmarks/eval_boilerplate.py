"""Evaluate the boilerplate classifier on the labelled documents in tests/data/boilerplate/.

Prints, per document and overall (micro-averaged over lines and over
characters), precision, recall and F1 for the class ``boilerplate``, and the
mean absolute error of ``boilerplate_share`` against the share computed from
the labels.  Documents are grouped by their ``# set:`` header (``seed``,
``dev``: written while the rules were developed, ``heldout``: written
afterwards and not used to tune them).

Usage::

    python benchmarks/eval_boilerplate.py            # the table
    python benchmarks/eval_boilerplate.py -v         # plus every wrongly labelled line
    python benchmarks/eval_boilerplate.py --timing   # plus classifier time per document

The labelled format is described in tests/data/boilerplate/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "boilerplate"
LABELS = {"body": "body", "meta": "metadata", "boil": "boilerplate"}


@dataclass
class Labelled:
    id: str
    set: str
    path: Path
    text: str
    #: (stripped line text, label) for every non-blank line, in order
    lines: list[tuple[str, str]]

    @property
    def share(self) -> float:
        total = sum(len(s) for s, _ in self.lines)
        return sum(len(s) for s, lab in self.lines if lab == "boilerplate") / total if total else float("nan")


def parse(path: Path) -> Labelled:
    """Read one labelled document (see tests/data/boilerplate/README.md)."""
    meta: dict[str, str] = {}
    content: list[str | None] = []
    labels: list[tuple[str, str]] = []
    started = False
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw.startswith("#"):
            if not started and ":" in raw:
                key, _, value = raw[1:].partition(":")
                meta.setdefault(key.strip(), value.strip())
            continue
        if not raw.strip():
            if started:
                content.append(None)
            continue
        code, tab, line = raw.partition("\t")
        if not tab or code not in LABELS:
            raise ValueError(f"{path}: bad label line {raw[:60]!r}")
        started = True
        content.append(line)
        if line.strip():
            labels.append((line.strip(), LABELS[code]))
    while content and content[-1] is None:
        content.pop()
    if "text" in meta:
        text = (ROOT / meta["text"]).read_text(encoding="utf-8")
        actual = [x.strip() for x in text.splitlines() if x.strip()]
        if actual != [s for s, _ in labels]:
            raise ValueError(f"{path}: labelled lines do not match {meta['text']}")
    else:
        text = "\n".join("" if c is None else c for c in content) + "\n"
    return Labelled(meta.get("id", path.stem), meta.get("set", "dev"), path, text, labels)


def load_all(data: Path = DATA) -> list[Labelled]:
    return [parse(p) for p in sorted(data.glob("*.txt"))]


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if p == p and r == r and p + r else float("nan")
    return p, r, f


@dataclass
class Counts:
    ltp: int = 0
    lfp: int = 0
    lfn: int = 0
    ctp: int = 0
    cfp: int = 0
    cfn: int = 0

    def add(self, other: "Counts") -> None:
        for k in ("ltp", "lfp", "lfn", "ctp", "cfp", "cfn"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def evaluate(doc: Labelled):
    from mediakit import boilerplate

    t0 = time.perf_counter()
    res = boilerplate.extract(doc.text)
    elapsed = time.perf_counter() - t0
    pred = [(doc.text[d["start"]:d["end"]], d["label"], d["reason"]) for d in res.details["lines"]]
    if [p[0] for p in pred] != [s for s, _ in doc.lines]:
        raise AssertionError(f"{doc.id}: classifier lines differ from labelled lines")
    c = Counts()
    errors = []
    for (s, truth), (_, label, reason) in zip(doc.lines, pred):
        t = truth == "boilerplate"
        p = label == "boilerplate"
        c.ltp += t and p
        c.lfp += p and not t
        c.lfn += t and not p
        c.ctp += len(s) * (t and p)
        c.cfp += len(s) * (p and not t)
        c.cfn += len(s) * (t and not p)
        if truth != label:
            errors.append((truth, label, reason, s))
    return c, res.scores["boilerplate_share"], errors, elapsed


def fmt(x: float) -> str:
    return "  -  " if x != x else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list wrongly labelled lines")
    ap.add_argument("--timing", action="store_true", help="time the classifier per document (best of 50)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    docs = load_all()
    header = f"{'document':28} {'set':8} {'lines':>5} {'L-P':>6} {'L-R':>6} {'L-F1':>6} {'C-P':>6} {'C-R':>6} {'C-F1':>6} {'share':>6} {'pred':>6} {'|err|':>6}"
    if args.timing:
        header += f" {'ms':>6}"
    print(header)
    groups: dict[str, tuple[Counts, list[float]]] = {}
    total = (Counts(), [])
    for doc in docs:
        c, share, errors, _ = evaluate(doc)
        err = abs(share - doc.share) if share == share and doc.share == doc.share else 0.0
        lp, lr, lf = prf(c.ltp, c.lfp, c.lfn)
        cp, cr, cf = prf(c.ctp, c.cfp, c.cfn)
        row = (f"{doc.id:28} {doc.set:8} {len(doc.lines):5d} {fmt(lp):>6} {fmt(lr):>6} {fmt(lf):>6} "
               f"{fmt(cp):>6} {fmt(cr):>6} {fmt(cf):>6} {doc.share:6.3f} {share:6.3f} {err:6.3f}")
        if args.timing:
            from mediakit import boilerplate
            best = min(_time(boilerplate.extract, doc.text) for _ in range(50))
            row += f" {best * 1000:6.3f}"
        print(row)
        g = groups.setdefault(doc.set, (Counts(), []))
        g[0].add(c)
        g[1].append(err)
        total[0].add(c)
        total[1].append(err)
        if args.verbose:
            for truth, label, reason, s in errors:
                print(f"    truth={truth:11} got={label:11} {reason:32} {s[:70]!r}")
    print()
    print(f"{'overall':28} {'set':8} {'docs':>5} {'L-P':>6} {'L-R':>6} {'L-F1':>6} {'C-P':>6} {'C-R':>6} {'C-F1':>6} {'MAE':>6} {'max':>6}")
    def order(name: str) -> tuple:
        head, _, num = name.partition("-")
        return (head, int(num) if num.isdigit() else 0)

    for name, (c, errs) in sorted(groups.items(), key=lambda kv: order(kv[0])) + [("all", total)]:
        lp, lr, lf = prf(c.ltp, c.lfp, c.lfn)
        cp, cr, cf = prf(c.ctp, c.cfp, c.cfn)
        print(f"{'':28} {name:8} {len(errs):5d} {fmt(lp):>6} {fmt(lr):>6} {fmt(lf):>6} {fmt(cp):>6} {fmt(cr):>6} "
              f"{fmt(cf):>6} {sum(errs) / len(errs):6.3f} {max(errs):6.3f}")
    return 0


def _time(fn, text: str) -> float:
    t0 = time.perf_counter()
    fn(text)
    return time.perf_counter() - t0


if __name__ == "__main__":
    raise SystemExit(main())
