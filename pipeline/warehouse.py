"""The warehouse on disk: immutable build folders, one atomic pointer, a build lock.

    data/warehouse/
      builds/<build_id>/         one complete build: Parquet files + warehouse.duckdb
      current -> builds/<id>     the pointer readers follow, switched with one rename
      facts, documents, warehouse.duckdb, ...  -> current/...   (stable paths for users)
      .lock                      held by the running build

A build writes a new folder beside the old one and switches ``current`` at the
end, so a build killed at any moment leaves the previous warehouse whole, and
readers are never blocked: each build has its own DuckDB file.

A build folder (or the whole warehouse folder) can be copied or moved: ``current`` and the stable names are
relative links, and ``warehouse.duckdb`` holds no path (see ``create_views``).
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Callable

import pyarrow as pa


STABLE_NAMES = ("facts", "documents", "warehouse.duckdb", "rejected_documents.parquet",
                "quarantine.parquet", "ledger.parquet", "indicators.parquet")
KEEP_BUILDS = 2
COMPLETE_MARKER = "_COMPLETE"
BUILD_INFO = "build_info.json"  # where a build says what it read and found (`pipeline status`)

DEC = pa.decimal128(38, 4)
DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("source_path", pa.string()), ("part", pa.int32()), ("title", pa.string()),
    ("jurisdiction", pa.string()), ("admin_level", pa.string()), ("report_year", pa.int32()),
    ("doc_type", pa.string()), ("text", pa.string()), ("n_chars", pa.int32()), ("encoding", pa.string()),
    ("flags", pa.list_(pa.string())), ("source_url", pa.string()), ("content_sha256", pa.string()),
    ("jurisdiction_source", pa.string()), ("report_year_source", pa.string()), ("doc_type_source", pa.string()),
    ("meta_warnings", pa.list_(pa.string())), ("content_key", pa.string()),
])
FACT_SCHEMA = pa.schema([
    ("fact_id", pa.string()), ("doc_id", pa.string()), ("jurisdiction", pa.string()),
    ("report_year", pa.int32()), ("period_year", pa.int32()), ("kind", pa.string()),
    ("indicator", pa.string()), ("indicator_text", pa.string()),
    ("indicator_key", pa.string()), ("direction", pa.string()), ("value", DEC), ("value_high", DEC),
    ("unit", pa.string()), ("unit_text", pa.string()), ("comparator", pa.string()),
    ("commitment", pa.string()), ("surface", pa.string()), ("span_start", pa.int32()),
    ("span_end", pa.int32()), ("sentence", pa.string()), ("section", pa.string()),
    ("rule_id", pa.string()), ("flags", pa.list_(pa.string())), ("source_path", pa.string()),
    ("extractor_version", pa.string()),
])
REJECTED_SCHEMA = pa.schema([("source_path", pa.string()), ("reason", pa.string())])
LEDGER_SCHEMA = pa.schema([
    ("source_path", pa.string()), ("sha256", pa.string()), ("size", pa.int64()), ("mtime_ns", pa.int64()),
    ("manifest_key", pa.string()), ("extractor_version", pa.string()), ("status", pa.string()),
    ("n_documents", pa.int32()), ("n_facts", pa.int32()), ("built_at", pa.string()),
])
DUPLICATE_SCHEMA = pa.schema([("source_path", pa.string()), ("part", pa.int32()), ("doc_id", pa.string()),
                              ("duplicate_of", pa.string())])
LINK_SCHEMA = pa.schema([("target_fact_id", pa.string()), ("actual_fact_id", pa.string()),
                         ("link_score", pa.float64()), ("link_rule", pa.string()),
                         ("actual_value", pa.decimal128(38, 4))])
SENSE_SCHEMA = pa.schema([("fact_id", pa.string()), ("sense", pa.string())])
YEAR_BEFORE_SCHEMA = pa.schema([("fact_id", pa.string()), ("previous_fact_id", pa.string()),
                                ("link_score", pa.float64()), ("link_rule", pa.string())])
WARNING_SCHEMA = pa.schema([("source_path", pa.string()), ("part", pa.int32()), ("doc_id", pa.string()),
                            ("field", pa.string()), ("message", pa.string())])
QUARANTINE_SCHEMA = FACT_SCHEMA.append(pa.field("expectation", pa.string()))


class WarehouseError(Exception):
    pass


def current_build(wh: Path) -> Path | None:
    link = wh / "current"
    if not link.exists():
        return None
    return link.resolve()


def built_at(build: Path | None) -> str | None:
    """When ``build`` was sealed (its COMPLETE_MARKER), or None where that cannot be read."""
    try:
        return (build / COMPLETE_MARKER).read_text().strip() if build is not None else None
    except OSError:
        return None


def new_build_dir(wh: Path) -> Path:
    builds = wh / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    ns = time.time_ns()  # one reading for both parts, so names sort in time order
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(ns // 1_000_000_000))
    d = builds / f"{stamp}-{ns % 1_000_000_000:09d}-{os.getpid()}"
    d.mkdir()
    return d


def publish(wh: Path, build_dir: Path) -> Path:
    """Seal ``build_dir`` and point ``current`` at it with one atomic rename."""
    final = build_dir
    (final / COMPLETE_MARKER).write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    _fsync_dir(final)
    tmp = wh / f".current.{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    os.symlink(os.path.relpath(final, wh), tmp)
    os.replace(tmp, wh / "current")
    _fsync_dir(wh)
    for name in STABLE_NAMES:
        link = wh / name
        if not link.is_symlink():
            if link.exists():
                (shutil.rmtree if link.is_dir() else os.unlink)(link)
            os.symlink(os.path.join("current", name), link)
    collect_garbage(wh)
    return final


@contextlib.contextmanager
def partial_builds_removed_on_error(wh: Path):
    """Under the build lock: a build that fails leaves no partial folder behind (a killed one cannot clean up:
    the next build's ``collect_garbage`` does)."""
    try:
        yield
    except BaseException:
        collect_garbage(wh)
        raise


def collect_garbage(wh: Path, keep: int = KEEP_BUILDS) -> None:
    """Remove old sealed builds (the newest ``keep`` stay) and partial ones no build holds."""
    builds = wh / "builds"
    if not builds.exists():
        return
    cur = current_build(wh)
    sealed = sorted((p for p in builds.iterdir() if (p / COMPLETE_MARKER).exists()), key=lambda p: p.name)
    for p in sealed[:-keep]:
        if p != cur:
            shutil.rmtree(p, ignore_errors=True)
    for p in builds.iterdir():
        if not (p / COMPLETE_MARKER).exists() and p != cur:
            shutil.rmtree(p, ignore_errors=True)  # only the lock holder runs this: an unsealed build is dead


def _fsync_dir(d: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(d, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def build_lock(wh: Path, wait: bool = True):
    """Hold the warehouse's build lock; a second build waits (or, with wait=False, refuses)."""
    wh.mkdir(parents=True, exist_ok=True)
    path = wh / ".lock"
    fh = open(path, "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            if not wait:
                raise WarehouseError(f"another build is running on {wh} ({holder}); try again when it ends")
            print(f"waiting for the build already running on {wh} ({holder}) ...", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fh.truncate(0)
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


SQL_DIR = Path(__file__).with_name("sql")


def sql_files() -> list[Path]:
    """The view definitions, in layer order (staging, facts, marts), then by name."""
    return sorted(SQL_DIR.glob("*/*.sql"))


STORED_SCHEMA = "stored"
# DuckDB's buffer pool while a build writes warehouse.duckdb, per thread it runs, and at least: 128MB for two
# threads failed a build of 2,000 documents ("failed to pin block"), 256MB for one or two never has
DUCKDB_BUILD_MEMORY_PER_THREAD_MB = 128
DUCKDB_BUILD_MEMORY_MIN_MB = 256
STAGING_LAYER = "10_staging"


def create_views(con, root: Path, ready: Callable[[str], None] | None = None, first: tuple[str, ...] = (),
                 last: tuple[str, ...] = ()) -> None:
    """Every SQL model, in layer order. The staging models read the Parquet files under ``root``; each one's
    rows are then copied into a table of the ``stored`` schema and the view is pointed at that copy, so the
    database answers from inside itself wherever it is moved or copied (DuckDB resolves a path in a view
    when it is queried, against the reading process's working directory: no path written in a view can
    follow the file). The later layers read the staging views by name and never see a path.

    ``ready``, where given, is called with each model's name before the model runs and returns once the
    files that model reads are written (a build copies the other relations while it still links). The models
    named in ``first`` run before the others of their layer, those in ``last`` after them (the models of a
    layer read none of each other): a build copies its documents while it still validates its last facts,
    and its links once linking is done, after all else."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {STORED_SCHEMA}")
    for f in sorted(sql_files(), key=lambda f: (f.parent.name, f.stem not in first, f.stem in last)):
        if ready is not None:
            ready(f.stem)
        staging = f.parent.name == STAGING_LAYER
        before = _view_names(con) if staging else set()
        con.execute(_with_params(f.read_text(encoding="utf-8"), root))
        if staging:
            for name in sorted(_view_names(con) - before):
                _store_view(con, name)


def _with_params(sql: str, root: Path) -> str:
    """A model's SQL with its parameters written in: ``{root}``, the folder its Parquet files are under, and
    ``{final_statistics}``, the doc types whose results are a year's final statistics (links.yaml: the linking stage
    and the models that choose a year's figure rank them alike), and ``{never_answer_flags}``, the flags of a result
    that answers no target and so stands for no year (a milestone passed: 突破300亿元、达到312.6亿元), and
    ``{change_answers}``, the units in which a change answers a target, and stands for its year as a baseline."""
    from pipeline.link import load_link_lexicon  # (here: the linker's imports stay off query, status and report)

    lx = load_link_lexicon()
    return (sql.replace("{root}", root.as_posix()).replace("{final_statistics}", _sql_list(lx.final))
            .replace("{never_answer_flags}", _sql_list(lx.never_answers))
            .replace("{change_answers}", _sql_list(lx.change_answers)))


def _sql_list(words) -> str:
    """``words`` as a DuckDB list of VARCHAR, sorted."""
    return "[" + ", ".join("'" + w.replace("'", "''") + "'" for w in sorted(words)) + "]::VARCHAR[]"


def _view_names(con) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'").fetchall()}


def _store_view(con, name: str) -> None:
    """Copy the rows of view ``name`` into ``stored.name`` and redefine the view over the copy (same columns,
    same types, no file path)."""
    con.execute(f'CREATE TABLE {STORED_SCHEMA}."{name}" AS SELECT * FROM main."{name}"')
    con.execute(f'CREATE OR REPLACE VIEW main."{name}" AS SELECT * FROM {STORED_SCHEMA}."{name}"')


def build_memory_mb(threads: int) -> int:
    """DuckDB's memory limit, in MB, while a build copies its relations in with ``threads`` threads."""
    return max(DUCKDB_BUILD_MEMORY_MIN_MB, DUCKDB_BUILD_MEMORY_PER_THREAD_MB * int(threads))


def write_duckdb(build_dir: Path, ready: Callable[[str], None] | None = None, threads: int | None = None,
                 first: tuple[str, ...] = (), last: tuple[str, ...] = ()) -> Path:
    """``warehouse.duckdb`` of ``build_dir`` (see ``create_views``, which ``ready``, ``first`` and ``last``
    are handed to), with DuckDB's ``threads`` (default: one per core)."""
    import duckdb

    path = build_dir / "warehouse.duckdb"
    con = duckdb.connect(str(path))
    try:
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        # copying the relations in is a streaming job: a small buffer pool (spilling past it) keeps the
        # build's peak memory where extraction put it, instead of DuckDB's default of most of the machine;
        # each thread needs its share of it, or the copy fails
        n = con.execute("SELECT current_setting('threads')").fetchone()[0]
        con.execute(f"SET memory_limit = '{build_memory_mb(n)}MB'")
        create_views(con, build_dir.resolve(), ready, first, last)
    finally:
        con.close()
    return path


def connect_readonly(wh: Path):
    """A read-only DuckDB connection on the current build (never blocks a running build)."""
    import duckdb

    cur = current_build(wh)
    if cur is None or not (cur / "warehouse.duckdb").exists():
        raise WarehouseError(f"no warehouse at {wh}: run `python -m pipeline build` first")
    return duckdb.connect(str(cur / "warehouse.duckdb"), read_only=True)
