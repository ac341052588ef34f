"""``mediakit.dask.score``: the same table as ``mediakit.score``, partition by partition."""

from __future__ import annotations

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")

import mediakit  # noqa: E402
import mediakit.dask as mkdask  # noqa: E402
from mediakit.frame import columns  # noqa: E402
from mediakit.io import InputError  # noqa: E402


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    seeds = mediakit.load_seeds()
    rows = []
    for i in range(23):
        a = seeds[i % len(seeds)]
        rows.append({"id": f"d{i:02d}", "outlet": a.outlet, "published": a.published, "title": a.title,
                     "text": a.text[(i * 17) % 200:]})
    rows[4]["text"] = None  # missing text: an empty article
    rows[9]["text"] = ""
    rows[13]["text"] = '"' * 80 + " \u200b reportedly \U0001F600"
    return pd.DataFrame(rows)


def test_meta_matches_the_computed_partitions(frame):
    meta = mkdask.meta()
    assert list(meta.columns) == columns() and meta.index.name == "id"
    out = mkdask.score(dd.from_pandas(frame, npartitions=3))
    assert list(out.columns) == columns()
    assert dict(out.dtypes) == dict(meta.dtypes)  # declared without scoring anything
    got = out.compute(scheduler="sync")
    assert dict(got.dtypes) == dict(meta.dtypes)
    assert mkdask.score(dd.from_pandas(frame, npartitions=2), tone=True).columns.tolist() == columns(tone=True)


@pytest.mark.parametrize("npartitions", [1, 4, 7])
def test_identical_to_pandas_scoring_whatever_the_partitions(frame, npartitions):
    expected = mediakit.score(frame)
    got = mkdask.score(dd.from_pandas(frame, npartitions=npartitions)).compute(scheduler="sync")
    expected.attrs = {}
    pd.testing.assert_frame_equal(got, expected, check_exact=True)


def test_ids_come_from_the_index_without_an_id_column(frame):
    no_id = frame.drop(columns="id").set_index(pd.Index([f"ix{i}" for i in range(len(frame))]))
    got = mkdask.score(dd.from_pandas(no_id, npartitions=3, sort=False)).compute(scheduler="sync")
    assert list(got.index) == list(no_id.index)
    assert list(got.index) == list(mediakit.score(no_id).index)


def test_a_series_of_texts_and_another_text_column(frame):
    body = frame.rename(columns={"text": "body"})
    got = mkdask.score(dd.from_pandas(body, npartitions=2), text_column="body").compute(scheduler="sync")
    assert list(got.index) == list(frame["id"])
    texts = dd.from_pandas(frame.set_index("id")["text"].fillna(""), npartitions=2)
    from_series = mkdask.score(texts).compute(scheduler="sync")
    assert list(from_series.index) == list(frame["id"])
    assert (from_series["words"].values == got["words"].values).all()


def test_bad_calls_fail_before_anything_is_scored(frame, tmp_path):
    ddf = dd.from_pandas(frame, npartitions=2)
    with pytest.raises(InputError, match="no text column 'story'"):
        mkdask.score(ddf, text_column="story")
    with pytest.raises(TypeError, match="n_jobs"):
        mkdask.score(ddf, n_jobs=-1)
    with pytest.raises(TypeError, match="dask DataFrame"):
        mkdask.score(frame)
    bad = tmp_path / "bad.tsv"
    bad.write_text("not a lexicon\n", encoding="utf-8")
    with pytest.raises(mediakit.LexiconError):
        mkdask.score(ddf, lexicons={"hedging": bad})


def test_on_a_local_distributed_cluster(frame, tmp_path):
    distributed = pytest.importorskip("distributed")
    # a user lexicon by path: loaded once by the client and shipped to the workers as data
    lex = tmp_path / "hedging.tsv"
    bundled = mediakit.load_lexicon("hedging")
    header = "".join(f"# {k}: {v}\n" for k, v in bundled.meta.items() if k != "version")
    lex.write_text(header + "# version: 2.0.0\n" + "".join(f"{e.category}\t{e.pattern}\n" for e in bundled.entries),
                   encoding="utf-8")
    expected = mediakit.score(frame, lexicons={"hedging": lex})
    expected.attrs = {}
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            ddf = dd.from_pandas(frame, npartitions=4)
            lazy = mkdask.score(ddf, lexicons={"hedging": lex})
            lex.unlink()  # the workers never read the file: the lexicon travels as data
            got = lazy.compute()
            again = client.compute(mkdask.score(ddf)).result()
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    plain = mediakit.score(frame)
    plain.attrs = {}
    pd.testing.assert_frame_equal(again, plain, check_exact=True)
