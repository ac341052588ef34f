"""Reading articles: text files, folders, CSV, JSON Lines, Parquet and DataFrames.

Decoding
    Bytes are decoded as UTF-8 first (a UTF-8, UTF-16 or UTF-32 byte-order
    mark is honoured and removed).  Text that is not valid UTF-8 falls back
    to cp1252 (Windows "smart quotes"), then Latin-1; the fallback is
    reported with a :class:`DecodingWarning` naming the file and recorded in
    :attr:`Article.encoding`.  Bytes that look binary (NUL bytes, or many
    control characters) raise :class:`NotTextError` naming the file.

Line endings
    The decoded text is kept as it is, ``\\r\\n`` and ``\\r`` included: the
    segmenter (:mod:`mediakit.text`) treats every line ending alike, so
    offsets always point into the text the user gave.

Batches
    :func:`iter_articles` yields an :class:`Article` or, for an input that
    could not be read, a :class:`FailedArticle` carrying its id and error, so
    that a batch can report every input and lose none.
"""

from __future__ import annotations

import codecs
import csv
import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .types import Article

TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet")

#: Column names recognised in tables, in order of preference.
TEXT_COLUMNS = ("text", "body", "content", "article")
ID_COLUMNS = ("id", "article_id", "doc_id")
OUTLET_COLUMNS = ("outlet", "source", "publisher", "site")
DATE_COLUMNS = ("published", "date", "publish_date", "published_at")
TITLE_COLUMNS = ("title", "headline")

#: Share of control characters above which bytes count as binary.
MAX_CONTROL_SHARE = 0.05
#: Files larger than this are refused rather than read into memory (bytes).
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


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:65536]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) < 0xA0 and ch != "\x85")
    return bad / len(sample)


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` as described in the module docs; return ``(text, encoding)``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise NotTextError(f"{name}: starts with a {enc} byte-order mark but does not decode ({exc.reason})") from None
    if b"\x00" in data[:65536]:
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


def read_text(path: str | Path) -> tuple[str, str]:
    """Read and decode one file; errors name the file."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise FileNotFoundError(f"{p}: no such file") from None
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a file")
    if size > MAX_FILE_BYTES:
        raise InputError(f"{p}: {size} bytes is larger than the {MAX_FILE_BYTES}-byte limit for one article")
    return decode_bytes(p.read_bytes(), str(p))


def read_article(path: str | Path, *, id: str | None = None, outlet: str | None = None,
                 published: str | None = None, title: str | None = None) -> Article:
    """One text (or HTML) file as an :class:`Article`; its id defaults to the file name's stem."""
    p = Path(path)
    text, enc = read_text(p)
    return Article(id=id or p.stem, text=text, outlet=outlet, published=published, title=title,
                   source=str(p), encoding=enc)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    try:
        import math

        if isinstance(value, float) and math.isnan(value):
            return None
    except TypeError:  # pragma: no cover
        pass
    if hasattr(value, "isoformat") and not isinstance(value, str):
        value = value.isoformat()
        if value.endswith("T00:00:00"):
            value = value[:10]
    s = str(value).strip()
    return s or None


def read_manifest(path: str | Path) -> list[dict[str, str]]:
    """Rows of a manifest CSV (columns: file, id, outlet, published, title)."""
    p = Path(path)
    text, _ = read_text(p)
    rows = list(csv.DictReader(text.splitlines()))
    if rows and "file" not in rows[0]:
        raise InputError(f"{p}: a manifest needs a 'file' column (has {', '.join(rows[0])})")
    return rows


def iter_folder(folder: str | Path, manifest: str | Path | None = None) -> Iterator[Article | FailedArticle]:
    """The text files of a folder, in name order, with metadata from a manifest.

    ``manifest`` defaults to ``manifest.csv`` in the folder when it exists.
    A manifest row naming a missing file yields a :class:`FailedArticle`.
    """
    folder = Path(folder)
    mpath = Path(manifest) if manifest is not None else folder / "manifest.csv"
    if manifest is not None and not mpath.exists():
        raise FileNotFoundError(f"{mpath}: no such manifest")
    if mpath.exists():
        for row in read_manifest(mpath):
            fp = folder / row["file"]
            aid = _clean(row.get("id")) or Path(row["file"]).stem
            meta = dict(outlet=_clean(row.get("outlet")), published=_clean(row.get("published")),
                        title=_clean(row.get("title")))
            try:
                yield read_article(fp, id=aid, **meta)
            except (OSError, ValueError) as exc:
                yield FailedArticle(aid, _message(exc), str(fp), **meta)
        return
    for fp in sorted(folder.iterdir()):
        if fp.is_file() and fp.suffix.lower() in TEXT_SUFFIXES and fp.name.lower() != "readme.md":
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
            raise InputError(f"{origin}: no {what} column {wanted!r} (columns: {', '.join(map(str, cols))})")
        return wanted
    lower = {str(c).lower(): c for c in cols}
    for opt in options:
        if opt in lower:
            return lower[opt]
    if required:
        raise InputError(f"{origin}: no {what} column (looked for {', '.join(options)}; "
                         f"columns: {', '.join(map(str, cols)) or 'none'})")
    return None


def iter_records(records: Iterable[dict[str, Any]], origin: str, *, text_column: str | None = None,
                 id_column: str | None = None, first_row: int = 0,
                 columns: Iterable[str] | None = None) -> Iterator[Article | FailedArticle]:
    """Articles from dict-like rows (a table's rows, JSON objects)."""
    names: dict[str, str | None] | None = None
    for i, rec in enumerate(records, start=first_row):
        if isinstance(rec, FailedArticle):
            yield rec
            continue
        if names is None:
            cols = list(columns) if columns is not None else list(rec)
            names = {
                "text": _pick(cols, text_column, TEXT_COLUMNS, "text", origin, required=True),
                "id": _pick(cols, id_column, ID_COLUMNS, "id", origin),
                "outlet": _pick(cols, None, OUTLET_COLUMNS, "outlet", origin),
                "published": _pick(cols, None, DATE_COLUMNS, "date", origin),
                "title": _pick(cols, None, TITLE_COLUMNS, "title", origin),
            }
        aid = _clean(rec.get(names["id"])) if names["id"] else None
        aid = aid or str(i)
        meta = {k: _clean(rec.get(names[k])) if names[k] else None for k in ("outlet", "published", "title")}
        raw = rec.get(names["text"])
        where = f"{origin}:{i}"
        if isinstance(raw, bytes):
            try:
                raw, _ = decode_bytes(raw, where)
            except NotTextError as exc:
                yield FailedArticle(aid, _message(exc), where, **meta)
                continue
        if raw is None or (isinstance(raw, float) and raw != raw):
            raw = ""
        if not isinstance(raw, str):
            yield FailedArticle(aid, f"InputError: {where}: text is {type(raw).__name__}, not a string", where, **meta)
            continue
        yield Article(id=aid, text=raw, source=where, **meta)


def _iter_jsonl(path: Path) -> Iterator[dict[str, Any] | FailedArticle]:
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                line, _ = decode_bytes(raw, f"{path}:{lineno}")
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
            except (ValueError, NotTextError) as exc:
                yield FailedArticle(f"{path.name}:{lineno}", f"InputError: {path}, line {lineno}: {exc}", f"{path}:{lineno}")
                continue
            yield obj


def iter_table(path: str | Path, *, text_column: str | None = None, id_column: str | None = None,
               chunksize: int = 10_000) -> Iterator[Article | FailedArticle]:
    """Articles from a CSV, TSV, JSON Lines or Parquet file, read in chunks."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file")
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        rows = _iter_jsonl(p)
        first: dict[str, Any] | None = None
        buffered: list[Any] = []
        for r in rows:
            buffered.append(r)
            if not isinstance(r, FailedArticle):
                first = r
                break
        if first is None:
            yield from buffered  # only failures (or nothing)
            return
        import itertools

        cols = list(first)
        yield from iter_records(itertools.chain(buffered, rows), str(p), text_column=text_column, id_column=id_column,
                                first_row=1, columns=cols)
        return
    import pandas as pd

    if suffix in (".csv", ".tsv"):
        try:
            reader = pd.read_csv(p, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False,
                                 chunksize=chunksize, encoding="utf-8", encoding_errors="strict")
            start = 0
            for chunk in reader:
                yield from iter_records(chunk.to_dict("records"), str(p), text_column=text_column,
                                        id_column=id_column, first_row=start, columns=chunk.columns)
                start += len(chunk)
        except UnicodeDecodeError:
            text, _ = read_text(p)  # fallback decoding, reported
            import io as _io

            df = pd.read_csv(_io.StringIO(text), sep="\t" if suffix == ".tsv" else ",", dtype=str,
                             keep_default_na=False)
            yield from iter_records(df.to_dict("records"), str(p), text_column=text_column,
                                    id_column=id_column, columns=df.columns)
        except pd.errors.EmptyDataError:
            raise InputError(f"{p}: empty table (no header row)") from None
        except pd.errors.ParserError as exc:
            raise InputError(f"{p}: not a readable CSV ({str(exc).strip()})") from None
        return
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(p)
        except Exception as exc:  # pyarrow raises several types for bad files
            raise InputError(f"{p}: not a readable Parquet file ({exc})") from None
        start = 0
        cols = pf.schema_arrow.names
        for batch in pf.iter_batches(batch_size=chunksize):
            rows = batch.to_pylist()
            yield from iter_records(rows, str(p), text_column=text_column, id_column=id_column,
                                    first_row=start, columns=cols)
            start += len(rows)
        return
    raise InputError(f"{p}: unsupported table format {suffix!r} (use .csv, .tsv, .jsonl or .parquet)")


def iter_dataframe(df: Any, *, text_column: str | None = None, id_column: str | None = None) -> Iterator[Article | FailedArticle]:
    """Articles from a pandas DataFrame; without an id column the index gives the ids."""
    origin = "DataFrame"
    idc = _pick(df.columns, id_column, ID_COLUMNS, "id", origin)
    recs = df.to_dict("records")
    if idc is None:
        for rec, idx in zip(recs, df.index):
            rec["__index_id__"] = idx
        idc = "__index_id__"
    yield from iter_records(recs, origin, text_column=text_column, id_column=idc, columns=list(df.columns) + [idc])


def iter_articles(source: Any, *, text_column: str | None = None, id_column: str | None = None) -> Iterator[Article | FailedArticle]:
    """Every article in ``source``, lazily.

    ``source`` may be an :class:`Article`, a string of text, a path to a text
    file, a folder or a table file, a pandas DataFrame, or an iterable of any
    of these.  Paths are given as :class:`pathlib.Path`; a ``str`` is taken as
    a path only when it names an existing file or folder and holds no line
    break, otherwise as article text.
    """
    if isinstance(source, (Article, FailedArticle)):
        yield source
        return
    if _is_dataframe(source):
        yield from iter_dataframe(source, text_column=text_column, id_column=id_column)
        return
    if isinstance(source, (str, Path)):
        p = _as_path(source)
        if p is None:
            yield Article(id="text", text=str(source))
            return
        if p.is_dir():
            yield from iter_folder(p)
        elif p.suffix.lower() in TABLE_SUFFIXES:
            yield from iter_table(p, text_column=text_column, id_column=id_column)
        else:
            try:
                yield read_article(p)
            except (OSError, ValueError) as exc:
                yield FailedArticle(p.stem, _message(exc), str(p))
        return
    if isinstance(source, bytes):
        text, enc = decode_bytes(source)
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
        if isinstance(item, str) and _as_path(item) is None:
            yield Article(id=str(n), text=item)
        else:
            yield from iter_articles(item, text_column=text_column, id_column=id_column)


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
        return Article(id="text", text=x) if p is None else read_article(p)
    if isinstance(x, Path):
        return read_article(x)
    if isinstance(x, bytes):
        text, enc = decode_bytes(x)
        return Article(id="text", text=text, encoding=enc)
    raise TypeError(f"cannot analyse {type(x).__name__}: pass text, an Article or a path")


def _as_path(x: str | Path) -> Path | None:
    if isinstance(x, Path):
        return x
    if not x or "\n" in x or "\r" in x or len(x) > 4096:
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
