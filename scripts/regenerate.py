#!/usr/bin/env python
"""Regenerate the notebooks' outputs and the expected seed results.

mediakit's notebooks (``notebooks/*.ipynb``) are committed with their
outputs, and ``tests/expected/`` holds the scores, spans and numeric claims
of the five seed articles.  The test suite compares both with what the code
produces now (nbval for the notebooks, ``tests/test_expected.py`` for the
expected files), so any change of a score shows up as a failing test with a
readable diff.

When a change is intended (a new rule, a corrected lexicon entry), run::

    python scripts/regenerate.py

from the repository root.  It

1. executes every notebook in ``notebooks/`` top to bottom, in place, with
   the ``python3`` kernel and ``notebooks/`` as working directory (as nbval
   does), and stops at the first notebook whose outputs are not
   reproducible (an error, a warning on stderr, an absolute path, a memory
   address);
2. rewrites ``tests/expected/`` (``seed_scores.csv``, ``seed_spans.json``,
   ``seed_claims.csv``, ``versions.json``);
3. prints what changed in the expected files and reminds you to re-read the
   notebooks' written prose, which quotes numbers that may have moved.

A changed lexicon must carry a new version number (the ``# version:`` line
of its header); ``versions.json`` records each bundled lexicon's version and
the hash of its entries, and the tests fail when the entries change under an
unchanged version.  Commit the code, the lexicon, the notebooks and
``tests/expected/`` together.

The script refuses to run while a lexicon's entries differ from those
recorded in ``versions.json`` under the same version number (bump the
version; ``--same-lexicon-versions`` accepts the change for a lexicon that
was never released).

Options: ``--expected-only`` skips the notebooks, ``--notebooks-only`` skips
the expected files, ``--check`` compares the expected files without writing
anything (exit status 1 and the diff when they differ), and notebook name
fragments (``python scripts/regenerate.py 02 03``) select notebooks.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXPECTED = ROOT / "tests" / "expected"
KERNEL_NAME = "python3"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": KERNEL_NAME}
#: Seconds one notebook cell may take before execution is abandoned.
CELL_TIMEOUT = 600
#: Decimal places kept for scores in the expected files.
SCORE_DECIMALS = 6
#: At most this many lines per section of a diff report.
MAX_REPORT_LINES = 40

SCORES_FILE = "seed_scores.csv"
SPANS_FILE = "seed_spans.json"
CLAIMS_FILE = "seed_claims.csv"
VERSIONS_FILE = "versions.json"


# --------------------------------------------------------------------------
# Expected results: a snapshot of what mediakit says about the seeds
# --------------------------------------------------------------------------

SpanRow = tuple[str, int, int, str, str, str]  # id, start, end, category, cue, rule


@dataclass
class Snapshot:
    """The seeds' results in the form stored in ``tests/expected/``."""

    versions: dict[str, Any]
    columns: list[str]
    scores: dict[str, dict[str, float]]  # article id -> score name -> value (rounded)
    spans: dict[str, list[list[Any]]]  # article id -> [start, end, category, cue, rule]
    claims: list[dict[str, Any]] = field(default_factory=list)


def round_score(value: float) -> float:
    """A score as stored: rounded to :data:`SCORE_DECIMALS` places, NaN kept."""
    value = float(value)
    if math.isnan(value):
        return value
    out = round(value, SCORE_DECIMALS)
    return 0.0 if out == 0 else out  # no "-0.0"


def lexicon_fingerprint(text: str) -> str:
    """SHA-256 of a lexicon's entry lines (header and comments excluded, line endings normalised)."""
    lines = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lines.append(line.rstrip())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def bundled_lexicon_info() -> dict[str, dict[str, str]]:
    """Each bundled lexicon's version and entry fingerprint, by name."""
    from importlib import resources

    from mediakit.lexicon import parse_lexicon

    out: dict[str, dict[str, str]] = {}
    for res in sorted(resources.files("mediakit.lexicons").iterdir(), key=lambda r: r.name):
        if res.name.endswith(".tsv"):
            text = res.read_text(encoding="utf-8")
            lex = parse_lexicon(text, res.name)
            out[lex.name] = {"version": lex.version, "entries_sha256": lexicon_fingerprint(text)}
    return dict(sorted(out.items()))


def _json_value(value: Any) -> Any:
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return round_score(value)
    if isinstance(value, Mapping):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    return value


def snapshot(lexicons: Mapping[str, Any] | None = None) -> Snapshot:
    """Analyse the seeds (optionally with replacement lexicons) into a :class:`Snapshot`."""
    import mediakit

    columns = [c.name for c in mediakit.score_columns()]
    scores: dict[str, dict[str, float]] = {}
    spans: dict[str, list[list[Any]]] = {}
    claims: list[dict[str, Any]] = []
    used: dict[str, str] = {}
    for art in mediakit.load_seeds():
        an = mediakit.analyze(art, lexicons=lexicons)
        used.update(an.lexicons)
        scores[art.id] = {name: round_score(an.scores[name]) for name in columns if name in an.scores}
        spans[art.id] = [[s.start, s.end, s.category, s.cue, s.rule] for s in an.spans]
        attribution = an.details.get("attribution") or {}
        for claim in attribution.get("claims", ()) if isinstance(attribution, Mapping) else ():
            claims.append({"id": art.id, **_json_value(dict(claim))})
    versions = {"mediakit": mediakit.__version__, "lexicons": dict(sorted(used.items()))}
    return Snapshot(versions, columns, scores, spans, claims)


def _fmt_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else repr(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def scores_csv(snap: Snapshot) -> str:
    """Long format (``id,score,value``), one score per line, so that a diff shows each changed score."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "score", "value"])
    for aid in sorted(snap.scores):
        for name in snap.columns:
            if name in snap.scores[aid]:
                w.writerow([aid, name, _fmt_value(snap.scores[aid][name])])
    return buf.getvalue()


def spans_json(snap: Snapshot) -> str:
    """One span per line: ``[start, end, category, cue, rule]`` under each article id."""
    out = ["{"]
    ids = sorted(snap.spans)
    for i, aid in enumerate(ids):
        rows = snap.spans[aid]
        if not rows:
            out.append(f"  {json.dumps(aid)}: []" + ("," if i < len(ids) - 1 else ""))
            continue
        out.append(f"  {json.dumps(aid)}: [")
        for j, row in enumerate(rows):
            comma = "," if j < len(rows) - 1 else ""
            out.append("    " + json.dumps(row, ensure_ascii=False) + comma)
        out.append("  ]" + ("," if i < len(ids) - 1 else ""))
    out.append("}")
    return "\n".join(out) + "\n"


def claims_csv(snap: Snapshot) -> str:
    """The numeric claims found by the attribution scorer, one per line (key order as emitted)."""
    keys: list[str] = []
    for claim in snap.claims:
        for k in claim:
            if k not in keys:
                keys.append(k)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(keys)
    for claim in snap.claims:
        w.writerow([_fmt_value(claim.get(k)) for k in keys])
    return buf.getvalue()


def versions_json(snap: Snapshot) -> str:
    info = {"mediakit": snap.versions["mediakit"], "lexicons": bundled_lexicon_info()}
    return json.dumps(info, indent=2, sort_keys=True) + "\n"


def expected_files(snap: Snapshot) -> dict[str, str]:
    """File name -> text of every file in ``tests/expected/``."""
    files = {SCORES_FILE: scores_csv(snap), SPANS_FILE: spans_json(snap), VERSIONS_FILE: versions_json(snap)}
    if snap.claims:
        files[CLAIMS_FILE] = claims_csv(snap)
    return files


def _read_float(text: str) -> float:
    return float("nan") if text in ("", "NaN", "nan") else float(text)


def load_expected(folder: Path | None = None) -> Snapshot:
    """Read ``tests/expected/`` (or ``folder``) back into a :class:`Snapshot` (claims as strings)."""
    folder = folder or EXPECTED
    scores: dict[str, dict[str, float]] = {}
    columns: list[str] = []
    with open(folder / SCORES_FILE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            scores.setdefault(row["id"], {})[row["score"]] = _read_float(row["value"])
            if row["score"] not in columns:
                columns.append(row["score"])
    spans = json.loads((folder / SPANS_FILE).read_text(encoding="utf-8"))
    claims: list[dict[str, Any]] = []
    if (folder / CLAIMS_FILE).exists():
        with open(folder / CLAIMS_FILE, encoding="utf-8", newline="") as fh:
            claims = [dict(r) for r in csv.DictReader(fh)]
    info = json.loads((folder / VERSIONS_FILE).read_text(encoding="utf-8"))
    versions = {
        "mediakit": info.get("mediakit"),
        "lexicons": {k: v["version"] for k, v in info.get("lexicons", {}).items()},
        "entries_sha256": {k: v.get("entries_sha256") for k, v in info.get("lexicons", {}).items()},
    }
    return Snapshot(versions, columns, scores, spans, claims)


# --------------------------------------------------------------------------
# Diff: what changed between the expected results and the current ones
# --------------------------------------------------------------------------


def _same(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b


def _num(value: float) -> str:
    return "NaN" if math.isnan(value) else repr(value)


def _clip(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_REPORT_LINES:
        return lines
    return lines[:MAX_REPORT_LINES] + [f"  ... and {len(lines) - MAX_REPORT_LINES} more"]


def _span_line(aid: str, row: Iterable[Any]) -> str:
    start, end, category, cue, rule = row
    return f"  {aid}  [{start}:{end}]  {category:<14} {cue!r}  ({rule})"


def _claim_key(claim: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(k), _fmt_value(v)) for k, v in claim.items()))


def diff_snapshots(old: Snapshot, new: Snapshot) -> list[str]:
    """A readable report of every difference (empty when the results are the same).

    Sections: versions, changed scores (``article  score  old -> new``),
    added/removed score columns and articles, removed and added spans
    (``article [start:end] category 'cue' (rule)``) and numeric claims.
    """
    report: list[str] = []
    if old.versions.get("mediakit") != new.versions.get("mediakit"):
        report.append(f"mediakit version: {old.versions.get('mediakit')} -> {new.versions.get('mediakit')}")
    old_lex, new_lex = old.versions.get("lexicons", {}), new.versions.get("lexicons", {})
    for name in sorted(set(old_lex) | set(new_lex)):
        if old_lex.get(name) != new_lex.get(name):
            report.append(f"lexicon {name} version: {old_lex.get(name, '(none)')} -> {new_lex.get(name, '(none)')}")

    added_ids = sorted(set(new.scores) - set(old.scores))
    removed_ids = sorted(set(old.scores) - set(new.scores))
    if added_ids:
        report.append("articles added: " + ", ".join(added_ids))
    if removed_ids:
        report.append("articles removed: " + ", ".join(removed_ids))
    old_cols, new_cols = set(old.columns), set(new.columns)
    if new_cols - old_cols:
        report.append("score columns added: " + ", ".join(c for c in new.columns if c not in old_cols))
    if old_cols - new_cols:
        report.append("score columns removed: " + ", ".join(c for c in old.columns if c not in new_cols))

    changed: list[str] = []
    for aid in sorted(set(old.scores) & set(new.scores)):
        for name in new.columns:
            if name in old.scores[aid] and name in new.scores[aid]:
                a, b = old.scores[aid][name], new.scores[aid][name]
                if not _same(a, b):
                    changed.append(f"  {aid}  {name:<28} {_num(a)} -> {_num(b)}")
    if changed:
        report.append(f"scores changed ({len(changed)}): article  score  expected -> now")
        report.extend(_clip(changed))

    removed: list[str] = []
    added: list[str] = []
    for aid in sorted(set(old.spans) | set(new.spans)):
        before = [tuple(r) for r in old.spans.get(aid, [])]
        after = [tuple(r) for r in new.spans.get(aid, [])]
        after_set, before_set = set(after), set(before)
        removed += [_span_line(aid, r) for r in before if r not in after_set]
        added += [_span_line(aid, r) for r in after if r not in before_set]
    if removed:
        report.append(f"spans removed ({len(removed)}):")
        report.extend(_clip(removed))
    if added:
        report.append(f"spans added ({len(added)}):")
        report.extend(_clip(added))

    report.extend(_claims_diff(old.claims, new.claims))
    return report


def _claim_place(claim: Mapping[str, Any]) -> tuple[str, str, str]:
    return (str(claim.get("id", "")), _fmt_value(claim.get("start")), _fmt_value(claim.get("end")))


def _claims_diff(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    """Claims matched by article and offsets: changed fields (``~``), removed (``-``) and added (``+``) claims."""
    old_at = {_claim_place(c): dict(_claim_key(c)) for c in old}
    new_at = {_claim_place(c): dict(_claim_key(c)) for c in new}
    lines = []
    for place in sorted(set(old_at) | set(new_at), key=lambda p: (p[0], int(p[1] or 0), p[2])):
        a, b = old_at.get(place), new_at.get(place)
        if a == b:
            continue
        if a is None:
            lines.append(f"  + {_claim_line(b)}")
        elif b is None:
            lines.append(f"  - {_claim_line(a)}")
        else:
            changes = [f"{k}: {a.get(k, '(none)')!r} -> {b.get(k, '(none)')!r}"
                       for k in sorted(set(a) | set(b)) if a.get(k, "") != b.get(k, "")]
            lines.append(f"  ~ {place[0]}  [{place[1]}:{place[2]}]  " + "; ".join(changes))
    if not lines:
        return []
    return [f"numeric claims changed ({len(lines)}): ~ changed, - removed, + added"] + _clip(lines)


#: Claim fields shown in a diff line, in order (the others are compared but not shown).
CLAIM_SHOWN = ("text", "number", "unit", "approximator", "source", "source_kind")


def _claim_line(claim: Mapping[str, str]) -> str:
    where = f"[{claim['start']}:{claim['end']}]" if claim.get("start") and claim.get("end") else ""
    shown = [f"{k}={claim[k]!r}" for k in CLAIM_SHOWN if claim.get(k)]
    if not shown:
        shown = [f"{k}={v!r}" for k, v in sorted(claim.items()) if k not in ("id", "start", "end")]
    return f"{claim.get('id', '?')}  {where}  " + ", ".join(shown)


def unbumped_lexicons(expected: Snapshot) -> list[str]:
    """Bundled lexicons whose entries changed while their version stayed the same."""
    now = bundled_lexicon_info()
    out = []
    for name, info in now.items():
        old_sha = expected.versions.get("entries_sha256", {}).get(name)
        old_version = expected.versions.get("lexicons", {}).get(name)
        if old_sha and old_sha != info["entries_sha256"] and old_version == info["version"]:
            out.append(f"lexicon {name}: entries changed but the version is still {info['version']}; "
                       f"bump the '# version:' line of mediakit/lexicons/{name}.tsv")
    return out


def comparable(snap: Snapshot) -> Snapshot:
    """``snap`` as it would read back from the files (claims as CSV strings)."""
    claims = list(csv.DictReader(io.StringIO(claims_csv(snap)))) if snap.claims else []
    return Snapshot(snap.versions, snap.columns, snap.scores, snap.spans, [dict(c) for c in claims])


def check_expected(folder: Path | None = None, lexicons: Mapping[str, Any] | None = None) -> list[str]:
    """The diff between ``tests/expected/`` (or ``folder``) and the current results; empty when they agree."""
    folder = folder or EXPECTED
    expected = load_expected(folder)
    report = diff_snapshots(expected, comparable(snapshot(lexicons)))
    report += unbumped_lexicons(expected)
    return report


def write_expected(folder: Path | None = None) -> list[str]:
    """Rewrite the expected files; return the diff against what they held before."""
    folder = folder or EXPECTED
    snap = snapshot()
    before: list[str] = []
    if (folder / SCORES_FILE).exists() and (folder / VERSIONS_FILE).exists():
        before = diff_snapshots(load_expected(folder), comparable(snap))
    folder.mkdir(parents=True, exist_ok=True)
    files = expected_files(snap)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    if CLAIMS_FILE not in files and (folder / CLAIMS_FILE).exists():
        (folder / CLAIMS_FILE).unlink()
    return before


# --------------------------------------------------------------------------
# Notebooks
# --------------------------------------------------------------------------

#: Text that must never appear in a stored output (it would differ on another machine or run).
_UNSTABLE = [
    (re.compile(r"\b0x[0-9a-fA-F]{6,}\b"), "a memory address"),
    (re.compile(r"(?<![\w.])/(?:home|tmp|Users|work|var|private|root|usr)/"), "an absolute path"),
    (re.compile(r"[A-Za-z]:\\\\?(?:Users|Windows|Temp)"), "an absolute Windows path"),
    (re.compile(r"\b20\d\d-\d\d-\d\d[ T]\d\d:\d\d:\d\d"), "a timestamp"),
]


def notebook_problems(nb: Any, name: str) -> list[str]:
    """Outputs of ``nb`` that would make nbval fail elsewhere, or that hide a failure."""
    problems = []
    if nb.metadata.get("kernelspec", {}).get("name") != KERNEL_NAME:
        problems.append(f"{name}: kernelspec name is not {KERNEL_NAME!r}")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            where = f"{name}, cell {i}"
            if out.output_type == "error":
                problems.append(f"{where}: raised {out.ename}: {out.evalue}")
                continue
            if out.output_type == "stream" and out.name == "stderr":
                problems.append(f"{where}: wrote to stderr: {out.text.strip()[:200]!r}")
            texts = [out.get("text", "")] if out.output_type == "stream" else [
                v if isinstance(v, str) else "".join(v)
                for k, v in out.get("data", {}).items() if k.startswith("text/")
            ]
            for text in texts:
                for rx, what in _UNSTABLE:
                    m = rx.search(text)
                    if m:
                        problems.append(f"{where}: output shows {what}: {m.group(0)!r}")
    return problems


def notebook_paths(selectors: Iterable[str] = ()) -> list[Path]:
    paths = sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    sel = list(selectors)
    if sel:
        paths = [p for p in paths if any(s in p.name for s in sel)]
    return paths


def _kernel_manager_class() -> Any:
    """A kernel manager whose ``python3`` kernel runs this interpreter.

    A ``python3`` kernelspec installed for the user may point at another
    Python (without mediakit, or with another version of it); the notebooks
    must run in the environment that runs this script, as nbval's
    ``--nbval-current-env`` does.
    """
    import ipykernel.kernelspec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> Any:
            if kernel_name == KERNEL_NAME:
                return self.kernel_spec_class(resource_dir=ipykernel.kernelspec.RESOURCES,
                                              **ipykernel.kernelspec.get_kernel_dict())
            return super().get_kernel_spec(kernel_name)

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _this_python(self) -> KernelSpecManager:
            return ThisPython(data_dir=self.data_dir)

    return ThisPythonKernelManager


def execute_notebook(path: Path) -> list[str]:
    """Execute ``path`` in place with outputs rewritten; return the problems found (then nothing is written)."""
    import nbformat
    from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor

    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    ep = ExecutePreprocessor(timeout=CELL_TIMEOUT, kernel_name=KERNEL_NAME, record_timing=False,
                             kernel_manager_class=_kernel_manager_class())
    try:
        ep.preprocess(nb, {"metadata": {"path": str(path.parent)}})
    except CellExecutionError as exc:
        failed = [i for i, c in enumerate(nb.cells) if any(o.output_type == "error" for o in c.get("outputs", []))]
        where = f"cell {failed[0]}" if failed else "a cell"
        return [f"{path.name}, {where}: raised {exc.ename}: {exc.evalue}"]
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    # the interpreter's patch version is machine detail, not part of the notebook
    nb.metadata.get("language_info", {}).pop("version", None)
    problems = notebook_problems(nb, path.name)
    if problems:
        return problems
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8", newline="\n")
    return []


PROSE_REMINDER = """\
Reminder: the notebooks' written prose quotes numbers and rankings (which outlet hedges most,
who is quoted, the troop figures). Outputs were regenerated, the prose was not. Re-read the
markdown cells of every notebook whose outputs changed (`git diff --stat notebooks/`) and fix
any sentence the new numbers contradict before committing."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="run only notebooks whose name contains one of these")
    parser.add_argument("--expected-only", action="store_true", help="rewrite tests/expected/ only")
    parser.add_argument("--notebooks-only", action="store_true", help="execute the notebooks only")
    parser.add_argument("--check", action="store_true",
                        help="compare tests/expected/ with the current results; write nothing")
    parser.add_argument("--same-lexicon-versions", action="store_true",
                        help="accept changed lexicon entries under unchanged version numbers "
                             "(only for lexicons that were never released)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    if args.check:
        report = check_expected()
        print("\n".join(report) if report else "tests/expected/ matches the current results.")
        return 1 if report else 0

    if not args.notebooks_only and (EXPECTED / VERSIONS_FILE).exists() and not args.same_lexicon_versions:
        stale = unbumped_lexicons(load_expected())
        if stale:
            print("Nothing was regenerated: a changed lexicon needs a new version number.", file=sys.stderr)
            for line in stale:
                print("  " + line, file=sys.stderr)
            return 1

    status = 0
    not_written: list[str] = []
    if not args.expected_only:
        for path in notebook_paths(args.notebooks):
            print(f"executing notebooks/{path.name} ...", flush=True)
            problems = execute_notebook(path)
            if problems:
                not_written.append(f"notebooks/{path.name} was NOT rewritten:")
                not_written.extend("  " + p for p in problems)
                status = 1
    if not args.notebooks_only:
        before = write_expected()
        if before:
            print("tests/expected/ rewritten; changes against the previous files:")
            print("\n".join("  " + line for line in before))
            if not any(line.startswith("lexicon ") and " version: " in line for line in before):
                print("Note: results changed but no lexicon version did. If a rule in code changed, bump the "
                      "version of the lexicon its scorer reads, so that the change can be traced.")
        else:
            print("tests/expected/ rewritten (no change in scores, spans or claims).")
    print()
    print(PROSE_REMINDER)
    if not_written:
        print(file=sys.stderr)
        print("\n".join(not_written), file=sys.stderr)
        print("A fact check that fails names a fact the notebook's text quotes: correct the text and the "
              "check, then run this script again.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
