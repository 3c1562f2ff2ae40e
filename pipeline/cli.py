"""`python -m pipeline build | query | extract | validate | report | status` — a thin CLI over the library.

Heavy libraries (pandas, DuckDB, Great Expectations) are imported inside the
commands that need them, so `extract` and `--help` start fast.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from decimal import Decimal
from pathlib import Path

EPILOGS = {
    "build": """example:
  python -m pipeline build                       # data/raw -> data/warehouse, incremental
  python -m pipeline build --full                # re-extract every document
  python -m pipeline build --workers 1           # extract in this one process
  python -m pipeline build --executor dask --workers 2

Extraction runs on a pool of one process per core by default (--workers N to
change it), and the copy into warehouse.duckdb runs beside the last batch and
linking; the facts, documents, duplicates, rejections and links are the same,
in the same order, as with --workers 1, which does one thing at a time.
""",
    "query": """examples:
  python -m pipeline query "SELECT indicator, period_year, target_value, actual_value, status
                            FROM plan_vs_actual WHERE jurisdiction = '中国' AND indicator = 'gdp_growth'
                            ORDER BY period_year"
  python -m pipeline query "SELECT count(*) FROM facts" --format json
""",
    "extract": """example:
  python -m pipeline extract data/raw/national/2014年国务院政府工作报告.txt | head
""",
    "validate": """example:
  python -m pipeline validate && echo warehouse OK
""",
    "report": """example:
  python -m pipeline report --out plan_vs_actual.html   # then open it in any browser, offline
""",
    "status": """example:
  python -m pipeline status                      # what the warehouse holds, when and from where it was built
""",
}

_READ_ONLY = re.compile(r"^\s*(\(?\s*)*(SELECT|WITH|FROM|SHOW|DESCRIBE|DESC|EXPLAIN|SUMMARIZE|PRAGMA\s+table_info|VALUES|TABLE)\b",
                        re.I)


def _default(name: str, env: str) -> str:
    return os.environ.get(env, name)


def _positive_int(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {s!r}")
    return n


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="target-tracker: numeric targets and results from Chinese government documents.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run `python -m pipeline COMMAND --help` for an example of each command.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    raw_default = _default("data/raw", "PIPELINE_RAW")
    wh_default = _default("data/warehouse", "PIPELINE_WAREHOUSE")

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, description=help_, epilog=EPILOGS[name],
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    b = add("build", "Ingest every document under the raw folder, extract facts, validate, write the warehouse.")
    b.add_argument("--raw", default=raw_default, help="raw folder (default: %(default)s, or $PIPELINE_RAW)")
    b.add_argument("--warehouse", default=wh_default, help="warehouse folder (default: %(default)s, or $PIPELINE_WAREHOUSE)")
    b.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="where extraction runs: a pool of local processes, or Dask (default: local)")
    b.add_argument("--scheduler", help="address of an existing Dask scheduler (implies --executor dask)")
    b.add_argument("--workers", type=_positive_int, metavar="N",
                   help="processes that extract: the local pool's size, or the workers of a local Dask cluster "
                        "(default: one per core; 1 extracts in this process)")
    b.add_argument("--full", action="store_true", help="re-extract every document, changed or not")
    b.add_argument("--no-wait", action="store_true", help="refuse instead of waiting when another build runs")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument("--strict", action="store_true",
                   help="stop at the first internal error instead of recording the file and going on")

    q = add("query", "Run one read-only SQL statement against the warehouse and print the result.")
    q.add_argument("sql", help="one SQL statement (SELECT, WITH, DESCRIBE, SHOW, ...)")
    q.add_argument("--warehouse", default=wh_default, help="warehouse folder (default: %(default)s)")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default: table)")

    e = add("extract", "Print the facts of one document as JSON lines, without touching the warehouse.")
    e.add_argument("file", help="a raw document (.txt .md .html .docx .csv .jsonl)")
    e.add_argument("--jurisdiction", help="override the jurisdiction inferred from the file name")
    e.add_argument("--report-year", type=int, help="override the report year inferred from the file name")
    e.add_argument("--doc-type", help="override the document type: an id of extract/lexicons/doc_types.yaml "
                                      "(government_work_report, year_end_summary, …)")

    v = add("validate", "Run the Great Expectations suites on the warehouse; exit 1 when one fails.")
    v.add_argument("--warehouse", default=wh_default, help="warehouse folder (default: %(default)s)")

    r = add("report", "Write the plan-versus-actual report as one self-contained HTML file.")
    r.add_argument("--warehouse", default=wh_default, help="warehouse folder (default: %(default)s)")
    r.add_argument("--out", default="plan_vs_actual.html", help="output file (default: %(default)s)")

    s = add("status", "Say what the warehouse holds, when it was built and from which raw folder.")
    s.add_argument("--warehouse", default=wh_default, help="warehouse folder (default: %(default)s)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    handler = {"build": cmd_build, "query": cmd_query, "extract": cmd_extract,
               "validate": cmd_validate, "report": cmd_report, "status": cmd_status}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`… | head`): what it wanted was written; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _fail(msg: str, code: int = 1) -> int:
    print(f"error: {msg}", file=sys.stderr)
    return code


def cmd_build(args) -> int:
    from .build import build
    from .warehouse import WarehouseError

    executor = "dask" if args.scheduler else args.executor
    try:
        rep = build(Path(args.raw), Path(args.warehouse), executor=executor, workers=args.workers,
                    scheduler=args.scheduler, full=args.full, progress=not args.quiet,
                    wait=not args.no_wait, strict=args.strict)
    except WarehouseError as exc:
        return _fail(str(exc))
    except OSError as exc:  # a warehouse folder that cannot be written (/proc/nope, a read-only disk)
        return _fail(f"cannot write the warehouse at {args.warehouse}: {exc.strerror or exc}")
    print(rep.summary(), file=sys.stderr)
    return 0


def cmd_query(args) -> int:
    from .warehouse import WarehouseError, connect_readonly

    sql = args.sql.strip().rstrip(";")
    if ";" in sql or not _READ_ONLY.match(sql):
        return _fail("query runs one read-only statement (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN); "
                     "the warehouse is rebuilt with `python -m pipeline build`, never edited", 2)
    try:
        con = connect_readonly(Path(args.warehouse))
    except WarehouseError as exc:
        return _fail(str(exc))
    import duckdb

    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description or []]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        return _fail(f"query failed: {exc}", 2)
    finally:
        con.close()
    _print_rows(cols, rows, args.format)
    return 0


def _jsonable(v):
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, (int, float, str, bool)) or v is None:
        return v
    return str(v)


def _print_rows(cols, rows, fmt: str) -> None:
    out = sys.stdout
    if fmt == "json":
        json.dump([{c: _jsonable(v) for c, v in zip(cols, r)} for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        import csv

        w = csv.writer(out)
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if v is None else (json.dumps(_jsonable(v), ensure_ascii=False) if isinstance(v, list)
                                              else _jsonable(v)) for v in r])
    else:
        cells = [[("NULL" if v is None else str(_jsonable(v))) for v in r] for r in rows]
        widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(cols)]
        widths = [min(w, 60) for w in widths]
        line = lambda vals: " │ ".join(_pad(_clip(v, w), w) for v, w in zip(vals, widths))  # noqa: E731
        out.write(line(cols) + "\n")
        out.write("─┼─".join("─" * w for w in widths) + "\n")
        for r in cells:
            out.write(line(r) + "\n")
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _clip(s: str, w: int) -> str:
    if _width(s) <= w:
        return s
    out = ""
    for ch in s:
        if _width(out + ch) > w - 1:
            break
        out += ch
    return out + "…"


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def cmd_extract(args) -> int:
    from .process import collector_paused

    with collector_paused():
        return _extract_one(args)


def _extract_one(args) -> int:
    from .ingest import InputError
    from .process import facts_of_file

    path = Path(args.file)
    if path.is_dir():
        return _fail(f"{path} is a folder: extract reads one document (build reads a folder)")
    if not path.is_file():
        return _fail(f"no such file: {path}")
    override = {k: v for k, v in (("jurisdiction", args.jurisdiction), ("report_year", args.report_year),
                                  ("doc_type", args.doc_type)) if v is not None}
    try:
        facts = facts_of_file(path, override)
    except InputError as exc:
        return _fail(f"{path}: {exc}")
    encode = json.JSONEncoder(ensure_ascii=False, default=_jsonable).encode  # what json.dumps makes per call
    lines = [encode(f) + "\n" for f in facts]
    for i in range(0, len(lines), 1000):  # a few large writes: stdout may be unbuffered (python -u), a call each
        sys.stdout.write("".join(lines[i:i + 1000]))
    return 0


def cmd_validate(args) -> int:
    from .validate import validate_warehouse
    from .warehouse import WarehouseError

    try:
        results = validate_warehouse(Path(args.warehouse))
    except WarehouseError as exc:
        return _fail(str(exc))
    ok = True
    for r in results:
        mark = "ok  " if r.success else "FAIL"
        print(f"{mark} {r.relation}: {r.rows} rows")
        for name, count in r.failures:
            print(f"     {name}: {count} unexpected")
        ok &= r.success
    print("all expectations passed" if ok else "validation failed", file=sys.stderr)
    return 0 if ok else 1


def cmd_report(args) -> int:
    from .report import write_report
    from .warehouse import WarehouseError

    out = Path(args.out)
    try:
        n = write_report(Path(args.warehouse), out)
    except WarehouseError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write the report to {out}: {exc.strerror or exc}")
    print(f"wrote {out} ({n} targets, {out.stat().st_size / 1e6:.1f} MB; opens offline in any browser)",
          file=sys.stderr)
    return 0


def cmd_status(args) -> int:
    from .report_status import warehouse_status
    from .warehouse import WarehouseError

    try:
        print(warehouse_status(Path(args.warehouse)))
    except WarehouseError as exc:
        return _fail(str(exc))
    return 0
