"""The ``mediakit`` command line.

Commands: ``score`` (one row per article), ``spans`` (the spans of one
article as JSON), ``compare`` (group means with article counts and a
plain-language reading) and ``report`` (a self-contained HTML report).

Exit codes: 0 success; 1 some articles failed and ``--strict`` was given;
2 bad usage or unreadable input (the message names the file).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import warnings
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from . import __version__
from .frame import columns, iter_rows
from .io import InputError, NotTextError, check_source, iter_articles
from .lexicon import LexiconError

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _check_paths(paths: Sequence[str]) -> list[Path]:
    out = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise UsageError(f"{p}: no such file or folder")
        out.append(path)
    return out


def _lexicon_options(args: argparse.Namespace) -> dict[str, str] | None:
    if not getattr(args, "lexicon", None):
        return None
    out = {}
    for item in args.lexicon:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            raise UsageError(f"--lexicon expects NAME=PATH, got {item!r}")
        out[name] = path
    return out


def _iter_items(paths: Iterable[Path], text_column: str | None) -> Iterator[Any]:
    for p in paths:
        yield from iter_articles(p, text_column=text_column)


def _fmt(value: Any) -> Any:
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(round(value, 6))
    return "" if value is None else value


def _open_out(path: str | None):
    if path is None or path == "-":
        return sys.stdout, False
    return open(path, "w", encoding="utf-8", newline=""), True


def _write_rows(rows: Iterable[dict[str, Any]], fmt: str, output: str | None, cols: list[str]) -> tuple[int, list[tuple[str, str]]]:
    """Write rows as they come; return the row count and the failures."""
    failures: list[tuple[str, str]] = []
    n = 0

    def tracked() -> Iterator[dict[str, Any]]:
        nonlocal n
        for row in rows:
            n += 1
            if row.get("error"):
                failures.append((str(row["id"]), str(row["error"])))
            yield row

    header = ["id", *cols]
    if fmt == "parquet":
        if not output or output == "-":
            raise UsageError("--format parquet needs --output FILE")
        _write_parquet(tracked(), output, header)
        return n, failures
    if fmt == "table":
        from .frame import rows_to_frame
        import pandas as pd

        df = rows_to_frame(tracked())
        with pd.option_context("display.max_columns", None, "display.width", 200):
            text = df.round(3).to_string()
        fh, close = _open_out(output)
        fh.write(text + "\n")
        if close:
            fh.close()
        return n, failures
    fh, close = _open_out(output)
    try:
        if fmt == "csv":
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(header)
            for row in tracked():
                writer.writerow([_fmt(row.get(c)) for c in header])
        else:  # jsonl
            for row in tracked():
                clean = {c: (None if isinstance(row.get(c), float) and math.isnan(row[c]) else row.get(c)) for c in header}
                fh.write(json.dumps(clean, ensure_ascii=False) + "\n")
    finally:
        if close:
            fh.close()
    return n, failures


#: Rows per Parquet row group when streaming.
PARQUET_ROWS = 5_000


def _write_parquet(rows: Iterable[dict[str, Any]], output: str, header: list[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .frame import TEXT_COLUMNS

    text_cols = {"id", *TEXT_COLUMNS}
    schema = pa.schema([(c, pa.string() if c in text_cols else pa.float64()) for c in header])
    with pq.ParquetWriter(output, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append({c: row.get(c) for c in header})
            if len(batch) >= PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def cmd_score(args: argparse.Namespace) -> int:
    paths = _check_paths(args.paths)
    for p in paths:  # a table without its text column is a usage error, before any output
        check_source(p, text_column=args.text_column)
    lexicons = _lexicon_options(args)
    if lexicons:
        from .core import _resolve_lexicons

        _resolve_lexicons(tuple(lexicons), lexicons)
    fmt = args.format or ("parquet" if args.output and args.output.endswith(".parquet") else "csv")
    options = {"strip_boilerplate": not args.keep_boilerplate, "tone": args.tone, "lexicons": lexicons}
    rows = iter_rows(_iter_items(paths, args.text_column), n_jobs=args.n_jobs, options=options)
    n, failures = _write_rows(rows, fmt, args.output, columns(args.tone))
    if failures:
        print(f"mediakit: {len(failures)} of {n} articles failed:", file=sys.stderr)
        for aid, err in failures[:20]:
            print(f"  {aid}: {err}", file=sys.stderr)
        if len(failures) > 20:
            print(f"  ... and {len(failures) - 20} more (see the error column)", file=sys.stderr)
        if args.strict:
            return EXIT_FAILURES
    return EXIT_OK


def cmd_spans(args: argparse.Namespace) -> int:
    from .core import analyze
    from .io import read_article

    (path,) = _check_paths([args.path])
    article = read_article(path)
    analysis = analyze(article, strip_boilerplate=not args.keep_boilerplate, lexicons=_lexicon_options(args))
    data = {
        "id": article.id,
        "text_length": len(analysis.text),
        "spans": [s.as_dict() for s in analysis.spans],
    }
    fh, close = _open_out(args.output)
    fh.write(json.dumps(data, ensure_ascii=False, indent=1 if args.format == "json" else None) + "\n")
    if close:
        fh.close()
    return EXIT_OK


def _summarise_failures(failures: list[tuple[str, str]], n: int) -> None:
    print(f"mediakit: {len(failures)} of {n} articles failed:", file=sys.stderr)
    for aid, err in failures[:20]:
        print(f"  {aid}: {err}", file=sys.stderr)
    if len(failures) > 20:
        print(f"  ... and {len(failures) - 20} more", file=sys.stderr)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    lexicons = _lexicon_options(args)
    if lexicons:
        from .core import _resolve_lexicons

        _resolve_lexicons(tuple(lexicons), lexicons)
    return {"strip_boilerplate": not args.keep_boilerplate, "tone": args.tone, "lexicons": lexicons}


def _comparison_text(table: Any) -> str:
    """A comparison for the terminal: one row per score, one column per group, rounded."""
    import pandas as pd

    def row(values: Any) -> list[str]:
        values = [float(v) for v in values]
        whole = all(math.isnan(v) or v.is_integer() for v in values)
        return ["n/a" if math.isnan(v) else str(int(v)) if whole else f"{v:.3f}" for v in values]

    rows = {str(col): row(table[col]) for col in table.columns}
    shown = pd.DataFrame.from_dict(rows, orient="index", columns=[str(g) for g in table.index])
    shown.columns.name = table.index.name
    return shown.to_string()


def cmd_compare(args: argparse.Namespace) -> int:
    import pandas as pd

    from .frame import compare, rows_to_frame

    paths = _check_paths(args.paths)
    options = _options(args)
    rows = list(iter_rows(_iter_items(paths, args.text_column), n_jobs=args.n_jobs, options=options))
    if not rows:
        raise UsageError(f"no articles found in {', '.join(map(str, paths))}")
    failures = [(str(r["id"]), str(r["error"])) for r in rows if r.get("error")]
    table = compare(rows_to_frame(rows, tone=args.tone), by=args.by)
    fh, close = _open_out(args.output)
    try:
        if args.format == "csv":
            table.to_csv(fh, lineterminator="\n", float_format=lambda v: repr(round(float(v), 6)))
        else:
            with pd.option_context("display.max_columns", None, "display.width", 200, "display.max_rows", None):
                fh.write(_comparison_text(table) + "\n\n")
            fh.write(table.attrs["reading"] + "\n")
    finally:
        if close:
            fh.close()
    if failures:
        _summarise_failures(failures, len(rows))
        if args.strict:
            return EXIT_FAILURES
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .frame import iter_analyses
    from .report import render_report

    paths = _check_paths(args.paths)
    options = _options(args)
    items = list(iter_analyses(list(paths), text_column=args.text_column, **options))
    if not items:
        raise UsageError(f"no articles found in {', '.join(map(str, paths))}")
    html = render_report(items, title=args.title, by=args.by, tone=args.tone, charts=not args.no_charts)
    fh, close = _open_out(args.output)
    try:
        fh.write(html)
    finally:
        if close:
            fh.close()
    failures = [(a.id, str(err)) for a, analysis, err in items if analysis is None]
    if failures:
        _summarise_failures(failures, len(items))
        if args.strict:
            return EXIT_FAILURES
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mediakit", description="Explainable scores for news articles.")
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--keep-boilerplate", action="store_true", help="score the whole text, page furniture included")
        p.add_argument("--lexicon", action="append", metavar="NAME=PATH", help="replace a bundled lexicon (repeatable)")

    def batch(p: argparse.ArgumentParser, *, n_jobs: bool = True) -> None:
        """The options of every command that scores many articles."""
        p.add_argument("paths", nargs="+", metavar="PATH", help="text files, folders, .csv/.jsonl/.parquet tables")
        p.add_argument("--text-column", help="the text column of a table (default: text, body, content or article)")
        if n_jobs:
            p.add_argument("--n-jobs", type=int, default=1, help="worker processes (-1: all cores)")
        p.add_argument("--tone", action="store_true", help="add sentence-averaged VADER tone (slower)")
        p.add_argument("--strict", action="store_true", help="exit 1 when any article failed")
        common(p)

    from .frame import META_COLUMNS

    p = sub.add_parser("score", help="score articles: one row per input")
    p.add_argument("--format", choices=("csv", "jsonl", "table", "parquet"), help="output format (default csv)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    batch(p)
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("spans", help="the spans of one article as JSON")
    p.add_argument("path", metavar="FILE")
    p.add_argument("--format", choices=("json", "jsonl"), default="json", help="json (indented) or one line")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    common(p)
    p.set_defaults(func=cmd_spans)

    p = sub.add_parser("compare", help="compare outlets: mean scores, article counts and a plain-language reading")
    p.add_argument("--by", choices=META_COLUMNS, default="outlet", help="the column to group by (default outlet)")
    p.add_argument("--format", choices=("table", "csv"), default="table",
                   help="table (one row per score, rounded, with the reading) or csv (one row per group, unrounded)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    batch(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("report", help="write a self-contained HTML report: comparison, charts, scores, articles")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write ('-': standard output)")
    p.add_argument("--title", default="mediakit report", help="the report's title")
    p.add_argument("--by", choices=META_COLUMNS, default="outlet", help="the column to group by (default outlet)")
    p.add_argument("--no-charts", action="store_true", help="leave the charts out")
    batch(p, n_jobs=False)
    p.set_defaults(func=cmd_report)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings (such as a decoding fallback) as one readable line on stderr."""
    print(f"mediakit: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage
        return int(exc.code or 0)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return args.func(args)
    except (UsageError, FileNotFoundError, InputError, NotTextError, LexiconError, IsADirectoryError,
            PermissionError) as exc:
        print(f"mediakit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
