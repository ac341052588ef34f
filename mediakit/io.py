"""Reading articles: text files, folders, CSV, JSON Lines, JSON, Parquet and DataFrames.

Every reader here is written for text from anywhere.  It never executes
anything it reads (CSV, JSON and Parquet are parsed as data; there is no
pickle, eval or YAML), never reaches the network, and never drops an input
silently: an input that cannot be read becomes a :class:`FailedArticle`
that a batch keeps as a row with its error.  ``docs/robustness.md`` lists
the outcome for each kind of bad input.

Decoding
    Bytes are decoded as UTF-8 first (a UTF-8, UTF-16 or UTF-32 byte-order
    mark is honoured and removed).  UTF-16 without a byte-order mark is
    recognised by its pattern of NUL bytes.  Text that is not valid UTF-8
    falls back to cp1252 (Windows "smart quotes"), then Latin-1; a fallback
    is reported with a :class:`DecodingWarning` naming the file and recorded
    in :attr:`Article.encoding`.  Bytes that look binary (more than
    :data:`MAX_NUL_SHARE` NUL bytes, or more than :data:`MAX_CONTROL_SHARE`
    control characters, in the first 64 KiB) raise :class:`NotTextError`
    naming the file.  Lone surrogates (which are not valid Unicode and
    cannot be written as UTF-8) are replaced by U+FFFD one for one, so
    offsets are unchanged.

Line endings
    The decoded text is kept as it is, ``\\r\\n`` and ``\\r`` included: the
    segmenter (:mod:`mediakit.text`) treats every line ending alike, so
    offsets always point into the text the user gave.

Batches
    :func:`iter_articles` yields an :class:`Article` or, for an input that
    could not be read, a :class:`FailedArticle` carrying its id and error, so
    that a batch can report every input and lose none.  Problems that make a
    whole table unusable *before* any row is read (a missing text column, a
    manifest without a ``file`` column) raise :class:`InputError` instead;
    :func:`check_source` finds them up front, before any scoring.
"""

from __future__ import annotations

import codecs
import csv
import io as _io
import itertools
import json
import math
import os
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .types import Analysis, Article

TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")

#: Column names recognised in tables, in order of preference.
TEXT_COLUMNS = ("text", "body", "content", "article")
ID_COLUMNS = ("id", "article_id", "doc_id")
OUTLET_COLUMNS = ("outlet", "source", "publisher", "site")
DATE_COLUMNS = ("published", "date", "publish_date", "published_at")
TITLE_COLUMNS = ("title", "headline")

#: Share of control characters above which bytes count as binary.
MAX_CONTROL_SHARE = 0.05
#: Share of NUL bytes above which bytes count as binary (a stray NUL in a text is kept).
MAX_NUL_SHARE = 0.001
#: How much of the start of the data the binary check looks at (bytes).
SNIFF_BYTES = 65536
#: Files larger than this are refused rather than read into memory (bytes).
#: Tables are streamed, so the limit applies to one text file or one JSON file.
MAX_FILE_BYTES = 256 * 1024 * 1024


class DecodingWarning(UserWarning):
    """A file was not valid UTF-8 and was decoded with a fallback encoding."""


class NotTextError(ValueError):
    """The input is not text (binary data, or an unsupported encoding)."""


class InputError(ValueError):
    """An input file or table that mediakit cannot read (message names it)."""


@dataclass(frozen=True, slots=True)
class FailedArticle:
    """An input that could not be read; a batch keeps it as a row with its error."""

    id: str
    error: str
    source: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than tab and the line/form feeds, DEL and the C1 controls
# (NEL, U+0085, is a line break and allowed).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_PRINTABLE_ASCII_RE = re.compile(rb"[\x20-\x7e\t\n\r]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SNIFF_BYTES]
    return len(_CONTROL_RE.findall(sample)) / len(sample)


def _valid_unicode(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (same length, same offsets)."""
    if text.isascii():
        return text
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``sample`` looks like BOM-less UTF-16 text."""
    n = len(sample) - len(sample) % 2
    if n < 4:
        return None
    even_nuls = sample[0:n:2].count(0)
    odd_nuls = sample[1:n:2].count(0)
    half = n // 2
    # Mostly-ASCII text in UTF-16 has a NUL in (nearly) every other byte and
    # printable ASCII in the bytes between.
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        enc, low = "utf-16-le", sample[0:n:2]
    elif even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        enc, low = "utf-16-be", sample[1:n:2]
    else:
        return None
    printable = len(_PRINTABLE_ASCII_RE.findall(low))
    return enc if printable > 0.8 * half else None


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` as described in the module docs; return ``(text, encoding)``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise NotTextError(f"{name}: starts with a {enc} byte-order mark but does not decode ({exc.reason})") from None
            if _control_share(text) > MAX_CONTROL_SHARE:
                raise NotTextError(f"{name}: binary data, not a text file (full of control characters)")
            return text, enc
    sample = data[:SNIFF_BYTES]
    nuls = sample.count(0)
    if nuls:
        enc16 = _utf16_without_bom(sample)
        if enc16 is not None:
            try:
                text = data.decode(enc16)
            except UnicodeDecodeError:
                text = ""
            if text and _control_share(text) <= MAX_CONTROL_SHARE:
                warnings.warn(f"{name}: no byte-order mark; decoded as {enc16}", DecodingWarning, stacklevel=3)
                return _valid_unicode(text), enc16
        if nuls > MAX_NUL_SHARE * len(sample):
            raise NotTextError(f"{name}: binary data (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
        if _control_share(text) > MAX_CONTROL_SHARE:
            raise NotTextError(f"{name}: binary data, not a text file (not UTF-8 and full of control bytes)")
        warnings.warn(f"{name}: not valid UTF-8; decoded as {enc}", DecodingWarning, stacklevel=3)
        return text, enc
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise NotTextError(f"{name}: binary data, not a text file (full of control characters)")
    return text, enc


def _regular_file(p: Path) -> os.stat_result:
    """``stat`` of a regular file; errors name the file (folders, devices and pipes are refused)."""
    try:
        st = p.stat()
    except FileNotFoundError:
        raise FileNotFoundError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{p}: not a regular file (a device, pipe or socket)")
    return st


def _read_bytes(p: Path) -> bytes:
    size = _regular_file(p).st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"{p}: {size} bytes is larger than the {MAX_FILE_BYTES}-byte limit for one article")
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:  # grew while being read
        raise InputError(f"{p}: larger than the {MAX_FILE_BYTES}-byte limit for one article")
    return data


def read_text(path: str | Path) -> tuple[str, str]:
    """Read and decode one file; errors name the file."""
    p = Path(path)
    return decode_bytes(_read_bytes(p), str(p))


def read_article(path: str | Path, *, id: str | None = None, outlet: str | None = None,
                 published: str | None = None, title: str | None = None) -> Article:
    """One text (or HTML) file as an :class:`Article`; its id defaults to the file name's stem."""
    p = Path(path)
    text, enc = read_text(p)
    return Article(id=id or p.stem, text=text, outlet=outlet, published=published, title=title,
                   source=str(p), encoding=enc)


def _missing(value: Any) -> bool:
    """``None``, NaN, or pandas' ``NA``/``NaT`` (without importing pandas)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _clean(value: Any) -> str | None:
    """A metadata value as a stripped string, or ``None`` when empty or missing."""
    if _missing(value):
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if hasattr(value, "isoformat") and not isinstance(value, str):
        value = value.isoformat()
        if value.endswith("T00:00:00"):
            value = value[:10]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = _valid_unicode(str(value).strip())
    return s or None


def _csv_rows(text: str, origin: str) -> list[dict[str, str | None]]:
    """Rows of CSV text as dicts with lower-cased header names; errors name the line."""
    reader = csv.reader(_io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return []
        keys = [h.strip().lower() for h in header]
        rows = []
        for fields in reader:
            if not any(f.strip() for f in fields):
                continue
            row: dict[str, str | None] = {k: None for k in keys}
            for k, v in zip(keys, fields):
                row[k] = v
            rows.append(row)
    except csv.Error as exc:
        raise InputError(f"{origin}, line {reader.line_num}: not a readable CSV ({exc})") from None
    return rows


def read_manifest(path: str | Path) -> list[dict[str, str]]:
    """Rows of a manifest CSV (columns: file, id, outlet, published, title).

    The manifest is parsed as CSV data only: a value is never evaluated.
    Header names are matched case-insensitively; a manifest without a
    ``file`` column raises :class:`InputError` naming it.
    """
    p = Path(path)
    text, _ = read_text(p)
    rows = _csv_rows(text, str(p))
    header = next(csv.reader(_io.StringIO(text, newline="")), [])
    keys = [h.strip().lower() for h in header]
    if "file" not in keys:
        found = ", ".join(k for k in keys if k) or "none"
        raise InputError(f"{p}: a manifest needs a 'file' column (has {found})")
    return rows  # type: ignore[return-value]


def _inside(folder: Path, name: str) -> Path | None:
    """``folder / name`` when it stays inside ``folder`` (no absolute paths, no ``..`` escapes)."""
    rel = Path(name)
    if rel.is_absolute() or rel.drive:
        return None
    base = folder.resolve()
    target = (base / rel).resolve()
    if target != base and base not in target.parents:
        return None
    return folder / rel


def iter_folder(folder: str | Path, manifest: str | Path | None = None) -> Iterator[Article | FailedArticle]:
    """The text files of a folder, in name order, with metadata from a manifest.

    ``manifest`` defaults to ``manifest.csv`` in the folder when it exists.
    With a manifest, the articles are exactly its rows, in its order: a row
    naming a missing or unreadable file, or a file outside the folder,
    yields a :class:`FailedArticle`.  Without one, every file with a suffix
    in :data:`TEXT_SUFFIXES` (``README.md`` excepted) is read, in name order;
    sub-folders are not entered.
    """
    folder = Path(folder)
    mpath = Path(manifest) if manifest is not None else folder / "manifest.csv"
    if manifest is not None and not mpath.exists():
        raise FileNotFoundError(f"{mpath}: no such manifest")
    if mpath.exists():
        for n, row in enumerate(read_manifest(mpath), start=1):
            name = _clean(row.get("file"))
            aid = _clean(row.get("id")) or (Path(name).stem if name else f"{mpath.name}:{n}")
            meta = dict(outlet=_clean(row.get("outlet")), published=_clean(row.get("published")),
                        title=_clean(row.get("title")))
            where = f"{mpath}, row {n}"
            if not name:
                yield FailedArticle(aid, f"InputError: {where}: no file named", where, **meta)
                continue
            fp = _inside(folder, name)
            if fp is None:
                yield FailedArticle(aid, f"InputError: {where}: {name!r} is outside the folder {folder}",
                                    where, **meta)
                continue
            try:
                yield read_article(fp, id=aid, **meta)
            except (OSError, ValueError) as exc:
                yield FailedArticle(aid, _message(exc), str(fp), **meta)
        return
    for fp in sorted(folder.iterdir()):
        if fp.suffix.lower() in TEXT_SUFFIXES and fp.name.lower() != "readme.md" and not fp.is_dir():
            try:
                yield read_article(fp)
            except (OSError, ValueError) as exc:
                yield FailedArticle(fp.stem, _message(exc), str(fp))


def _message(exc: BaseException) -> str:
    msg = str(exc)
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def _pick(columns: Iterable[str], wanted: str | None, options: tuple[str, ...], what: str, origin: str,
          required: bool = False) -> str | None:
    cols = list(columns)
    if wanted is not None:
        if wanted not in cols:
            raise InputError(f"{origin}: no {what} column {wanted!r} (columns: {', '.join(map(str, cols)) or 'none'})")
        return wanted
    lower = {str(c).lower(): c for c in reversed(cols)}
    for opt in options:
        if opt in lower:
            return lower[opt]
    if required:
        raise InputError(f"{origin}: no {what} column (looked for {', '.join(options)}; "
                         f"columns: {', '.join(map(str, cols)) or 'none'})")
    return None


def _column_names(cols: Iterable[str], origin: str, text_column: str | None,
                  id_column: str | None) -> dict[str, str | None]:
    cols = list(cols)
    return {
        "text": _pick(cols, text_column, TEXT_COLUMNS, "text", origin, required=True),
        "id": _pick(cols, id_column, ID_COLUMNS, "id", origin),
        "outlet": _pick(cols, None, OUTLET_COLUMNS, "outlet", origin),
        "published": _pick(cols, None, DATE_COLUMNS, "date", origin),
        "title": _pick(cols, None, TITLE_COLUMNS, "title", origin),
    }


def _record(rec: Any, names: dict[str, str | None], default_id: str, where: str,
            source: str | None = None) -> Article | FailedArticle:
    """One record (a dict) as an Article, or a FailedArticle saying what is wrong with it.

    ``where`` names the record in messages, ``source`` (default: ``where``) in the result.
    """
    src = where if source is None else source
    if not isinstance(rec, dict):
        return FailedArticle(default_id, f"InputError: {where}: expected an object, got {type(rec).__name__}", src)
    aid = (_clean(rec.get(names["id"])) if names["id"] else None) or default_id
    meta = {k: _clean(rec.get(names[k])) if names[k] else None for k in ("outlet", "published", "title")}
    key = names["text"]
    if key not in rec:
        return FailedArticle(aid, f"InputError: {where}: no {key!r} field", src, **meta)
    raw = rec[key]
    if isinstance(raw, (bytes, bytearray, memoryview)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DecodingWarning)
                raw, _ = decode_bytes(bytes(raw), where)
        except NotTextError as exc:
            return FailedArticle(aid, _message(exc), src, **meta)
    if _missing(raw):
        raw = ""
    if not isinstance(raw, str):
        return FailedArticle(aid, f"InputError: {where}: text is {type(raw).__name__}, not a string", src, **meta)
    return Article(id=aid, text=_valid_unicode(raw), source=src, **meta)


def iter_records(records: Iterable[dict[str, Any]], origin: str, *, text_column: str | None = None,
                 id_column: str | None = None, first_row: int = 0,
                 columns: Iterable[str] | None = None) -> Iterator[Article | FailedArticle]:
    """Articles from dict-like rows (a table's rows, JSON objects).

    The columns are chosen once, from ``columns`` or the first row.  A row
    without an id gets its row number; a row whose text is missing (``None``
    or NaN) is an empty article; a row whose text field is absent or not a
    string becomes a :class:`FailedArticle`.
    """
    names: dict[str, str | None] | None = None
    if columns is not None:
        names = _column_names(columns, origin, text_column, id_column)
    for i, rec in enumerate(records, start=first_row):
        if isinstance(rec, (FailedArticle, Article)):
            yield rec
            continue
        if names is None:
            if not isinstance(rec, dict):
                yield FailedArticle(str(i), f"InputError: {origin}:{i}: expected an object, got {type(rec).__name__}",
                                    f"{origin}:{i}")
                continue
            names = _column_names(rec, origin, text_column, id_column)
        yield _record(rec, names, str(i), f"{origin}:{i}")


def _sniff(p: Path) -> tuple[str, bytes]:
    """The encoding to stream a table with (``"utf-8"`` unless a BOM says otherwise) and its first bytes.

    Raises :class:`NotTextError` for binary data.
    """
    with open(p, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc, head
    enc16 = _utf16_without_bom(head) if 0 in head else None
    if enc16:
        return enc16, head
    if head.count(0) > MAX_NUL_SHARE * max(len(head), 1):
        raise NotTextError(f"{p}: binary data (NUL bytes), not a text file")
    probe = head.decode("utf-8", errors="replace")
    if _control_share(probe) > MAX_CONTROL_SHARE:
        raise NotTextError(f"{p}: binary data, not a text file (full of control characters)")
    return "utf-8", head


def _utf8_or_fallback(p: Path, enc: str) -> str:
    """Check a whole file decodes as UTF-8 (streaming); otherwise pick cp1252 or Latin-1 and warn."""
    if enc != "utf-8":
        return enc
    dec = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(p, "rb") as fh:
            while block := fh.read(1 << 20):
                dec.decode(block)
            dec.decode(b"", final=True)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    fallback = "cp1252"
    dec = codecs.getincrementaldecoder("cp1252")()
    try:
        with open(p, "rb") as fh:
            while block := fh.read(1 << 20):
                dec.decode(block)
    except UnicodeDecodeError:
        fallback = "latin-1"
    warnings.warn(f"{p}: not valid UTF-8; decoded as {fallback}", DecodingWarning, stacklevel=4)
    return fallback


def _jsonl_lines(p: Path) -> Iterator[tuple[int, str | Exception]]:
    """``(line number, line text)`` for each non-blank line of a JSON Lines file, streamed.

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` (JSON strings cannot hold a raw
    line break, so this is safe).  A line that is not UTF-8 is decoded with
    the fallbacks and reported once per file.
    """
    enc, _ = _sniff(p)
    if enc not in ("utf-8",):
        with open(p, "r", encoding=enc, newline=None, errors="replace") as fh:
            for lineno, line in enumerate(fh, start=1):
                if line.strip():
                    yield lineno, _valid_unicode(line)
        return
    warned = False
    lineno = 0
    with open(p, "rb") as fh:
        for raw in fh:
            parts = raw.splitlines() if b"\r" in raw else [raw]
            for part in parts:
                lineno += 1
                if lineno == 1 and part.startswith(codecs.BOM_UTF8):
                    part = part[len(codecs.BOM_UTF8):]
                if not part.strip():
                    continue
                try:
                    line = part.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        line = part.decode("cp1252")
                    except UnicodeDecodeError:
                        line = part.decode("latin-1")
                    if not warned:
                        warnings.warn(f"{p}, line {lineno}: not valid UTF-8; decoded with a fallback",
                                      DecodingWarning, stacklevel=4)
                        warned = True
                yield lineno, line


def _iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | FailedArticle]]:
    for lineno, line in _jsonl_lines(path):
        where = f"{path}, line {lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield lineno, FailedArticle(f"{path.name}:{lineno}", f"InputError: {where}: not JSON ({exc})",
                                        f"{path}:{lineno}")
            continue
        except RecursionError:
            yield lineno, FailedArticle(f"{path.name}:{lineno}", f"InputError: {where}: JSON nested too deeply",
                                        f"{path}:{lineno}")
            continue
        if not isinstance(obj, dict):
            yield lineno, FailedArticle(f"{path.name}:{lineno}",
                                        f"InputError: {where}: expected a JSON object, got {type(obj).__name__}",
                                        f"{path}:{lineno}")
            continue
        yield lineno, obj


def _table_failure(p: Path, exc: BaseException, at: str | None = None) -> FailedArticle:
    aid = p.name if at is None else f"{p.name}:{at}"
    return FailedArticle(aid, _message(exc), str(p))


def _jsonl_columns(p: Path) -> list[str] | None:
    """The keys of the first JSON object in a JSON Lines file (``None`` if there is none)."""
    for _, obj in _iter_jsonl(p):
        if isinstance(obj, dict):
            return list(obj)
    return None


def _csv_header(p: Path, sep: str, enc: str) -> list[str] | None:
    import pandas as pd

    try:
        return [str(c) for c in pd.read_csv(p, sep=sep, nrows=0, encoding=enc, encoding_errors="replace").columns]
    except pd.errors.EmptyDataError:
        return None


def check_source(path: str | Path, *, text_column: str | None = None) -> None:
    """Check, before any scoring, that ``path`` can be read as a source of articles.

    Raises :class:`FileNotFoundError` for a missing path and
    :class:`InputError` for a table without its text column (or a folder
    whose manifest has no ``file`` column).  What can only be found by
    reading the articles (a file that does not decode, a broken JSON line)
    is not an error here: it becomes a row with its error when scored.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    if p.is_dir():
        if (p / "manifest.csv").exists():
            read_manifest(p / "manifest.csv")
        return
    _regular_file(p)
    suffix = p.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            enc, _ = _sniff(p)
            cols = _csv_header(p, "\t" if suffix == ".tsv" else ",", enc)
        elif suffix in (".jsonl", ".ndjson"):
            cols = _jsonl_columns(p)
        elif suffix == ".parquet":
            import pyarrow.parquet as pq

            cols = list(pq.ParquetFile(p).schema_arrow.names)
        else:
            return
    except InputError:
        raise
    except Exception:  # an unreadable table becomes a row with its error when scored
        return
    if cols is not None:
        _column_names(cols, str(p), text_column, None)


def iter_table(path: str | Path, *, text_column: str | None = None, id_column: str | None = None,
               chunksize: int = 10_000) -> Iterator[Article | FailedArticle]:
    """Articles from a CSV, TSV, JSON Lines, JSON or Parquet file, read in chunks.

    A missing text column raises :class:`InputError` before any row is
    yielded.  A file that cannot be read at all (binary, not a table, no
    records) yields one :class:`FailedArticle` named after the file; a
    broken JSON line yields one named ``file:line``.
    """
    p = Path(path)
    _regular_file(p)
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl_articles(p, text_column, id_column)
    elif suffix in (".csv", ".tsv"):
        yield from _iter_csv(p, "\t" if suffix == ".tsv" else ",", text_column, id_column, chunksize)
    elif suffix == ".json":
        yield from _iter_json(p, text_column, id_column)
    elif suffix == ".parquet":
        yield from _iter_parquet(p, text_column, id_column, chunksize)
    else:
        raise InputError(f"{p}: unsupported table format {suffix!r} (use .csv, .tsv, .jsonl, .json or .parquet)")


def _iter_jsonl_articles(p: Path, text_column: str | None, id_column: str | None) -> Iterator[Article | FailedArticle]:
    try:
        rows = _iter_jsonl(p)
        first = next(rows, None)
    except NotTextError as exc:
        yield _table_failure(p, exc)
        return
    if first is None:
        yield _table_failure(p, InputError(f"{p}: no JSON records (the file is empty)"))
        return
    text_key: str | None = None
    for lineno, obj in itertools.chain([first], rows):
        if isinstance(obj, FailedArticle):
            yield obj
            continue
        if text_key is None:  # the first object fixes the text field for the whole file
            text_key = _column_names(obj, str(p), text_column, id_column)["text"]
        # JSON objects need not share their keys: metadata fields are found per object
        names = _column_names([text_key, *obj], str(p), text_key, None)
        if id_column is not None:
            names["id"] = id_column
        yield _record(obj, names, str(lineno), f"{p}, line {lineno}", f"{p}:{lineno}")


def _iter_csv(p: Path, sep: str, text_column: str | None, id_column: str | None,
              chunksize: int) -> Iterator[Article | FailedArticle]:
    import pandas as pd

    try:
        enc = _utf8_or_fallback(p, _sniff(p)[0])
    except NotTextError as exc:
        yield _table_failure(p, exc)
        return
    header = _csv_header(p, sep, enc)
    if header is None:
        yield _table_failure(p, InputError(f"{p}: empty table (no header row)"))
        return
    names = _column_names(header, str(p), text_column, id_column)
    start = 0
    try:
        reader = pd.read_csv(p, sep=sep, dtype=str, keep_default_na=False, chunksize=chunksize,
                             encoding=enc, encoding_errors="replace")
        with reader:
            for chunk in reader:
                for i, rec in enumerate(chunk.to_dict("records"), start=start):
                    yield _record(rec, names, str(i), f"{p}:{i}")
                start += len(chunk)
    except (pd.errors.ParserError, ValueError, UnicodeError) as exc:
        yield _table_failure(p, InputError(f"{p}: not a readable CSV after row {start} ({str(exc).strip()})"),
                             at=str(start) if start else None)


def _iter_json(p: Path, text_column: str | None, id_column: str | None) -> Iterator[Article | FailedArticle]:
    try:
        text, _ = read_text(p)
        data = json.loads(text)
    except (NotTextError, ValueError, RecursionError) as exc:
        if isinstance(exc, InputError):
            raise
        yield _table_failure(p, InputError(f"{p}: not readable JSON ({exc})"))
        return
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        yield _table_failure(p, InputError(f"{p}: expected a JSON array of objects, got {type(data).__name__}"))
        return
    if not data:
        yield _table_failure(p, InputError(f"{p}: no JSON records (an empty array)"))
        return
    first = next((d for d in data if isinstance(d, dict)), None)
    if first is None:
        yield _table_failure(p, InputError(f"{p}: expected a JSON array of objects"))
        return
    names = _column_names(first, str(p), text_column, id_column)
    for i, rec in enumerate(data):
        yield _record(rec, names, str(i), f"{p}:{i}")


def _iter_parquet(p: Path, text_column: str | None, id_column: str | None,
                  chunksize: int) -> Iterator[Article | FailedArticle]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(p)
        cols = pf.schema_arrow.names
    except Exception as exc:  # pyarrow raises several types for bad files
        yield _table_failure(p, InputError(f"{p}: not a readable Parquet file ({exc})"))
        return
    names = _column_names(cols, str(p), text_column, id_column)
    start = 0
    try:
        for batch in pf.iter_batches(batch_size=chunksize):
            rows = batch.to_pylist()
            for i, rec in enumerate(rows, start=start):
                yield _record(rec, names, str(i), f"{p}:{i}")
            start += len(rows)
    except Exception as exc:  # a corrupt row group: keep what was read, report the rest
        yield _table_failure(p, InputError(f"{p}: not a readable Parquet file after row {start} ({exc})"),
                             at=str(start))


def iter_dataframe(df: Any, *, text_column: str | None = None, id_column: str | None = None) -> Iterator[Article | FailedArticle]:
    """Articles from a pandas DataFrame; without an id column the index gives the ids."""
    origin = "DataFrame"
    names = _column_names([str(c) for c in df.columns], origin, text_column, id_column)
    if names["id"] is None:
        names["id"] = "\x00index"
    cols = {str(c): c for c in df.columns}
    wanted = {v for v in names.values() if v is not None and v != "\x00index"}
    sub = df[[cols[c] for c in cols if c in wanted]]
    sub.columns = [str(c) for c in sub.columns]
    for n, (idx, rec) in enumerate(zip(df.index, sub.to_dict("records"))):
        rec["\x00index"] = idx
        yield _record(rec, names, str(n), f"{origin}:{idx}")


def _is_series(x: Any) -> bool:
    return type(x).__name__ == "Series" and hasattr(x, "index") and hasattr(x, "to_dict")


def _looks_like_path(x: str) -> bool:
    """A short one-word string ending in a file suffix mediakit reads (``articles.csv``)."""
    return (0 < len(x) <= 4096 and not any(ch.isspace() for ch in x)
            and Path(x).suffix.lower() in TEXT_SUFFIXES + TABLE_SUFFIXES)


def iter_articles(source: Any, *, text_column: str | None = None, id_column: str | None = None) -> Iterator[Article | FailedArticle]:
    """Every article in ``source``, lazily.

    ``source`` may be an :class:`Article`, a string of text, a path to a text
    file, a folder or a table file, a pandas DataFrame or Series, or an
    iterable of any of these.  Paths are given as :class:`pathlib.Path`; a
    ``str`` is taken as a path when it names an existing file or folder and
    holds no line break, otherwise as article text -- except that a single
    word ending in a suffix mediakit reads (``"articles.csv"``) that names no
    file is a :class:`FileNotFoundError`, not a one-word article.

    In an iterable, an item that cannot be read (a missing file, bytes that
    do not decode, an unsupported object) becomes a :class:`FailedArticle`
    at its position, and plain texts get their position as id.
    """
    if isinstance(source, (Article, FailedArticle)):
        yield source
        return
    if isinstance(source, Analysis):
        yield source.article
        return
    if _is_dataframe(source):
        yield from iter_dataframe(source, text_column=text_column, id_column=id_column)
        return
    if _is_series(source):
        for idx, value in source.items():
            aid = _clean(idx) or ""
            yield from _item(value, aid, text_column, id_column)
        return
    if isinstance(source, Path) and not source.exists():
        raise FileNotFoundError(f"{source}: no such file or folder")
    if isinstance(source, (str, Path)):
        p = _as_path(source)
        if p is None:
            if isinstance(source, str) and _looks_like_path(source):
                raise FileNotFoundError(f"{source}: no such file (give the text itself, or an existing path)")
            yield Article(id="text", text=_valid_unicode(str(source)))
            return
        yield from _iter_path(p, text_column, id_column)
        return
    if isinstance(source, (bytes, bytearray)):
        text, enc = decode_bytes(bytes(source))
        yield Article(id="text", text=text, encoding=enc)
        return
    if isinstance(source, dict):
        yield from iter_records([source], "dict", text_column=text_column, id_column=id_column)
        return
    try:
        items = iter(source)
    except TypeError:
        raise TypeError(f"cannot read articles from {type(source).__name__}") from None
    for n, item in enumerate(items):
        yield from _item(item, str(n), text_column, id_column)


def _iter_path(p: Path, text_column: str | None, id_column: str | None) -> Iterator[Article | FailedArticle]:
    if p.is_dir():
        yield from iter_folder(p)
    elif p.suffix.lower() in TABLE_SUFFIXES:
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such file")
        yield from iter_table(p, text_column=text_column, id_column=id_column)
    else:
        try:
            yield read_article(p)
        except (OSError, ValueError) as exc:
            yield FailedArticle(p.stem, _message(exc), str(p))


def _item(item: Any, aid: str, text_column: str | None, id_column: str | None) -> Iterator[Article | FailedArticle]:
    """One item of an iterable or Series; unreadable items become a FailedArticle with id ``aid``."""
    try:
        if isinstance(item, str):
            p = _as_path(item)
            if p is None:
                if _looks_like_path(item):
                    yield FailedArticle(Path(item).stem, f"FileNotFoundError: {item}: no such file", item)
                else:
                    yield Article(id=aid, text=_valid_unicode(item))
                return
            yield from _iter_path(p, text_column, id_column)
        elif isinstance(item, Path):
            if not item.exists():
                yield FailedArticle(item.stem, f"FileNotFoundError: {item}: no such file", str(item))
                return
            yield from _iter_path(item, text_column, id_column)
        elif isinstance(item, (bytes, bytearray)):
            text, enc = decode_bytes(bytes(item), f"item {aid}")
            yield Article(id=aid, text=text, encoding=enc)
        elif isinstance(item, dict):
            yield from iter_records([item], "dict", text_column=text_column, id_column=id_column,
                                    first_row=int(aid) if aid.isdigit() else 0)
        elif isinstance(item, (Article, FailedArticle, Analysis)) or _is_dataframe(item):
            yield from iter_articles(item, text_column=text_column, id_column=id_column)
        else:
            yield FailedArticle(aid, f"TypeError: cannot read an article from {type(item).__name__}")
    except (OSError, ValueError) as exc:
        yield FailedArticle(aid, _message(exc))


def load_articles(source: Any, *, text_column: str | None = None, id_column: str | None = None) -> list[Article]:
    """Like :func:`iter_articles` but a list, raising on the first input that cannot be read."""
    out = []
    for a in iter_articles(source, text_column=text_column, id_column=id_column):
        if isinstance(a, FailedArticle):
            raise InputError(a.error)
        out.append(a)
    return out


def as_article(x: Any) -> Article:
    """One article from an :class:`Article`, a text string, bytes or a path."""
    if isinstance(x, Article):
        return x
    if isinstance(x, str):
        p = _as_path(x)
        if p is None:
            if _looks_like_path(x):
                raise FileNotFoundError(f"{x}: no such file (give the text itself, or an existing path)")
            return Article(id="text", text=_valid_unicode(x))
        return read_article(p)
    if isinstance(x, Path):
        return read_article(x)
    if isinstance(x, (bytes, bytearray)):
        text, enc = decode_bytes(bytes(x))
        return Article(id="text", text=text, encoding=enc)
    raise TypeError(f"cannot analyse {type(x).__name__}: pass text, an Article or a path")


def _as_path(x: str | Path) -> Path | None:
    if isinstance(x, Path):
        return x
    if not x or "\n" in x or "\r" in x or "\x00" in x or len(x) > 4096:
        return None
    try:
        p = Path(x)
        return p if p.exists() else None
    except (OSError, ValueError):
        return None


def _is_dataframe(x: Any) -> bool:
    return type(x).__name__ == "DataFrame" and hasattr(x, "to_dict") and hasattr(x, "columns")


def seeds_path() -> Path:
    """The folder of the sample corpus (the ``seeds/`` folder of a source checkout)."""
    here = Path(__file__).resolve().parent
    for cand in (here / "seeds", here.parent / "seeds"):
        if (cand / "manifest.csv").exists():
            return cand
    raise FileNotFoundError("mediakit's seed corpus was not found next to the package")


def load_seeds() -> list[Article]:
    """The five seed articles (four outlets, one event), with their manifest metadata."""
    return load_articles(seeds_path())
