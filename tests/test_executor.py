"""The local process pool gives exactly what one process gives, and a bug in a worker stays loud."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import pipeline.build as B
import pipeline.process as P
from helpers import ROOT, cli_env
from pipeline.build import BuildError, build
from pipeline.cli import make_parser

NATIONAL = ROOT / "data" / "raw" / "national"


def _corpus(raw: Path) -> Path:
    """Small files in an order where "first seen wins" matters (a GB18030 re-encoding that sorts first, a
    copy that sorts last, a .md before its .txt), a collection with a broken line, an empty file."""
    raw.mkdir()
    years = range(2006, 2016)
    texts = {y: (NATIONAL / f"{y}年国务院政府工作报告.txt").read_text(encoding="utf-8")[:2500] for y in years}
    for y in years:
        (raw / f"{y}年国务院政府工作报告.txt").write_text(texts[y], encoding="utf-8")
    (raw / "00whole_2013年国务院政府工作报告.txt").write_text(  # first and slowest: later batches end before it
        (NATIONAL / "2013年国务院政府工作报告.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (raw / "0copy_2009年国务院政府工作报告.txt").write_bytes(texts[2009].encode("gb18030"))  # before its original
    (raw / "zcopy_2012年国务院政府工作报告.txt").write_text(texts[2012], encoding="utf-8")  # sorts last
    (raw / "2014年国务院政府工作报告.md").write_text(texts[2014], encoding="utf-8")  # sorts before its .txt
    row = lambda text: json.dumps({"province": "甲省", "year": 2025, "text": text}, ensure_ascii=False)  # noqa: E731
    lines = [row(texts[2007]), '{"broken', row("2025年,城镇新增就业1200万人以上,地区生产总值增长5%左右。")]
    (raw / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    return raw


def _relations(wh: Path) -> dict[str, list[dict]]:
    """Every relation the build writes, row by row in the order written (build times left out)."""
    cur = wh / "current"
    out = {}
    for name in ("documents", "facts"):
        out[name] = ds.dataset(cur / name, format="parquet", partitioning="hive").to_table().to_pylist()
    for name in ("duplicates", "rejected_documents", "quarantine", "links"):
        out[name] = pq.read_table(cur / f"{name}.parquet").to_pylist()
    out["ledger"] = [{k: v for k, v in r.items() if k not in ("built_at", "mtime_ns")}
                     for r in pq.read_table(cur / "ledger.parquet").to_pylist()]
    return out


def _database(wh: Path) -> dict[str, list[tuple]]:
    """Every table of warehouse.duckdb (the stored copies the views read), row by row (build times left out)."""
    import duckdb

    con = duckdb.connect(str(wh / "current" / "warehouse.duckdb"), read_only=True)
    try:
        out = {}
        for schema, name in con.execute("SELECT schema_name, table_name FROM duckdb_tables() ORDER BY 1, 2").fetchall():
            cols = [c for c, *_ in con.execute(f'DESCRIBE {schema}."{name}"').fetchall()
                    if (name, c) not in {("build_ledger", "built_at"), ("build_ledger", "mtime_ns")}]
            out[f"{schema}.{name}"] = con.execute(f'SELECT {", ".join(cols)} FROM {schema}."{name}"').fetchall()
        return out
    finally:
        con.close()


def test_the_pool_gives_what_one_process_gives(tmp_path, monkeypatch):
    raw = _corpus(tmp_path / "raw")
    pools = []
    real_pool = B.run_pool
    monkeypatch.setattr(B, "run_pool", lambda *a, **k: pools.append(a[3]) or real_pool(*a, **k))
    monkeypatch.setattr(B, "POOL_RECYCLE_BATCHES", 2)  # workers replaced every 2 batches: several generations
    build(raw, tmp_path / "one", progress=False, strict=True, workers=1)
    assert pools == []
    build(raw, tmp_path / "two", progress=False, strict=True, workers=2)
    assert pools == [2]
    one, two = _relations(tmp_path / "one"), _relations(tmp_path / "two")
    assert len(one["facts"]) > 100 and len(one["duplicates"]) == 3 and len(one["rejected_documents"]) == 2
    assert [d["source_path"] for d in one["duplicates"]] == [
        "2009年国务院政府工作报告.txt", "2014年国务院政府工作报告.txt", "zcopy_2012年国务院政府工作报告.txt"]
    for name in one:
        assert one[name] == two[name], name
    # with workers, the copy into DuckDB runs beside the last batch and linking (build._DuckdbCopy): the same database
    db_one, db_two = _database(tmp_path / "one"), _database(tmp_path / "two")
    assert len(db_one["stored.links"]) > 0 and db_one.keys() == db_two.keys()
    for name in db_one:
        assert db_one[name] == db_two[name], name


def test_a_failure_in_linking_stops_the_copy_beside_it_and_keeps_the_last_warehouse(tmp_path, monkeypatch):
    raw = _corpus(tmp_path / "raw")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, workers=2)
    last = (wh / "current").resolve()

    def broken(build_dir, *args):
        raise RuntimeError("linking broke")

    copied: list[BaseException] = []
    write_duckdb = B.W.write_duckdb

    def recording(*args, **kwargs):  # the copy beside linking: what ended it
        try:
            return write_duckdb(*args, **kwargs)
        except BaseException as exc:
            copied.append(exc)
            raise

    monkeypatch.setattr(B, "write_links", broken)
    monkeypatch.setattr(B.W, "write_duckdb", recording)
    with pytest.raises(RuntimeError, match="linking broke"):
        build(raw, wh, progress=False, workers=2, full=True)
    assert [str(e) for e in copied] == ["linking broke"]  # the copy stopped where it waits for the links
    assert (wh / "current").resolve() == last and _database(wh)["stored.links"]
    assert not [t for t in threading.enumerate() if t.name.startswith("write-duckdb")]


def test_a_failure_in_the_last_batch_stops_the_copy_that_began_beside_it(tmp_path, monkeypatch):
    raw = _corpus(tmp_path / "raw")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, workers=2)
    last = (wh / "current").resolve()
    waited: list[str] = []
    real_ready = B._DuckdbCopy._ready

    def ready(self, model):  # the copy beside the build: each relation it waited for, in order
        waited.append(model)
        return real_ready(self, model)

    def broken(facts, texts):
        raise RuntimeError("validation broke")

    monkeypatch.setattr(B._DuckdbCopy, "_ready", ready)
    monkeypatch.setattr("pipeline.validate.validate_fact_batch", broken)
    with pytest.raises(RuntimeError, match="validation broke"):
        build(raw, wh, progress=False, workers=2, full=True)
    # the documents went first, while the last batch was being validated; the next relation waited, and ended
    assert waited[:2] == ["documents", "build_ledger"] and len(waited) == 2
    assert (wh / "current").resolve() == last and _database(wh)["stored.links"]
    assert not [t for t in threading.enumerate() if t.name.startswith("write-duckdb")]


def test_the_fork_server_loads_the_extraction_once_for_its_workers():
    """The pool's fork server loads the lexicons by extracting a sample (``pool_server``): a sample that gave
    nothing would load nothing, and a module name it cannot import is passed over by multiprocessing in
    silence; either way every worker would load them again. A worker also runs the build's own code."""
    from concurrent.futures import ProcessPoolExecutor

    from pipeline import pool_server

    assert pool_server.WARMED.rejected is None and pool_server.WARMED.error is None
    assert {f["indicator"] for f in pool_server.WARMED.facts} >= {"gdp_growth", "urban_new_jobs"}
    B._start_pool_server()
    with ProcessPoolExecutor(1, mp_context=B._pool_context()) as pool:
        loaded = pool.submit(eval, "[m in __import__('sys').modules for m in ('pipeline.pool_server', "
                                   "'pipeline.tables')]").result()
    assert loaded == [True, True]
    with pytest.raises(RuntimeError, match="runs the pipeline in"):
        P.init_worker(os.getpid(), "/somewhere/else/pipeline")


FROM_ANOTHER_FOLDER = """
import sys
from pathlib import Path

if __name__ == "__main__":
    import pipeline
    from pipeline.build import build

    rep = build(Path(sys.argv[1]), Path(sys.argv[2]), progress=False, workers=2, strict=True)
    from concurrent.futures import ProcessPoolExecutor
    from pipeline.build import _pool_context

    with ProcessPoolExecutor(1, mp_context=_pool_context()) as pool:  # a worker of the same fork server
        worker = pool.submit(eval, "__import__('pipeline').__file__").result()
    print(pipeline.__file__, worker, rep.facts)
"""


def test_workers_run_the_builds_own_code_from_a_folder_with_another(tmp_path):
    """A build run from a folder that holds another ``pipeline`` (an older checkout): the fork server, a
    ``python -c`` started there, would put that folder first on its path (Python 3.11's takes none from its
    parent) and its workers would extract with the other code. Here the other code is a trap."""
    (tmp_path / "pipeline").mkdir()
    (tmp_path / "pipeline" / "__init__.py").write_text("raise SystemExit('the other pipeline was imported')\n")
    raw = tmp_path / "raw"
    raw.mkdir()
    for y in (2012, 2013):
        (raw / f"{y}年国务院政府工作报告.txt").write_text(
            (NATIONAL / f"{y}年国务院政府工作报告.txt").read_text(encoding="utf-8")[:3000], encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "drive.py").write_text(FROM_ANOTHER_FOLDER)
    p = subprocess.run([sys.executable, "scripts/drive.py", str(raw), str(tmp_path / "wh")], cwd=tmp_path,
                       env=cli_env(), capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    used, worker, facts = p.stdout.split()
    assert Path(used) == Path(worker) == ROOT / "pipeline" / "__init__.py" and int(facts) > 0


def test_dask_gives_what_one_process_gives_in_the_same_order(tmp_path, monkeypatch):
    raw = _corpus(tmp_path / "raw")
    monkeypatch.setattr(B, "BATCH_FILES", 2)  # several batches, the first the slowest
    build(raw, tmp_path / "one", progress=False, strict=True, workers=1)
    build(raw, tmp_path / "dask", progress=False, strict=True, executor="dask", workers=2)
    one, dask = _relations(tmp_path / "one"), _relations(tmp_path / "dask")
    for name in one:
        assert one[name] == dask[name], name


def _buggy_files(raw_dir, tasks):
    """Runs in a worker: extraction there fails on one file, as a bug of ours would."""
    real = P.extract_facts

    def buggy(text, *args, **kwargs):
        if "触发错误" in text:
            raise KeyError("scale_at")
        return real(text, *args, **kwargs)

    P.extract_facts = buggy
    try:
        return P.process_files(raw_dir, tasks)
    finally:
        P.extract_facts = real


def test_a_bug_in_a_worker_keeps_its_traceback_and_is_fatal_when_strict(tmp_path, monkeypatch, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    for y in (2011, 2012, 2013):
        (raw / f"{y}.txt").write_text((NATIONAL / f"{y}年国务院政府工作报告.txt").read_text(encoding="utf-8")[:2000],
                                      encoding="utf-8")
    (raw / "bad.txt").write_text("触发错误的文件:城镇新增就业900万人。", encoding="utf-8")
    monkeypatch.setattr(B, "process_files", _buggy_files)  # what the pool sends to its workers
    with pytest.raises(BuildError, match="bad.txt"):
        build(raw, tmp_path / "strict", progress=False, strict=True, workers=2)
    rep = build(raw, tmp_path / "lenient", progress=False, workers=2)
    err = capsys.readouterr().err
    assert rep.errors == 1 and "INTERNAL ERRORS" in rep.line()
    assert "Traceback" in err and "in buggy" in err and "KeyError: 'scale_at'" in err
    rejected = pq.read_table(tmp_path / "lenient" / "current" / "rejected_documents.parquet").to_pylist()
    assert [(r["source_path"], r["reason"].split(":")[0]) for r in rejected] == [("bad.txt", "internal error")]
    assert rep.documents == 3 and rep.facts > 0


def _sleepy_files(raw_dir, tasks):
    """Runs in a worker: says which process it is, then works for a minute."""
    (Path(raw_dir) / "pids" / str(os.getpid())).write_text("")
    time.sleep(60)
    return P.process_files(raw_dir, tasks)


DRIVER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
import pipeline.build as B, test_executor as T
B.process_files = T._sleepy_files
raw = Path({raw!r})
list(B.run_pool(B.scan(raw, {{}})[0], raw, False, 2))
"""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_build_is_killed(tmp_path):
    raw = tmp_path / "raw"
    (raw / "pids").mkdir(parents=True)
    for i in range(4):
        (raw / f"{i}.txt").write_text(f"第{i}份:城镇新增就业900万人。", encoding="utf-8")
    driver = subprocess.Popen([sys.executable, "-c", DRIVER.format(tests=str(Path(__file__).parent), raw=str(raw))],
                              cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while len(list((raw / "pids").iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [int(p.name) for p in (raw / "pids").iterdir()]
        assert len(workers) == 2 and all(_alive(w) for w in workers)
    finally:
        driver.send_signal(signal.SIGKILL)  # no shutdown, no cleanup: as the out-of-memory killer does it
        driver.wait()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "a worker outlived its build"


def test_workers_is_a_positive_number():
    assert make_parser().parse_args(["build", "--workers", "3"]).workers == 3
    assert make_parser().parse_args(["build"]).workers is None  # one per core
    for bad in ("0", "-2", "two"):
        with pytest.raises(SystemExit):
            make_parser().parse_args(["build", "--workers", bad])
