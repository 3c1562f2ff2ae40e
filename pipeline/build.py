"""Build the warehouse: scan, extract what changed, carry what did not, validate, publish.

Extraction of one file is ``process_file``: a pure function of the file's bytes
and its manifest row, so the local and the Dask executor give the same facts
with the same ids. Results stream into Parquet writers in batches; the corpus
is never held in memory.
"""
from __future__ import annotations

import itertools
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from extract import EXTRACTOR_VERSION
from extract.lexicon import load_lexicon

from . import warehouse as W
from .ingest import SUPPORTED, file_digest, iter_raw_files, load_manifest
from .versions import (_META as VERSION_META, copy_last, doc_type_of, lines as _lines, load_version_lexicon,
                       read_doc_meta, write_versions)
from .metadata import Manifest, missing_files
from .process import CODE_DIR, FileTask, collector_paused, init_worker, process_batch, process_files
from .tables import FileRows, check_columns, tables_of

BATCH_FILES = 32
FLUSH_DOCS = 256        # documents held before a batch is validated and written
FLUSH_FACTS = 50_000    # or facts, whichever comes first


@dataclass
class BuildReport:
    files: int = 0
    extracted: int = 0
    carried: int = 0
    removed: int = 0
    rejected: int = 0
    documents: int = 0
    facts: int = 0
    quarantined: int = 0
    links: int = 0
    link_seconds: float = 0.0
    errors: int = 0              # files on which our own code failed (a bug, logged with its traceback)
    duplicates: int = 0          # documents left out because an earlier file or part gave the same text
    superseded: int = 0          # documents kept, but left out of linking and plan_vs_actual: another version supersedes them
    warnings: int = 0            # metadata and manifest warnings (the `warnings` relation)
    seconds: float = 0.0
    up_to_date: bool = False
    build_dir: str | None = None
    facts_by_kind: dict[str, int] | None = None  # of the whole warehouse written
    quarantined_total: int = 0                   # quarantine rows of the warehouse, carried ones too

    def line(self) -> str:
        warned = f"; {self.warnings} warnings (see the `warnings` relation)" if self.warnings else ""
        if self.up_to_date:
            return f"warehouse is up to date: {self.files} files unchanged ({self.seconds:.1f}s){warned}"
        return (f"built {self.documents} documents, {self.facts} facts from {self.files} files "
                f"({self.extracted} extracted, {self.carried} unchanged, {self.removed} removed, "
                f"{self.rejected} rejected, {self.duplicates} duplicates, {self.quarantined} facts quarantined; "
                f"{self.links} targets linked in {self.link_seconds:.1f}s) in {self.seconds:.1f}s" + warned
                + (f"; {self.errors} INTERNAL ERRORS, tracebacks above" if self.errors else ""))

    def summary(self) -> str:
        """What the build read, kept out and wrote: the line, then one line per subject."""
        if self.up_to_date or self.facts_by_kind is None:
            return self.line()
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.facts_by_kind.items()))
        q = self.quarantined_total
        rows = [
            ("documents", f"{self.documents} read from {self.files} files ({self.extracted} extracted, "
                          f"{self.carried} unchanged, {self.removed} removed); {self.rejected} rejected, "
                          f"{self.duplicates} duplicates"
                          + (f", {self.superseded} superseded by another version (document_versions)"
                             if self.superseded else "")),
            ("facts", f"{self.facts}: {kinds or 'none'}; {self.links} targets linked to a result"),
            ("warnings", f"{self.warnings} metadata warning{'s' if self.warnings != 1 else ''}"
             + (": see the warnings relation" if self.warnings else "")),
            ("validation", ("passed: no fact quarantined" if q == 0 else
                            f"passed with {q} fact row{'s' if q != 1 else ''} quarantined ({self.quarantined} new): "
                            "see the quarantine relation")
             + (f"; {self.errors} INTERNAL ERRORS" if self.errors else "")),
            ("time", f"{self.seconds:.1f}s (linking {self.link_seconds:.1f}s)"),
        ]
        return self.line() + "\n" + "\n".join(f"  {k:<10} {v}" for k, v in rows)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- scanning

def scan(raw_dir: Path, previous_ledger: dict[str, dict],
         manifest: Manifest | None = None) -> tuple[list[FileTask], list[tuple[str, str]]]:
    """The files under ``raw_dir`` with their digests; unsupported ones are rejected at once."""
    manifest = manifest if manifest is not None else load_manifest(raw_dir)
    tasks, rejected = [], []
    root = raw_dir.resolve()
    for path in iter_raw_files(raw_dir, order=copy_last):  # (of two copies, the one not named a copy is kept)
        rel = path.relative_to(raw_dir).as_posix()
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            rejected.append((rel, "a symbolic link out of the raw folder: not read"))
            continue
        if path.name.lower() == "manifest.csv" and path.parent != raw_dir:
            rejected.append((rel, "a manifest.csv is read only at the root of the raw folder: this one is not read "
                                  "(neither as a manifest nor as a collection; its rows belong in the root's "
                                  "manifest.csv, with paths from the root)"))
            continue
        if path.suffix.lower() not in SUPPORTED:
            rejected.append((rel, f"unsupported file type {path.suffix or '(none)'}"))
            continue
        try:
            stat = path.stat()
            prev = previous_ledger.get(rel)
            if prev and prev["size"] == stat.st_size and prev["mtime_ns"] == stat.st_mtime_ns:
                digest = prev["sha256"]  # unchanged size and mtime: trust the recorded digest
            else:
                digest = file_digest(path.read_bytes())
        except OSError as exc:
            rejected.append((rel, f"unreadable: {exc.strerror or exc}"))
            continue
        tasks.append(FileTask(rel, digest, stat.st_size, stat.st_mtime_ns, manifest.row(rel),
                              manifest_warnings=manifest.row_warnings.get(rel, [])))
    return tasks, rejected


def manifest_warnings(man: Manifest, tasks: list[FileTask], rejected: list[tuple[str, str]]) -> list[dict]:
    """Warnings about the manifest as a whole and its rows for files that are not there (a row's own values are
    warned about on its documents)."""
    present = {t.rel for t in tasks} | {rel for rel, _ in rejected}
    rows = [{"source_path": w.source_path, "part": w.part, "doc_id": None, "field": w.field, "message": w.message}
            for w in man.warnings + missing_files(man, present)]
    return sorted(rows, key=_warning_order)


def _warning_order(r: dict) -> tuple:
    """The one order of the `warnings` relation (and of the comparison that says a build is up to date)."""
    return r["source_path"], r["part"] or 0, r["field"], r["message"]


def write_warnings(build_dir: Path, manifest_rows: list[dict]) -> list[dict]:
    """The `warnings` relation: the manifest's, then each document's (carried documents keep theirs)."""
    docs = pq.read_table(build_dir / "documents", columns=["source_path", "part", "doc_id", "meta_warnings"])
    rows = list(manifest_rows)
    for d in docs.to_pylist():
        for w in d["meta_warnings"] or []:
            field_, _, message = w.partition(": ")
            rows.append({"source_path": d["source_path"], "part": d["part"], "doc_id": d["doc_id"],
                         "field": field_, "message": message})
    rows.sort(key=_warning_order)
    pq.write_table(_table(rows, W.WARNING_SCHEMA), build_dir / "warnings.parquet")
    return rows


def _prev_rows(prev: Path | None, name: str) -> list[dict]:
    """The rows of relation ``name`` as the previous build wrote them (none without one)."""
    if prev is None or not (prev / f"{name}.parquet").exists():
        return []
    return pq.read_table(prev / f"{name}.parquet").to_pylist()


def print_warnings(rows: list[dict], limit: int = 20) -> None:
    for r in rows[:limit]:
        where = r["source_path"] + (f" part {r['part']}" if r["part"] is not None else "")
        log(f"warning {where}: {r['field']}: {r['message']}")
    if len(rows) > limit:
        log(f"… and {len(rows) - limit} more warnings: SELECT * FROM warnings")


def load_ledger(build: Path | None) -> dict[str, dict]:
    if build is None or not (build / "ledger.parquet").exists():
        return {}
    return {r["source_path"]: r for r in pq.read_table(build / "ledger.parquet").to_pylist()}


PIPELINE_DIR = Path(__file__).resolve().parent
MODEL_FILE = "model_version.txt"


def model_version() -> str:
    """Digest of what shapes the warehouse after extraction (the linking stage, its lexicon and its writer,
    the schemas, the SQL models, the suites): a change re-links and rewrites the views without
    re-extracting anything."""
    import hashlib

    h = hashlib.sha256()
    files = [PIPELINE_DIR / "link.py", PIPELINE_DIR / "build.py", PIPELINE_DIR / "warehouse.py",
             *PIPELINE_DIR.glob("lexicons/*"), *(PIPELINE_DIR.parent / "expectations").glob("*.json")]
    for f in sorted(files):
        h.update(f.relative_to(PIPELINE_DIR.parent).as_posix().encode() + b"\0" + f.read_bytes())
    for f in W.sql_files():  # the models the build will run, wherever they are read from
        h.update(f"sql/{f.parent.name}/{f.name}".encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def _prev_model_version(prev: Path | None) -> str | None:
    try:
        return (prev / MODEL_FILE).read_text().strip() if prev else None
    except OSError:
        return None


INGEST_FILES = ("ingest.py", "process.py", "metadata.py", "lexicons/metadata.yaml")  # under pipeline/


def _ingest_digest() -> str:
    import hashlib

    h = hashlib.sha256()
    for name in INGEST_FILES:
        h.update(name.encode() + b"\0" + (PIPELINE_DIR / name).read_bytes())
    return h.hexdigest()[:8]


INGEST_DIGEST = _ingest_digest()


def ingest_version() -> str:
    """The extractor's version and a digest of the code that reads raw files into documents (ingest,
    process, metadata and its lexicon): an edit to any re-extracts every file once."""
    return f"{EXTRACTOR_VERSION}+{INGEST_DIGEST}"


def is_unchanged(task: FileTask, prev: dict | None) -> bool:
    return bool(prev and prev["sha256"] == task.sha256 and prev["manifest_key"] == task.manifest_key
                and prev["extractor_version"] == ingest_version())


# ---------------------------------------------------------------- executors

def default_workers() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it, else every core)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # no affinity on this system (macOS, Windows)
        return os.cpu_count() or 1


def run_local(tasks: list[FileTask], raw_dir: Path, progress: bool) -> Iterator[FileRows]:
    """Extraction in this process (``--workers 1``), in the pool's batches, one after another."""
    bar = _Progress(len(tasks), progress)
    for i in range(0, len(tasks), POOL_BATCH_FILES):
        for r, docs, facts in tables_of(process_files, str(raw_dir), tasks[i:i + POOL_BATCH_FILES]).file_rows():
            bar.update(docs.num_rows)
            yield r, docs, facts
    bar.close()


POOL_BATCH_FILES = 8      # at most this many files per task sent to a worker (fewer on a small corpus)
POOL_IN_FLIGHT = 8        # batches submitted and not yet read back, per worker (about 0.4 MB per file held):
                          # enough that the workers go on while this process validates and writes a batch
POOL_RECYCLE_BATCHES = 256  # batches per worker before its process is replaced: a safety net that bounds a
                            # worker's heap (its caches are bounded: 125 batches of 8 files held it at 115 MB);
                            # each replacement costs warm caches and a fresh heap (at 64: 0.4 s CPU per 2,000 files)


def _pool_context():
    """The start method of the local pool, chosen on purpose: *forkserver*, else *spawn*.

    Not fork: by the time extraction starts, the parent has imported pyarrow (its allocator and thread
    pools run threads) and may hold a DuckDB connection; fork() copies one thread of a process whose other
    threads may hold locks, and a child that touches such a lock hangs (Python 3.12+ warns of it). The
    fork server is a fresh, single-threaded interpreter that loads the extraction code once
    (``pipeline.pool_server``: the lexicons and patterns compiled, Arrow imported) and forks each worker from
    that clean state: workers start in milliseconds, ready to extract, share no thread or heap with the
    build, and the parent's Parquet buffers are not copied.
    Spawn (a fresh interpreter per worker) is the fallback where a platform has no fork server."""
    import multiprocessing as mp

    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.pool_server"])
        return ctx
    return mp.get_context("spawn")


_SERVER_PATH: list[str] = []  # the path this process started the fork server with (once)


def _start_pool_server() -> None:
    """Start the pool's fork server, once per process, importing from this process's own path.

    A build starts it before the scan: it loads the extraction code on another core while this process
    reads and hashes the raw files, and the first workers fork from it without waiting. (A build that
    then finds nothing to extract has started it for nothing; its loading runs beside the scan, at no cost
    in time, and it ends with this process.)

    The fork server is a fresh interpreter started with ``-c``, whose path begins with the folder it runs
    in, and Python 3.11's fork server takes no path from its parent (it ignores the ``sys_path`` it is
    handed). A build run from a folder holding another ``pipeline`` (an older checkout) would get workers
    extracting with that other code. So it is started with this process's ``sys.path`` as its
    ``PYTHONPATH`` and without the folder it runs in (``PYTHONSAFEPATH``), the environment changed only
    while it starts, before any thread of the build runs; each worker then checks that it runs this
    process's code (``process.init_worker``), so a fork server started otherwise fails loudly."""
    if _SERVER_PATH or _pool_context().get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    given = {k: os.environ.get(k) for k in ("PYTHONPATH", "PYTHONSAFEPATH")}
    _SERVER_PATH.append(os.pathsep.join(p for p in sys.path if p))
    os.environ["PYTHONPATH"], os.environ["PYTHONSAFEPATH"] = _SERVER_PATH[0], "1"
    try:
        forkserver.ensure_running()
    finally:
        for k, v in given.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_pool(tasks: list[FileTask], raw_dir: Path, progress: bool, workers: int) -> Iterator[FileRows]:
    """Extraction on a local pool of ``workers`` processes, results yielded in the order of ``tasks``
    (exactly what ``run_local`` yields, so "first seen wins" among duplicates is the same). Files go in
    small batches (``process_files``; the rows come back as Arrow tables, ``tables_of``); at most
    ``POOL_IN_FLIGHT`` batches per worker are submitted and not yet read back (the rest wait here as tasks,
    not as results), and every ``POOL_RECYCLE_BATCHES`` batches per worker the processes are replaced (the
    new ones start while the old ones finish their last batches). A bug in extraction comes back as the
    file's error with its traceback (see ``process_file``); a worker that dies (killed, out of memory) fails
    the build with BrokenProcessPool, and workers end when the build process does, however it ends
    (``watch_build``); they run the build's own code and extract with the cyclic collector off
    (``init_worker``)."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # max_tasks_per_child is not used: on Python 3.11–3.13 a pool that replaces a worker at its limit can
    # stop scheduling (CPython gh-115634); a new pool per generation of batches does the same job safely
    size = max(1, min(POOL_BATCH_FILES, len(tasks) // (workers * 4)))
    batches = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    workers = max(1, min(workers, len(batches)))
    per_generation = POOL_RECYCLE_BATCHES * workers
    ctx = _pool_context()
    _start_pool_server()  # a build started it already; here for any other caller
    pools: list = []

    def submit(i: int):
        if i % per_generation == 0:  # a new generation of workers; the last one ends when its batches are done
            if pools:
                pools[-1].shutdown(wait=False)
            pools.append(ProcessPoolExecutor(workers, mp_context=ctx, initializer=init_worker,
                                             initargs=(os.getpid(), CODE_DIR)))
        return pools[-1].submit(tables_of, process_files, str(raw_dir), batches[i])

    bar = _Progress(len(tasks), progress)
    try:
        pending = deque(submit(i) for i in range(min(len(batches), POOL_IN_FLIGHT * workers)))
        nxt = len(pending)
        while pending:
            batch = pending.popleft().result()  # the oldest batch first: the order of the tasks
            if nxt < len(batches):
                pending.append(submit(nxt))
                nxt += 1
            for r, docs, facts in batch.file_rows():
                bar.update(docs.num_rows)
                yield r, docs, facts
    finally:
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)
        bar.close()


_WARMING: list = []  # the thread importing Great Expectations, until the first batch is validated


def _warm_validation() -> None:
    """Import Great Expectations (seconds) on a thread while the pool's workers extract, instead of on
    this process's path at the first batch (``_flush`` joins the thread before it validates)."""
    import threading

    from .validate import _Gx

    t = threading.Thread(target=_Gx, name="warm-validation")
    t.start()
    _WARMING.append(t)


def run_dask(tasks: list[FileTask], raw_dir: Path, progress: bool, workers: int | None,
             scheduler: str | None) -> Iterator[FileRows]:
    """Extraction on a Dask cluster, results yielded in the order of ``tasks`` (the oldest batch first, as
    ``run_pool``), so duplicates are kept and left out as one process does."""
    from collections import deque

    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    bar = _Progress(len(tasks), progress)
    try:
        batches = [tasks[i:i + BATCH_FILES] for i in range(0, len(tasks), BATCH_FILES)]
        max_in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
        pending: deque = deque()
        it = iter(batches)

        def submit_next() -> bool:
            batch = next(it, None)
            if batch is None:
                return False
            for t in batch:
                t.data = (raw_dir / t.rel).read_bytes()
            pending.append(client.submit(tables_of, process_batch, batch, pure=False))
            for t in batch:
                t.data = None
            return True

        for _ in range(max_in_flight):
            if not submit_next():
                break
        while pending:
            fut = pending.popleft()
            batch = fut.result()
            fut.release()
            submit_next()
            for r, docs, facts in batch.file_rows():
                bar.update(docs.num_rows)
                yield r, docs, facts
    finally:
        bar.close()
        client.close()
        if cluster is not None:
            cluster.close()


class _Progress:
    """A progress bar over the files to extract that also counts the documents they held."""

    def __init__(self, total: int, enabled: bool):
        from tqdm import tqdm

        self.documents = 0
        self.bar = tqdm(total=total, unit="file", desc="extract", file=sys.stderr,
                        disable=not enabled or total == 0, mininterval=0.5)

    def update(self, documents: int) -> None:
        """One file more, which held ``documents``."""
        self.documents += documents
        self.bar.set_postfix_str(f"{self.documents} documents", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


# ---------------------------------------------------------------- writing

class _Writers:
    """Streaming Parquet writers: documents in one file, facts one file per report_year."""

    def __init__(self, build: Path):
        self.build = build
        (build / "documents").mkdir()
        (build / "facts").mkdir()
        self.docs = pq.ParquetWriter(build / "documents" / "part-0.parquet", W.DOCUMENT_SCHEMA)
        self.quarantine = pq.ParquetWriter(build / "quarantine.parquet", W.QUARANTINE_SCHEMA)
        self.facts: dict[tuple[str, str], pq.ParquetWriter] = {}
        self.n_docs = self.n_facts = self.n_quarantined_new = 0

    def write_quarantine(self, table: pa.Table, new: bool = False) -> None:
        if table.num_rows:
            self.quarantine.write_table(table.select(W.QUARANTINE_SCHEMA.names).cast(W.QUARANTINE_SCHEMA))
            if new:
                self.n_quarantined_new += table.num_rows

    def write_documents(self, table: pa.Table) -> None:
        if table.num_rows:
            self.docs.write_table(table.select(W.DOCUMENT_SCHEMA.names).cast(W.DOCUMENT_SCHEMA))
            self.n_docs += table.num_rows

    def write_facts(self, table: pa.Table, origin: str = "new") -> None:
        """``origin``: "new" (extracted by this build, to be validated) or "carried" (validated before)."""
        if not table.num_rows:
            return
        table = table.select(W.FACT_SCHEMA.names).cast(W.FACT_SCHEMA)
        years = table.column("report_year").to_pylist()
        for year in sorted(set(years), key=lambda y: (y is None, y)):
            mask = pa.array([y == year for y in years])
            part = table.filter(mask)
            key = "__HIVE_DEFAULT_PARTITION__" if year is None else str(year)
            w = self.facts.get((key, origin))
            if w is None:
                d = self.build / "facts" / f"report_year={key}"
                d.mkdir(exist_ok=True)
                w = self.facts[(key, origin)] = pq.ParquetWriter(d / f"part-{origin}.parquet", W.FACT_SCHEMA)
            w.write_table(part)
            self.n_facts += part.num_rows

    def close_documents(self) -> None:
        if self.docs is not None:
            self.docs.close()
            self.docs = None

    def close(self) -> None:
        self.close_documents()
        if not self.facts:  # no fact at all: one empty file keeps the facts relation readable
            d = self.build / "facts" / "report_year=__HIVE_DEFAULT_PARTITION__"
            d.mkdir(exist_ok=True)
            pq.write_table(W.FACT_SCHEMA.empty_table(), d / "part-new.parquet")
        self.quarantine.close()
        for w in self.facts.values():
            w.close()


def _flush(writers: _Writers, docs: list[pa.Table], facts: list[pa.Table], validate: bool,
           copy: _DuckdbCopy | None = None) -> None:
    """Write one batch: its documents, then its new facts (the tables of several files) once validated
    against the documents' texts: failing rows go to quarantine with the expectation they failed, the rest
    to facts. Memory holds one batch at a time. The last batch closes the documents and tells the ``copy``
    into DuckDB so before its facts are validated."""
    docs_table = pa.concat_tables(docs) if docs else W.DOCUMENT_SCHEMA.empty_table()
    facts_table = pa.concat_tables(facts) if facts else W.FACT_SCHEMA.empty_table()
    writers.write_documents(docs_table)
    if copy is not None:
        writers.close_documents()
        copy.written("documents")
    if validate and facts_table.num_rows:
        from .validate import validate_fact_batch

        while _WARMING:
            _WARMING.pop().join()

        texts = dict(zip(docs_table.column("doc_id").to_pylist(), docs_table.column("text").to_pylist()))
        facts_table, failed = validate_fact_batch(facts_table, texts)
        writers.write_quarantine(failed, new=True)
    writers.write_facts(facts_table)
    _release_memory()


def _release_memory() -> None:
    """Hand freed heap back to the system after a batch (glibc keeps it otherwise, and the peak grows
    with the corpus from fragmentation alone)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc():
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018 - glibc only
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _load_libc()


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows as a table of ``schema``; a row with a column the schema lacks, or without one it has, is our bug
    and fails here (a new field is never dropped, a forgotten one never written as NULL). Converted as one
    struct array: Arrow reads the dicts itself, 2.5x faster than a Python list per column."""
    for r in rows:
        check_columns(r.keys(), schema)
    return pa.Table.from_struct_array(pa.array(rows, type=pa.struct(list(schema)))).cast(schema)


def _carry(prev: Path, unchanged: set[str], writers: _Writers) -> dict[str, str]:
    """Copy the rows of unchanged files from the previous build, batch by batch; the content_key → source_path
    of every document carried."""
    carried: dict[str, str] = {}
    if not unchanged:
        return carried
    keep = pa.array(sorted(unchanged))
    for name, write in (("documents", writers.write_documents),
                        ("facts", lambda t: writers.write_facts(t, origin="carried"))):
        src = prev / name
        if not src.exists() or not any(src.rglob("*.parquet")):
            continue
        dataset = ds.dataset(src, format="parquet", partitioning=None)
        for batch in dataset.to_batches(filter=ds.field("source_path").isin(keep), batch_size=20_000):
            if name == "documents":
                carried.update(zip(batch.column("content_key").to_pylist(),
                                   batch.column("source_path").to_pylist()))
            write(pa.Table.from_batches([batch]))
    return carried


def _stale_candidates(tasks: list[FileTask], prev_ledger: dict[str, dict],
                      prev_duplicates: list[dict]) -> dict[tuple[str, int | None], str]:
    """The documents the previous build left out as copies of a file that is still here, whose own bytes
    have not changed since: {(file, part): the file it was a copy of}. Where that file has been edited since,
    such a document is an earlier version of it (``_Copies``)."""
    present = {t.rel: t for t in tasks}
    out = {}
    for d in prev_duplicates:
        t, first = present.get(d["source_path"]), d["duplicate_of"]
        prev = prev_ledger.get(d["source_path"])
        if t is not None and first in present and first != t.rel and prev and prev["sha256"] == t.sha256:
            out[(t.rel, d["part"])] = first
    return out




class _Copies:
    """Which documents are copies of one kept earlier, file by file in the order the build reads them.

    A copy has the content key of a document kept before it (``ingest.content_key``: the same text however
    written, with the same metadata): the first is kept, each other recorded in ``duplicates``. A document
    that the previous build left out as a copy of file X, unchanged since while X was edited (``stale_of``), is
    an earlier version of X, not a second document: it stays out as a copy of X where X still gives a document
    with its jurisdiction, year and doc type and most of its lines (lexicons/versions.yaml similarity). Such files are read
    last (the build orders them so), after X."""

    def __init__(self, seen: dict[str, str], duplicates: list[dict],
                 stale_of: dict[tuple[str, int | None], str] | None = None):
        self.seen, self.duplicates = seen, duplicates
        self.stale_of = stale_of or {}
        self.watched = set(self.stale_of.values())
        self.versions: dict[str, list[tuple[tuple, set[str], str]]] = {}  # X -> its documents now

    def drop(self, rel: str, docs: pa.Table, facts: pa.Table) -> tuple[pa.Table, pa.Table]:
        """The documents and facts of file ``rel`` that are no copy of a document kept before. A fact id comes
        once: two parts of a file with one text give the same facts."""
        keep = []
        cols = {c: docs.column(c).to_pylist() for c in ("doc_id", "part", "content_key", *_META)}
        texts = docs.column("text").to_pylist() if rel in self.watched or any(
            (rel, p) in self.stale_of for p in cols["part"]) else None
        metas = list(zip(*(cols[c] for c in _META)))
        for i, (doc_id, part, key) in enumerate(zip(cols["doc_id"], cols["part"], cols["content_key"])):
            first = self.seen.get(key)
            if first is None and (rel, part) in self.stale_of:
                first = self._earlier_version(self.stale_of[(rel, part)], metas[i], texts[i])
            if first is None:
                self.seen[key] = rel
            else:
                self.duplicates.append({"source_path": rel, "part": part, "doc_id": doc_id, "duplicate_of": first})
            if rel in self.watched:
                self.versions.setdefault(rel, []).append((metas[i], _lines(texts[i]), first or rel))
            keep.append(first is None)
        if not all(keep):
            docs = docs.filter(pa.array(keep))
            facts = facts.filter(pc.is_in(facts.column("doc_id"), value_set=docs.column("doc_id").combine_chunks()))
        fact_ids = facts.column("fact_id").to_pylist()
        if len(set(fact_ids)) < len(fact_ids):
            first_time, seen_ids = [], set()
            for i in fact_ids:
                first_time.append(i not in seen_ids)
                seen_ids.add(i)
            facts = facts.filter(pa.array(first_time))
        return docs, facts

    def _earlier_version(self, edited: str, meta: tuple, text: str) -> str | None:
        """The file kept for ``edited`` where this document is an earlier version of one of its documents."""
        lines = _lines(text)
        for m, other, kept in self.versions.get(edited, []):
            if m == meta and lines and len(lines & other) >= load_version_lexicon().similarity * len(lines | other):
                return kept
        return None


_META = VERSION_META  # what an edited version of a document must keep (pipeline/versions.py)


def write_indicators(build: Path) -> None:
    rows = [{"indicator": i.id, "unit": i.unit, "direction": i.direction, "synonyms": list(i.synonyms),
             "description": i.description} for i in load_lexicon().indicators]
    pq.write_table(pa.Table.from_pylist(rows, schema=pa.schema([
        ("indicator", pa.string()), ("unit", pa.string()), ("direction", pa.string()),
        ("synonyms", pa.list_(pa.string())), ("description", pa.string())])), build / "indicators.parquet")


def write_links(build: Path, doc_types: dict[str, str | None], superseded: set[str]) -> tuple[int, float]:
    """The linking stage over every fact of this build (new and carried): ``links.parquet``, and what each linked
    figure counts of its measure (``measure_senses.parquet``: a gain or a stock), and the year before's statement of a
    measure said in other words (``year_before_links.parquet``). Targets and
    results are read once as Arrow columns and linked one (jurisdiction, year) at a time (a link never
    crosses either; the year before's statement is looked for in the slice before, the same jurisdiction's year
    before), so Python holds two such slices' facts at a time. ``doc_types``: doc_id -> doc_type (a
    bulletin's results answer first); ``superseded``: the doc_ids another version supersedes, whose facts are left
    out."""
    from .link import FACT_COLUMNS, char_weights, link_facts, measure_sense, year_before

    t0 = time.perf_counter()
    src = build / "facts"
    links = []
    senses = []  # (fact_id, sense): what a figure counts of its measure, a gain or a stock (link.measure_sense)
    befores = []  # the year before's statement of a measure said in other words (link.year_before)
    if any(src.rglob("*.parquet")):
        # filtered batch by batch as the scan reads them (a filter on the scan itself costs twice the read)
        scan = ds.dataset(src, format="parquet", partitioning=None).scanner(columns=list(FACT_COLUMNS))
        old = pa.array(sorted(superseded), type=pa.string())  # (another version's facts answer nothing)
        table = pa.Table.from_batches((b.filter(_linkable(b, old)) for b in scan.to_batches()), schema=scan.projected_schema)
        actual_keys = pc.unique(table.filter(pc.equal(table.column("kind"), "actual")).column("indicator_key"))
        weights = char_weights(actual_keys.to_pylist())
        # the rows in (jurisdiction, year) order, taken a slice at a time: no sorted copy of the whole table
        order = pc.sort_indices(table, sort_keys=[("jurisdiction", "ascending"), ("period_year", "ascending")])
        blocks = table.select(["jurisdiction", "period_year"]).take(order)
        start = 0
        last, last_rows, last_senses = None, [], {}  # the slice before: the jurisdiction's year before, where it is that
        with collector_paused():
            for (place, year), run in itertools.groupby(zip(*(c.to_pylist() for c in blocks.columns))):
                n = sum(1 for _ in run)
                rows = _rows(table.take(order.slice(start, n)))
                row_senses = {}  # this slice's and the slice before's: what year_before reads
                for r in rows:
                    r["doc_type"] = doc_types.get(r["doc_id"])
                    if sense := measure_sense(r):
                        senses.append({"fact_id": r["fact_id"], "sense": sense})
                    row_senses[r["fact_id"]] = sense
                links.extend(link_facts(rows, weights))
                if last == (place, year - 1):
                    befores.extend(year_before(rows, last_rows, weights, {**last_senses, **row_senses}))
                last, last_rows, last_senses = (place, year), rows, row_senses
                start += n
    pq.write_table(pa.Table.from_pylist(senses, schema=W.SENSE_SCHEMA), build / "measure_senses.parquet")
    pq.write_table(pa.Table.from_pylist([vars(x) for x in befores], schema=W.YEAR_BEFORE_SCHEMA),
                   build / "year_before_links.parquet")
    pq.write_table(pa.Table.from_pylist([vars(x) for x in links], schema=W.LINK_SCHEMA), build / "links.parquet")
    return len(links), time.perf_counter() - t0


def _linkable(batch: pa.RecordBatch, superseded: pa.Array) -> pa.Array:
    """The facts linking reads: targets, actuals and changes with a jurisdiction, a year and a key, of a document
    no other version supersedes (``superseded``: doc_ids)."""
    from .link import LINKED_KINDS

    valid = [pc.is_valid(batch.column(c)) for c in ("jurisdiction", "period_year", "indicator_key")]
    current = pc.invert(pc.is_in(batch.column("doc_id"), value_set=superseded))
    return pc.and_(pc.and_(pc.is_in(batch.column("kind"), value_set=pa.array(list(LINKED_KINDS))), current),
                   pc.and_(valid[0], pc.and_(valid[1], valid[2])))


def _rows(table: pa.Table) -> list[dict]:
    """``table.to_pylist()``, built column by column (half the time: each column is converted in one call)."""
    names = table.column_names
    return [dict(zip(names, row)) for row in zip(*(table.column(n).to_pylist() for n in names))]


class _DuckdbCopy:
    """``warehouse.duckdb`` of a build (``W.write_duckdb``). Given more than one core (``workers``), the copy
    runs on a thread from the last batch of files on, and each relation waits there until the build says
    its files are written (``written``): the documents (most of the copy) while the last facts are still
    validated, the other relations while linking runs, the links last. DuckDB lets go of the GIL, so the
    copy takes the cores the build's Python leaves. Otherwise it runs in this thread once all is written
    (``finish``). Used as a context: a build that fails ends the copy where it waits, with the build's
    error, and leaves no thread behind."""

    REST = "*"  # every relation without a readiness of its own

    def __init__(self, build_dir: Path, workers: int):
        from concurrent.futures import Future

        self.build_dir, self.beside, self.workers = build_dir, workers > 1, workers
        self._written: dict[str, Future] = {name: Future() for name in ("documents", "links", self.REST)}
        self._pool = self._copy = None

    def start(self) -> None:
        if self.beside and self._copy is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(1, thread_name_prefix="write-duckdb")
            # DuckDB leaves one of the build's cores to this process (validating the last facts, then
            # linking: Python, one core)
            self._copy = self._pool.submit(W.write_duckdb, self.build_dir, self._ready, self.workers - 1,
                                           first=("documents",), last=("links",))

    def _ready(self, model: str) -> None:
        self._written.get(model, self._written[self.REST]).result()  # raises what the build raised

    def written(self, name: str) -> None:
        self._written[name].set_result(None)

    def finish(self) -> None:
        if self._copy is None:
            W.write_duckdb(self.build_dir)
        else:
            self._copy.result()
            self._pool.shutdown()

    def __enter__(self) -> "_DuckdbCopy":
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if exc is None or self._copy is None:
            return
        for f in self._written.values():
            if not f.done():
                f.set_exception(exc)
        self._pool.shutdown(wait=True)  # the copy ends with the build's error, which goes on from here


# ---------------------------------------------------------------- the build

def build(raw_dir: Path, wh: Path, executor: str = "local", workers: int | None = None,
          scheduler: str | None = None, full: bool = False, progress: bool = True,
          validate: bool = True, wait: bool = True, strict: bool = False) -> BuildReport:
    """Build the warehouse in ``wh`` from ``raw_dir``. A file our own code fails on is logged with its
    traceback, counted and recorded as rejected, and the build goes on; ``strict`` makes it fatal."""
    t0 = time.perf_counter()
    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        # the system allocator gives freed batches back (with malloc_trim); mimalloc keeps them
        pa.set_memory_pool(pa.system_memory_pool())
    raw_dir, wh = Path(raw_dir), Path(wh)
    if not raw_dir.is_dir():
        raise W.WarehouseError(f"raw folder {raw_dir} does not exist")
    report = BuildReport()
    model = model_version()  # what shapes the warehouse after extraction, read once
    if executor == "local" and (workers or default_workers()) > 1:
        _start_pool_server()
    with W.build_lock(wh, wait=wait), W.partial_builds_removed_on_error(wh):
        prev = W.current_build(wh)
        prev_ledger = load_ledger(prev)
        manifest = load_manifest(raw_dir)  # read once: the files' rows and the manifest's own warnings
        tasks, early_rejects = scan(raw_dir, prev_ledger, manifest)
        report.files = len(tasks) + len(early_rejects)
        if not tasks and not early_rejects:
            raise W.WarehouseError(f"no documents under {raw_dir}")
        prev_rejected_rows = [(r["source_path"], r["reason"]) for r in _prev_rows(prev, "rejected_documents")]
        prev_rejected = dict(prev_rejected_rows)
        same = {t.rel for t in tasks if not full and is_unchanged(t, prev_ledger.get(t.rel))}
        unchanged = {r for r in same if prev_ledger[r]["status"] == "ok"}
        prev_rejects = [t for t in tasks if t.rel in same and t.rel not in unchanged]
        todo = [t for t in tasks if t.rel not in same]
        removed = set(prev_ledger) - {t.rel for t in tasks}
        prev_duplicates = _prev_rows(prev, "duplicates")
        # a file kept out as a duplicate is read again when the copy it duplicated is gone or has changed
        gone = removed | {t.rel for t in todo}
        redo = {d["source_path"] for d in prev_duplicates if d["duplicate_of"] in gone} & unchanged
        if redo:
            unchanged -= redo
            todo += [t for t in tasks if t.rel in redo]
        # the order files are read in, which decides the copy kept among duplicates: a file the manifest
        # describes first (its title and source_url are kept), then the scan's order; a stale copy last
        stale_of = _stale_candidates(tasks, prev_ledger, prev_duplicates)
        stale_files = {rel for rel, _ in stale_of}
        order = {t.rel: i for i, t in enumerate(tasks)}
        todo.sort(key=lambda t: (t.rel in stale_files, not t.manifest_row, order[t.rel]))
        early_same = dict(early_rejects) == {k: v for k, v in prev_rejected.items() if k not in prev_ledger}
        man_warnings = manifest_warnings(manifest, tasks, early_rejects)
        prev_warnings = _prev_rows(prev, "warnings")
        if (prev is not None and not full and not todo and not removed and early_same
                and man_warnings == [w for w in prev_warnings if w["doc_id"] is None]
                and _prev_model_version(prev) == model):
            report.up_to_date, report.files, report.seconds = True, len(tasks), time.perf_counter() - t0
            report.warnings = len(prev_warnings)
            return report
        log(f"scanning {raw_dir}: {report.files} files, {len(todo)} to extract, {len(unchanged)} unchanged, "
            f"{len(removed)} removed" + (f", {len(early_rejects)} rejected unread" if early_rejects else ""))
        build_dir = W.new_build_dir(wh)
        writers = _Writers(build_dir)
        rejected = list(early_rejects) + [(t.rel, prev_rejected.get(t.rel, "rejected")) for t in prev_rejects]
        rejected += [(p, why) for p, why in prev_rejected_rows if p in unchanged]  # rows of kept collections
        duplicates = [d for d in prev_duplicates if d["source_path"] in unchanged]
        ledger = []
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        results = None
        n_workers = workers or default_workers()
        with _DuckdbCopy(build_dir, n_workers) as copy:
            try:
                seen = _carry(prev, unchanged, writers) if prev else {}
                copies = _Copies(seen, duplicates, stale_of)
                for t in tasks:
                    if t.rel in unchanged:
                        p = prev_ledger[t.rel]
                        ledger.append({**p, "size": t.size, "mtime_ns": t.mtime_ns})
                for t in prev_rejects:
                    ledger.append(_ledger_row(t, "rejected", 0, 0, now))
                by_rel = {t.rel: t for t in todo}
                if executor == "dask":
                    results = run_dask(todo, raw_dir, progress, workers, scheduler)
                elif n_workers > 1 and len(todo) > 1:
                    results = run_pool(todo, raw_dir, progress, n_workers)
                    if validate:
                        _warm_validation()
                else:
                    results = run_local(todo, raw_dir, progress)
                buf_docs, buf_facts, n_docs, n_facts = [], [], 0, 0  # the files' tables since the last flush
                for r, file_docs, file_facts in results:
                    t = by_rel[r.rel]
                    if r.error:
                        log(f"INTERNAL ERROR on {r.rel} (a bug, not bad input):\n{r.error}")
                        report.errors += 1
                        if strict:
                            raise BuildError(f"internal error on {r.rel} (--strict): see the traceback above")
                    rejected += [(r.rel, why) for why in r.row_rejections]
                    if r.rejected:
                        rejected.append((r.rel, r.rejected))
                        ledger.append(_ledger_row(t, "rejected", 0, 0, now))
                        continue
                    docs, facts = copies.drop(r.rel, file_docs, file_facts)
                    buf_docs.append(docs)
                    buf_facts.append(facts)
                    n_docs, n_facts = n_docs + docs.num_rows, n_facts + facts.num_rows
                    ledger.append(_ledger_row(t, "ok", docs.num_rows, facts.num_rows, now))
                    if n_docs >= FLUSH_DOCS or n_facts >= FLUSH_FACTS:
                        _flush(writers, buf_docs, buf_facts, validate)
                        buf_docs, buf_facts, n_docs, n_facts = [], [], 0, 0
                copy.start()  # the last batch: the copy into DuckDB begins beside it
                _flush(writers, buf_docs, buf_facts, validate, copy)
                if prev is not None and unchanged and (prev / "quarantine.parquet").exists():
                    old_q = pq.read_table(prev / "quarantine.parquet")  # failures of unchanged files stand
                    writers.write_quarantine(old_q.filter(pc.is_in(old_q.column("source_path"),
                                                                    value_set=pa.array(sorted(unchanged)))))
            finally:
                if results is not None:
                    results.close()  # an early stop (--strict) ends the workers now, not when collected
                writers.close()
            if writers.n_docs == 0:
                reasons = "; ".join(f"{p}: {why}" for p, why in sorted(rejected)[:5])
                more = f" and {len(rejected) - 5} more" if len(rejected) > 5 else ""
                raise W.WarehouseError(f"no usable document: nothing was written ({len(rejected)} inputs rejected: "
                                       f"{reasons}{more})")
            report.extracted, report.carried, report.removed = len(todo), len(unchanged), len(removed)
            report.rejected, report.documents, report.duplicates = len(rejected), writers.n_docs, len(duplicates)
            pq.write_table(_table(sorted(duplicates, key=lambda d: (d["source_path"], d["part"] or 0)),
                                  W.DUPLICATE_SCHEMA), build_dir / "duplicates.parquet")
            pq.write_table(_table([{"source_path": r, "reason": why} for r, why in sorted(rejected)],
                                  W.REJECTED_SCHEMA), build_dir / "rejected_documents.parquet")
            pq.write_table(_table(sorted(ledger, key=lambda r: r["source_path"]), W.LEDGER_SCHEMA),
                           build_dir / "ledger.parquet")
            write_indicators(build_dir)
            (build_dir / MODEL_FILE).write_text(model + "\n")
            warnings = write_warnings(build_dir, man_warnings)
            meta = read_doc_meta(build_dir)  # (read once: the versions, and the linker's ranks by doc type)
            versions = write_versions(build_dir, meta)  # (before linking, which leaves them out)
            report.superseded = len(versions)
            copy.written(copy.REST)
            report.links, report.link_seconds = write_links(
                build_dir, {d: doc_type_of(m) for d, m in meta.items()}, {v["doc_id"] for v in versions})
            copy.written("links")
            copy.finish()
        report.warnings = len(warnings)
        for r, why in rejected:
            log(f"rejected {r}: {why}")
        print_warnings(warnings)
        report.quarantined = writers.n_quarantined_new
        report.facts = writers.n_facts
        _summarise(build_dir, report)
        report.seconds = time.perf_counter() - t0
        _write_build_info(build_dir, raw_dir, report, model)
        final = W.publish(wh, build_dir)
        report.build_dir = str(final)
    report.seconds = time.perf_counter() - t0
    return report


def _summarise(build_dir: Path, report: BuildReport) -> None:
    """Facts by kind and quarantine rows of the warehouse just written, for the summary."""
    import duckdb

    con = duckdb.connect(str(build_dir / "warehouse.duckdb"), read_only=True)
    try:
        report.facts_by_kind = dict(con.execute("SELECT kind, count(*) FROM facts GROUP BY 1").fetchall())
        report.quarantined_total = con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    finally:
        con.close()


def _write_build_info(build_dir: Path, raw_dir: Path, report: BuildReport, model: str) -> None:
    """Where this build read from and what it found, for `pipeline status`."""
    import json

    info = {"raw": str(raw_dir.resolve()), "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "seconds": round(report.seconds, 2), "extractor_version": ingest_version(),
            "model_version": model, "summary": report.summary()}
    (build_dir / W.BUILD_INFO).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _ledger_row(t: FileTask, status: str, n_docs: int, n_facts: int, now: str) -> dict:
    return {"source_path": t.rel, "sha256": t.sha256, "size": t.size, "mtime_ns": t.mtime_ns,
            "manifest_key": t.manifest_key, "extractor_version": ingest_version(), "status": status,
            "n_documents": n_docs, "n_facts": n_facts, "built_at": now}


class BuildError(RuntimeError):
    """Our own code failed on an input and the build was asked to be strict."""
