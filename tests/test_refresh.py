"""Incremental builds, the ledger, atomic publication, a killed build, concurrent builds, Dask."""
import shutil
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT, cli_env, query
from pipeline.build import build
from pipeline.warehouse import connect_readonly


def fact_ids(wh):
    return [r[0] for r in query(wh, "SELECT fact_id FROM facts")]


def test_noop_rebuild_is_up_to_date_with_same_ids(tmp_path, small_raw):
    wh = tmp_path / "wh"
    first = build(small_raw, wh, progress=False)
    ids = fact_ids(wh)
    again = build(small_raw, wh, progress=False)
    assert again.up_to_date and fact_ids(wh) == ids and first.facts == len(ids)


def test_full_rebuild_gives_the_same_ids(tmp_path, small_raw):
    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False)
    ids = sorted(fact_ids(wh))
    rep = build(small_raw, wh, progress=False, full=True)
    assert rep.extracted == 3 and sorted(fact_ids(wh)) == ids


def test_edit_and_delete(tmp_path, small_raw):
    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False)
    files = sorted((small_raw / "national").iterdir())
    edited, deleted = files[0], files[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n今年城镇新增就业1234万人以上。\n", encoding="utf-8")
    deleted.unlink()
    rep = build(small_raw, wh, progress=False)
    assert rep.extracted == 1 and rep.carried == 1 and rep.removed == 1
    con = connect_readonly(wh)
    dup = con.execute("SELECT count(*) - count(DISTINCT fact_id) FROM facts").fetchone()[0]
    gone = con.execute("SELECT count(*) FROM facts WHERE source_path = ?", [f"national/{deleted.name}"]).fetchone()[0]
    versions = con.execute("SELECT count(DISTINCT doc_id) FROM facts WHERE source_path = ?",
                           [f"national/{edited.name}"]).fetchone()[0]
    new = con.execute("SELECT count(*) FROM facts WHERE value = 12340000").fetchone()[0]
    ledger = dict(con.execute("SELECT source_path, status FROM build_ledger").fetchall())
    con.close()
    assert dup == 0 and gone == 0 and versions == 1 and new == 1
    assert set(ledger) == {f"national/{f.name}" for f in files if f != deleted}


def test_build_keeps_two_sealed_builds_and_current_switches(tmp_path, small_raw):
    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False)
    first = (wh / "current").resolve()
    build(small_raw, wh, progress=False, full=True)
    second = (wh / "current").resolve()
    build(small_raw, wh, progress=False, full=True)
    assert first != second and not first.exists() and second.exists()
    assert len(list((wh / "builds").iterdir())) == 2


def _spawn_build(raw, wh, *extra):
    return subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--raw", str(raw), "--warehouse", str(wh),
                             "--quiet", *extra], cwd=ROOT, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_build_leaves_previous_warehouse_whole(tmp_path, small_raw):
    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False)
    before = len(fact_ids(wh))
    for i in range(20):  # enough work that the kill lands mid-build
        shutil.copy(small_raw / "national" / "2013年国务院政府工作报告.txt", small_raw / "national" / f"copy{i}.txt")
        with open(small_raw / "national" / f"copy{i}.txt", "a", encoding="utf-8") as fh:
            fh.write(f"\n第{i}份副本。\n")
    builds_before = set((wh / "builds").iterdir())
    p = _spawn_build(small_raw, wh, "--full")
    deadline = time.monotonic() + 60
    while set((wh / "builds").iterdir()) == builds_before and time.monotonic() < deadline:
        time.sleep(0.02)  # the new build folder exists: the build is under way, not yet published
    time.sleep(0.3)
    during = len(fact_ids(wh))  # a reader during the build sees the previous warehouse
    assert p.poll() is None, "the build ended before it could be killed: give it more work"
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert during == before and len(fact_ids(wh)) == before
    rep = build(small_raw, wh, progress=False)
    assert rep.documents == 23 and len(fact_ids(wh)) > before


def test_two_builds_at_once_end_consistent(tmp_path, small_raw):
    wh = tmp_path / "wh"
    a, b = _spawn_build(small_raw, wh), _spawn_build(small_raw, wh)
    assert a.wait(timeout=300) == 0 and b.wait(timeout=300) == 0
    ids = fact_ids(wh)
    assert len(ids) == len(set(ids)) > 0


def test_second_build_refuses_with_a_clear_message_when_asked_not_to_wait(tmp_path, small_raw):
    from pipeline.warehouse import build_lock

    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False)
    with build_lock(wh):
        p = _spawn_build(small_raw, wh, "--no-wait")
        _, err = p.communicate(timeout=120)
    assert p.returncode != 0 and b"another build is running" in err


@pytest.mark.slow
def test_dask_executor_gives_the_same_facts(tmp_path, corpus_warehouse):
    """National reports and provinces on a 2-worker local cluster: exactly the local executor's facts."""
    dask = tmp_path / "dask"
    build(ROOT / "data" / "raw", dask, progress=False, executor="dask", workers=2)

    def rows(wh):
        return query(wh, "SELECT fact_id, doc_id, kind, indicator, value, value_high, unit, period_year, span_start, "
                         "span_end, flags FROM facts ORDER BY fact_id")

    local_rows = rows(corpus_warehouse)
    assert len(local_rows) > 5000 and rows(dask) == local_rows


def test_new_extractor_version_reextracts_everything_once(tmp_path, small_raw, monkeypatch):
    import pipeline.build as B

    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False)
    monkeypatch.setattr(B, "EXTRACTOR_VERSION", "test-next-version")
    assert build(small_raw, wh, progress=False).extracted == 3
    assert build(small_raw, wh, progress=False).up_to_date


def test_extractor_version_follows_code_and_lexicons(tmp_path):
    from extract.assemble import EXTRACTOR_VERSION, _source_digest

    copy = tmp_path / "extract"
    shutil.copytree(ROOT / "extract", copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert _source_digest(copy) == _source_digest() and EXTRACTOR_VERSION.endswith(_source_digest())
    with open(copy / "lexicons" / "indicators.csv", "a", encoding="utf-8") as fh:
        fh.write("new_indicator,新指标,%,,up,,a new row\n")
    assert _source_digest(copy) != _source_digest()


@pytest.mark.slow
def test_dask_executor_uses_an_existing_scheduler(tmp_path, small_raw):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        rep = build(small_raw, tmp_path / "wh", progress=False, executor="dask", scheduler=cluster.scheduler_address)
    assert rep.extracted == 3 and rep.facts > 100


def test_a_changed_linking_stage_relinks_without_extracting(tmp_path, small_raw, monkeypatch):
    import pipeline.build as B

    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False)
    assert build(small_raw, wh, progress=False).up_to_date
    monkeypatch.setattr(B, "model_version", lambda: "edited-link-lexicon")
    rep = build(small_raw, wh, progress=False)
    assert not rep.up_to_date and rep.extracted == 0 and rep.carried == 3
    assert (wh / "current" / B.MODEL_FILE).read_text().strip() == "edited-link-lexicon"
    assert build(small_raw, wh, progress=False).up_to_date
