"""Extraction of one raw file: a pure function of its bytes and manifest row.

Kept free of pyarrow, pandas, DuckDB and GX so that `pipeline extract` and Dask
workers start fast.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import traceback
from dataclasses import asdict, dataclass, field, replace
from decimal import Context, Decimal
from pathlib import Path

from extract import EXTRACTOR_VERSION, extract_facts

from .ingest import InputError, documents_from_unit, file_digest, read_units
from .metadata import clean_given

Q4 = Decimal("0.0001")
DECIMAL_38 = Context(prec=38)  # the warehouse's DECIMAL(38,4): a value under 10**34 quantizes exactly


@dataclass
class FileTask:
    """One raw file to extract: its path, digest, size, manifest row and (once read) bytes."""
    rel: str
    sha256: str
    size: int
    mtime_ns: int
    manifest_row: dict
    data: bytes | None = None
    manifest_warnings: list[str] = field(default_factory=list)  # what was wrong with the row as written

    @property
    def manifest_key(self) -> str:
        given = [self.manifest_row, self.manifest_warnings]
        return hashlib.sha256(json.dumps(given, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


@dataclass
class FileResult:
    """What one raw file gave: documents and facts, or why it was rejected."""
    rel: str
    documents: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    rejected: str | None = None          # the file cannot be used: why
    row_rejections: list[str] = field(default_factory=list)  # rows of a collection that cannot be read
    error: str | None = None             # a bug met on this file: the traceback


def process_file(task: FileTask, keyed: bool = True) -> FileResult:
    """Every document and fact of one raw file; a file that cannot be used is rejected with a reason."""
    res = FileResult(task.rel)
    try:
        units = read_units(Path(task.rel), task.rel, task.data or b"", task.manifest_row, res.row_rejections,
                           task.manifest_warnings)
        for unit in units:
            for doc in documents_from_unit(unit, keyed):
                res.documents.append({**asdict(doc), "content_sha256": task.sha256})
                for f in extract_facts(doc.text, doc.doc_id, doc.report_year, doc.doc_type, doc.admin_level,
                                       doc.jurisdiction, doc.title):
                    row = f.to_dict()
                    row.update(doc_id=doc.doc_id, jurisdiction=doc.jurisdiction, report_year=doc.report_year,
                               source_path=task.rel, extractor_version=EXTRACTOR_VERSION)
                    row["value"] = row["value"].quantize(Q4, context=DECIMAL_38)
                    if row["value_high"] is not None:
                        row["value_high"] = row["value_high"].quantize(Q4, context=DECIMAL_38)
                    res.facts.append(row)
    except InputError as exc:  # bad input: a reason
        return FileResult(task.rel, rejected=str(exc))
    except Exception as exc:  # our bug: loud, with its traceback (the build records it and, unless strict, goes on)
        return FileResult(task.rel, rejected=f"internal error: {type(exc).__name__}: {exc}",
                          error=traceback.format_exc())
    if not res.documents:
        return FileResult(task.rel, rejected="no documents in file")
    return res


class SchemaMismatch(RuntimeError):
    """Rows built with other columns than the schema they are written with (a bug, never bad input)."""


@dataclass
class Batch:
    """The results of a batch of files as the build receives them: each file's result without its rows, and
    the rows of all the files as columns (a list of values per column name, the files' rows one after another;
    ``counts``: each file's documents and facts). Columns cost a third of a list of dicts to make, and each
    becomes an Arrow array in one call (``tables.tables_of``, in the worker that extracted them)."""
    files: list[FileResult]
    counts: list[tuple[int, int]]
    documents: dict[str, list]
    facts: dict[str, list]


def as_batch(results: list[FileResult]) -> Batch:
    docs = [d for r in results for d in r.documents]
    facts = [f for r in results for f in r.facts]
    return Batch([replace(r, documents=[], facts=[]) for r in results],
                 [(len(r.documents), len(r.facts)) for r in results], _columns(docs), _columns(facts))


def _columns(rows: list[dict]) -> dict[str, list]:
    """``rows`` as columns; every row must have the columns of the first (the build checks those against
    its schema)."""
    if not rows:
        return {}
    names = rows[0].keys()
    for r in rows:
        if r.keys() != names:
            raise SchemaMismatch(f"rows with other columns than the first: {sorted(r.keys() ^ names)}")
    return {n: [r[n] for r in rows] for n in names}


def process_batch(tasks: list[FileTask]) -> Batch:
    """A batch whose tasks carry their files' bytes (a Dask worker, which may share no disk with the build)."""
    return as_batch([process_file(t) for t in tasks])


def process_files(raw_dir: str, tasks: list[FileTask]) -> Batch:
    """A batch read from the raw folder (a worker of the local process pool, or the build itself with
    ``--workers 1``): each file's bytes are read here, so only the small task and its result cross between
    processes. A file that cannot be read now (removed since the scan) raises."""
    out = []
    for t in tasks:
        t.data = (Path(raw_dir) / t.rel).read_bytes()
        out.append(process_file(t))
        t.data = None
    return as_batch(out)


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for a while (back on after, if it was on). Extraction and linking
    make tens of thousands of spans, matches, facts or dicts that hold no cycle and go by reference counting,
    and the collector only walked them again and again to find nothing (7% of `pipeline extract` on 6 MB,
    0.2 s of linking 2,000 documents)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


CODE_DIR = str(Path(__file__).resolve().parent)  # the pipeline package this process runs


def init_worker(build_pid: int, build_code: str) -> None:
    """Initializer of a pool worker: it runs the build's own code (``build_code``: the build's ``CODE_DIR``),
    it extracts with the cyclic collector off, as ``pipeline extract`` does (a batch's spans, matches and
    facts form no cycles, and the collector only walked them again and again; the pool replaces its
    workers every so many batches, so nothing piles up), and it ends with the build."""
    if build_code != CODE_DIR:
        raise RuntimeError(f"a pool worker runs the pipeline in {CODE_DIR}, the build the one in {build_code}")
    gc.disable()
    watch_build(build_pid)


def watch_build(build_pid: int) -> None:
    """Initializer of a pool worker: end this worker as soon as the build process ``build_pid`` has ended.
    A build killed outright (SIGKILL, the out-of-memory killer) never shuts its pool down, and its workers
    would wait for tasks forever: each holds its own end of the task queue (and the fork server lives as
    long as a worker does). Waits on a pidfd where Linux has one, else looks once a second."""
    import os
    import threading

    def watch() -> None:
        try:
            fd = os.pidfd_open(build_pid)
        except (AttributeError, OSError):  # no pidfd here, or the build has ended already
            fd = None
        if fd is not None:
            import select

            select.select([fd], [], [])  # readable once the build process has ended
        else:
            import time

            while True:
                try:
                    os.kill(build_pid, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="watch-build", daemon=True).start()


def facts_of_file(path: Path, manifest_row: dict | None = None) -> list[dict]:
    """Facts of one file, for `pipeline extract` (no warehouse touched)."""
    data = path.read_bytes()
    given, warnings = clean_given(manifest_row or {})
    task = FileTask(path.name, file_digest(data), len(data), 0, given, data, warnings)
    res = process_file(task, keyed=False)
    if res.error:
        raise RuntimeError(f"internal error extracting {path}:\n{res.error}")
    if res.rejected:
        raise InputError(res.rejected)
    return res.facts
