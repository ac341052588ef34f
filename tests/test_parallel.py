"""``n_jobs=-1`` gives exactly the table of ``n_jobs=1``: same rows, same order, same values."""

from __future__ import annotations

import csv
import io
import json
import random

import pandas as pd
import pytest

import mediakit
from mediakit.cli import main
from mediakit.frame import CHUNK_SIZE, iter_rows
from mediakit.io import iter_articles
from mediakit.types import Article


def corpus(n: int) -> list:
    """``n`` inputs: recombined seed paragraphs, with failures and hostile texts mixed in."""
    seeds = mediakit.load_seeds()
    paras = [p for a in seeds for p in a.text.split("\n\n") if p.strip()]
    rng = random.Random(5)
    items: list = []
    for i in range(n):
        if i % 37 == 5:
            items.append(b"\x00\x01" * 40)  # fails: binary
        elif i % 41 == 7:
            items.append(3.14)  # fails: not an article
        elif i % 29 == 3:
            items.append("")  # empty
        elif i % 31 == 11:
            items.append('"' * 50 + " reportedly \u200b " + "!" * 200)
        else:
            items.append(Article(id=f"a{i:04d}", text="\n\n".join(rng.sample(paras, 4)),
                                 outlet=f"outlet {i % 3}"))
    return items


@pytest.fixture(scope="module")
def batch():
    # more than workers * 2 chunks, so the bounded in-flight window refills several times
    return corpus(CHUNK_SIZE * 6 + 13)


def test_all_cores_give_the_same_table_in_the_same_order(batch):
    one = mediakit.score(batch, n_jobs=1, progress=False)
    many = mediakit.score(batch, n_jobs=-1, progress=False)
    assert len(one) == len(batch)
    assert list(many.index) == list(one.index)
    pd.testing.assert_frame_equal(one, many, check_exact=True)
    assert one["error"].notna().sum() > 0  # failures kept in place in both
    assert one.attrs == many.attrs


def test_explicit_worker_counts_agree(batch):
    items = list(iter_articles(batch[:150]))
    ref = list(iter_rows(items, n_jobs=1))
    for n_jobs in (2, 3):
        rows = list(iter_rows(items, n_jobs=n_jobs, chunk_size=7))
        assert [r["id"] for r in rows] == [r["id"] for r in ref]
        assert json.dumps(rows, sort_keys=True, default=str) == json.dumps(ref, sort_keys=True, default=str)


def test_iter_rows_is_lazy_and_ordered_with_a_generator_input(batch):
    items = list(iter_articles(batch[:100]))
    consumed = []

    def gen():
        for a in items:
            consumed.append(a.id)
            yield a

    rows = iter_rows(gen(), n_jobs=2, chunk_size=10)
    first = next(rows)
    assert first["id"] == items[0].id
    assert len(consumed) < len(items)  # not everything was read up front
    rest = list(rows)
    assert [first["id"], *[r["id"] for r in rest]] == [a.id for a in items]


def test_command_line_output_is_identical_with_all_cores(tmp_path, capsys):
    seeds = mediakit.load_seeds()
    path = tmp_path / "batch.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(CHUNK_SIZE * 3 + 5):
            a = seeds[i % len(seeds)]
            fh.write(json.dumps({"id": f"r{i}", "outlet": a.outlet, "text": a.text[i % 50:]}) + "\n")
        fh.write("{broken\n")
    outs = []
    for n_jobs in ("1", "-1"):
        out = tmp_path / f"scores{n_jobs}.csv"
        assert main(["score", str(path), "-o", str(out), "--n-jobs", n_jobs]) == 0
        outs.append(out.read_bytes())
    capsys.readouterr()
    assert outs[0] == outs[1]
    rows = list(csv.DictReader(io.StringIO(outs[0].decode("utf-8"))))
    assert len(rows) == CHUNK_SIZE * 3 + 6 and rows[-1]["error"]
