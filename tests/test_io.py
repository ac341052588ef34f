"""Reading articles: decoding, folders and manifests, tables, and what each bad input becomes."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from mediakit.io import (
    MAX_FILE_BYTES,
    DecodingWarning,
    FailedArticle,
    InputError,
    NotTextError,
    as_article,
    check_source,
    decode_bytes,
    iter_articles,
    iter_folder,
    iter_table,
    load_articles,
    read_article,
    read_manifest,
)
from mediakit.types import Article

TEXT = "Officials said “about 3,000 troops” had arrived.\nThey may stay, reportedly.\n"


def ids(items):
    return [a.id for a in items]


# --- decoding ---------------------------------------------------------------


@pytest.mark.parametrize("encoding, bom", [("utf-8-sig", True), ("utf-16", True), ("utf-32", True),
                                            ("utf-16-le", False), ("utf-16-be", False)])
def test_unicode_encodings_decode_to_the_same_text(encoding, bom):
    data = TEXT.encode(encoding)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text, used = decode_bytes(data, "x.txt")
    assert text == TEXT  # byte-order mark removed, nothing else changed
    assert used.startswith(encoding.split("-sig")[0][:6])
    # only a guessed encoding (no byte-order mark) is reported
    assert any(issubclass(w.category, DecodingWarning) for w in caught) == (not bom)


def test_cp1252_smart_quotes_fall_back_with_a_warning_naming_the_file():
    data = "He said \u201cwe won\u201d \u2013 twice\u2026".encode("cp1252")
    with pytest.warns(DecodingWarning, match="story.txt"):
        text, enc = decode_bytes(data, "story.txt")
    assert (text, enc) == ("He said \u201cwe won\u201d \u2013 twice\u2026", "cp1252")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    data = b"caf\xe9 au lait, \x81 once in a long line of text"  # 0x81 has no cp1252 character
    with pytest.warns(DecodingWarning):
        text, enc = decode_bytes(data)
    assert enc == "latin-1" and text == data.decode("latin-1")


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,                          # every byte value
    b"\x89PNG\r\n\x1a\n" + bytes(200) + b"IHDR",    # a PNG header
    b"\x00\xff" * 50,                               # NUL every other byte, not UTF-16 text
    bytes((i * 37 + 11) % 256 for i in range(5000)).replace(b"\x00", b"\x01"),  # junk without NULs
])
def test_binary_junk_is_refused_naming_the_input(data):
    with pytest.raises(NotTextError, match="junk.bin"):
        decode_bytes(data, "junk.bin")


def test_a_stray_nul_in_a_long_text_is_kept_not_refused():
    text = "Troops arrived on Monday. " * 200 + "\x00" + "They stayed."
    assert decode_bytes(text.encode("utf-8"))[0] == text


def test_empty_and_whitespace_bytes_decode_to_empty_and_whitespace_text():
    assert decode_bytes(b"") == ("", "utf-8")
    assert decode_bytes(b" \r\n\t\n") == (" \r\n\t\n", "utf-8")


def test_line_endings_are_kept_verbatim():
    raw = "a\r\nb\rc\nd\u2028e"
    assert decode_bytes(raw.encode("utf-8"))[0] == raw
    assert as_article(raw.encode("utf-8")).text == raw


def test_lone_surrogates_become_replacement_characters_one_for_one():
    art = as_article("ab\ud800cd")
    assert art.text == "ab\ufffdcd" and len(art.text) == 5
    art.text.encode("utf-8")  # writable as UTF-8


# --- single files -----------------------------------------------------------


def test_read_article_names_the_file_in_every_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)))
    with pytest.raises(NotTextError, match="junk.txt"):
        read_article(junk)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_instead_of_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_article(fifo)


def test_a_device_is_refused_instead_of_read_forever():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(InputError, match="not a regular file"):
        read_article("/dev/zero")


def test_oversized_file_is_refused_naming_the_limit(tmp_path, monkeypatch):
    import mediakit.io as mio

    monkeypatch.setattr(mio, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("x" * 101, encoding="utf-8")
    with pytest.raises(InputError, match="big.txt.*100-byte limit"):
        read_article(big)
    assert MAX_FILE_BYTES >= 64 * 1024 * 1024  # a 50 MB article is within the real limit


def test_read_article_records_the_encoding_and_keeps_the_text(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes("Smart \u201cquotes\u201d\r\n".encode("cp1252"))
    with pytest.warns(DecodingWarning):
        art = read_article(p)
    assert art.text == "Smart \u201cquotes\u201d\r\n" and art.encoding == "cp1252" and art.id == "win"


# --- strings, paths and iterables --------------------------------------------


def test_a_one_word_string_naming_a_missing_file_is_an_error_not_an_article(tmp_path):
    with pytest.raises(FileNotFoundError, match="articles.csv"):
        list(iter_articles("articles.csv"))
    with pytest.raises(FileNotFoundError, match="story.txt"):
        as_article("story.txt")
    with pytest.raises(FileNotFoundError, match="gone.txt"):
        list(iter_articles(tmp_path / "gone.txt"))
    # ordinary text stays text, even when it mentions a file name
    assert as_article("See report.txt for details.").text == "See report.txt for details."


def test_every_item_of_a_list_gives_exactly_one_result_at_its_position(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Troops arrived.", encoding="utf-8")
    items = [
        "plain text one",
        Article(id="art", text="An article."),
        good,
        tmp_path / "missing.txt",
        b"\x00\x01\x02\x03" * 20,
        "Bytes are fine too.".encode("utf-16"),
        {"text": "From a dict.", "id": "dict-id"},
        {"title": "no text field"},
        42,
        None,
        "",
    ]
    out = list(iter_articles(items))
    assert ids(out) == ["0", "art", "good", "missing", "4", "5", "dict-id", "7", "8", "9", "10"]
    failed = {a.id: a.error for a in out if isinstance(a, FailedArticle)}
    assert set(failed) == {"missing", "4", "7", "8", "9"}
    assert "no such file" in failed["missing"] and "binary" in failed["4"]
    assert "no text column" in failed["7"] and "int" in failed["8"] and "NoneType" in failed["9"]
    assert out[5].text == "Bytes are fine too." and out[10].text == ""


def test_series_items_take_their_index_as_id():
    s = pd.Series(["First text.", None, "Third."], index=["a", "b", "c"])
    out = list(iter_articles(s))
    assert ids(out) == ["a", "b", "c"]
    assert isinstance(out[1], FailedArticle)  # None is not an article


def test_dataframe_ids_come_from_the_id_column_or_the_index():
    df = pd.DataFrame({"text": ["a", "b"], "headline": ["H1", None]}, index=[7, 9])
    assert ids(iter_articles(df)) == ["7", "9"]
    assert [a.title for a in iter_articles(df)] == ["H1", None]
    df["id"] = ["x", ""]
    assert ids(iter_articles(df)) == ["x", "1"]  # an empty id falls back to the row number


def test_dataframe_missing_values_are_empty_articles():
    df = pd.DataFrame({"text": pd.array(["Troops.", None, pd.NA], dtype="string")})
    out = list(iter_articles(df))
    assert [a.text for a in out] == ["Troops.", "", ""]


def test_dataframe_without_a_text_column_is_an_input_error():
    with pytest.raises(InputError, match="no text column.*columns: title"):
        list(iter_articles(pd.DataFrame({"title": ["x"]})))
    with pytest.raises(InputError, match="no text column 'body'"):
        list(iter_articles(pd.DataFrame({"text": ["x"]}), text_column="body"))


# --- folders and manifests ----------------------------------------------------


def write_manifest(folder: Path, rows: list[list[str]], header=("file", "id", "outlet", "published", "title")):
    lines = [",".join(header)] + [",".join(r) for r in rows]
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_manifest_rows_are_the_articles_in_manifest_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("Not listed.", encoding="utf-8")
    write_manifest(tmp_path, [["b.txt", "B", "out", "2024-01-01", "T"], ["a.txt", "A", "", "", ""]])
    out = list(iter_folder(tmp_path))
    assert ids(out) == ["B", "A"]
    assert out[0].outlet == "out" and out[0].published == "2024-01-01" and out[1].outlet is None


def test_manifest_naming_a_missing_file_keeps_the_row_with_its_error(tmp_path):
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    write_manifest(tmp_path, [["a.txt", "A", "o", "", ""], ["gone.txt", "G", "o", "", "Lost"], ["a.txt", "A2", "", "", ""]])
    out = list(iter_folder(tmp_path))
    assert ids(out) == ["A", "G", "A2"]
    assert isinstance(out[1], FailedArticle) and "gone.txt" in out[1].error and "no such file" in out[1].error
    assert out[1].title == "Lost" and out[1].outlet == "o"  # metadata kept on the failed row


def test_manifest_cannot_reach_outside_its_folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("Not part of the corpus.", encoding="utf-8")
    write_manifest(folder, [["../secret.txt", "up", "", "", ""], [str(tmp_path / "secret.txt"), "abs", "", "", ""],
                            ["", "nofile", "", "", ""]])
    out = list(iter_folder(folder))
    assert ids(out) == ["up", "abs", "nofile"]
    assert all(isinstance(a, FailedArticle) for a in out)
    assert "outside the folder" in out[0].error and "outside the folder" in out[1].error
    assert "no file named" in out[2].error


def test_manifest_without_a_file_column_is_an_input_error_naming_it(tmp_path):
    write_manifest(tmp_path, [["x", "y"]], header=("name", "id"))
    with pytest.raises(InputError, match="manifest.csv.*'file' column.*name, id"):
        list(iter_folder(tmp_path))
    with pytest.raises(InputError, match="'file' column"):
        check_source(tmp_path)


def test_manifest_values_are_data_never_evaluated(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    payloads = [
        f"!!python/object/apply:os.system ['touch {marker}']",
        f"__import__('os').system('touch {marker}')",
        "{{ 7*7 }} ${7*7} =cmd|' /C calc'!A0",
    ]
    rows = "\n".join(f'a.txt,id{i},"{p}",,"{p}"' for i, p in enumerate(p.replace('"', '""') for p in payloads))
    (tmp_path / "manifest.csv").write_text("file,id,outlet,published,title\n" + rows + "\n", encoding="utf-8")
    out = list(iter_folder(tmp_path))
    assert [a.title for a in out] == payloads and [a.outlet for a in out] == payloads
    assert not marker.exists()


def test_manifest_quoted_fields_may_hold_line_breaks_and_commas(tmp_path):
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text('file,id,title\r\na.txt,x,"One, two\nthree\u2028four"\r\n', encoding="utf-8")
    (art,) = iter_folder(tmp_path)
    assert art.title == "One, two\nthree\u2028four"
    assert read_manifest(tmp_path / "manifest.csv")[0]["file"] == "a.txt"


def test_folder_without_manifest_reads_text_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "a.md").write_text("A.", encoding="utf-8")
    (tmp_path / "README.md").write_text("About.", encoding="utf-8")
    (tmp_path / "data.bin").write_bytes(b"\x00" * 10)
    (tmp_path / "c.txt").write_bytes(bytes(range(256)))
    (tmp_path / "sub.txt").mkdir()
    out = list(iter_folder(tmp_path))
    assert ids(out) == ["a", "b", "c"]
    assert isinstance(out[2], FailedArticle) and "binary" in out[2].error


# --- tables --------------------------------------------------------------------


def test_jsonl_with_one_broken_line_keeps_every_other_row(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First."}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps({"id": "c", "text": "Third.", "outlet": "X"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "e", "text": None}),
        json.dumps({"id": "f", "text": 12}),
        json.dumps({"id": "g", "body": "no text field"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(iter_table(p))
    assert ids(out) == ["a", "batch.jsonl:2", "c", "batch.jsonl:5", "e", "f", "g"]
    errors = {a.id: a.error for a in out if isinstance(a, FailedArticle)}
    assert "line 2" in errors["batch.jsonl:2"] and "batch.jsonl" in errors["batch.jsonl:2"]
    assert "line 5" in errors["batch.jsonl:5"] and "list" in errors["batch.jsonl:5"]
    assert "int" in errors["f"] and "'text'" in errors["g"]
    assert out[2].outlet == "X" and out[4].text == ""


def test_jsonl_with_old_mac_or_windows_line_endings(tmp_path):
    objs = [json.dumps({"id": str(i), "text": f"Line {i}.\r\nNext."}) for i in range(3)]
    for sep in ("\r", "\r\n"):
        p = tmp_path / "x.jsonl"
        p.write_bytes(sep.join(objs).encode("utf-8"))
        out = list(iter_table(p))
        assert ids(out) == ["0", "1", "2"] and out[0].text == "Line 0.\r\nNext."


def test_jsonl_in_utf16_and_with_a_utf8_bom(tmp_path):
    body = "\n".join(json.dumps({"id": i, "text": "caf\u00e9"}, ensure_ascii=False) for i in range(2)) + "\n"
    for enc in ("utf-16", "utf-8-sig"):
        p = tmp_path / f"{enc}.jsonl"
        p.write_bytes(body.encode(enc))
        out = list(iter_table(p))
        assert ids(out) == ["0", "1"] and out[0].text == "caf\u00e9"


def test_jsonl_line_in_cp1252_is_decoded_with_a_warning(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "\x93smart\x94"}\n')
    with pytest.warns(DecodingWarning, match="line 2"):
        out = list(iter_table(p))
    assert [a.text for a in out] == ["ok", "\u201csmart\u201d"]


def test_empty_tables_become_one_error_row_naming_the_file(tmp_path):
    for name, content in [("e.csv", b""), ("e.jsonl", b"\n \n"), ("e.json", b"[]")]:
        p = tmp_path / name
        p.write_bytes(content)
        (row,) = list(iter_table(p))
        assert isinstance(row, FailedArticle) and row.id == name and name in row.error


def test_header_only_csv_is_an_empty_table(tmp_path):
    p = tmp_path / "h.csv"
    p.write_text("id,text\n", encoding="utf-8")
    assert list(iter_table(p)) == []


def test_csv_missing_text_column_is_an_input_error_before_any_row(tmp_path):
    p = tmp_path / "no_text.csv"
    p.write_text("id,title\n1,A\n", encoding="utf-8")
    with pytest.raises(InputError, match="no_text.csv.*no text column.*columns: id, title"):
        next(iter_table(p))
    with pytest.raises(InputError, match="no_text.csv"):
        check_source(p)
    with pytest.raises(InputError, match="no text column 'story'"):
        check_source(tmp_path / "no_text.csv", text_column="story")


def test_csv_empty_text_cells_are_empty_articles(tmp_path):
    p = tmp_path / "empty_text.csv"
    p.write_text("id,text\n1,\n2,Words here.\n3,\"\"\n", encoding="utf-8")
    out = list(iter_table(p))
    assert ids(out) == ["1", "2", "3"] and [a.text for a in out] == ["", "Words here.", ""]


def test_csv_keeps_quoted_line_endings_and_smart_quotes(tmp_path):
    p = tmp_path / "t.csv"
    p.write_bytes('id,text\r\nx,"One.\r\nTwo.\rThree \u201cq\u201d"\r\n'.encode("utf-8"))
    (art,) = iter_table(p)
    assert art.text == "One.\r\nTwo.\rThree \u201cq\u201d"


def test_cp1252_csv_is_decoded_whole_without_duplicating_rows(tmp_path):
    # the bad byte sits far past the first chunk: a naive retry would yield the first rows twice
    rows = [f"{i},plain text {i}" for i in range(50)] + ["50,\x93smart\x94"]
    p = tmp_path / "win.csv"
    p.write_bytes(("id,text\n" + "\n".join(rows) + "\n").encode("latin-1"))
    with pytest.warns(DecodingWarning, match="cp1252"):
        out = list(iter_table(p, chunksize=7))
    assert ids(out) == [str(i) for i in range(51)]
    assert out[-1].text == "\u201csmart\u201d"


def test_binary_file_with_a_table_suffix_is_one_error_row(tmp_path):
    for name in ("junk.csv", "junk.jsonl", "junk.parquet", "junk.json"):
        p = tmp_path / name
        p.write_bytes(bytes(range(256)) * 10)
        (row,) = list(iter_table(p))
        assert isinstance(row, FailedArticle) and row.id == name and name in row.error


def test_parquet_round_trip_and_missing_text_column(tmp_path):
    df = pd.DataFrame({"id": ["a", "b"], "text": ["One.", None], "date": pd.to_datetime(["2024-01-02", None])})
    p = tmp_path / "t.parquet"
    df.to_parquet(p)
    out = list(iter_table(p))
    assert ids(out) == ["a", "b"] and out[0].published == "2024-01-02" and out[1].published is None
    assert out[1].text == ""
    df[["id"]].to_parquet(tmp_path / "no_text.parquet")
    with pytest.raises(InputError, match="no text column"):
        list(iter_table(tmp_path / "no_text.parquet"))


def test_json_array_of_objects(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"id": "x", "text": "One."}, {"id": "y", "text": "Two."}, 3]), encoding="utf-8")
    out = list(iter_table(p))
    assert ids(out) == ["x", "y", "2"] and isinstance(out[2], FailedArticle)


def test_check_source_accepts_what_only_scoring_can_judge(tmp_path):
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)))
    (tmp_path / "broken.jsonl").write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    for name in ("junk.txt", "broken.jsonl"):
        check_source(tmp_path / name)  # no exception: these become rows with errors
    with pytest.raises(FileNotFoundError, match="nothing.csv"):
        check_source(tmp_path / "nothing.csv")


def test_load_articles_raises_on_the_first_failure_naming_it(tmp_path):
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)))
    with pytest.raises(InputError, match="junk.txt"):
        load_articles(tmp_path)


def test_csv_that_breaks_off_keeps_the_rows_before_and_names_the_row(tmp_path):
    p = tmp_path / "cut.csv"
    p.write_text('id,text\n1,Fine.\n2,Also fine.\n3,"Broken\n', encoding="utf-8")
    out = list(iter_table(p, chunksize=1))
    assert ids(out) == ["1", "2", "cut.csv:2"]
    assert isinstance(out[2], FailedArticle) and "after row 2" in out[2].error and "cut.csv" in out[2].error


def test_lone_surrogates_escaped_in_json_become_replacement_characters(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "x\\udc00", "text": "ab\\ud800cd", "title": "t\\udfff"}\n', encoding="utf-8")
    (art,) = iter_table(p)
    assert (art.id, art.text, art.title) == ("x\ufffd", "ab\ufffdcd", "t\ufffd")
