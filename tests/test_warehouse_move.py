"""A copied or moved warehouse answers from its own files, through the CLI and through a plain DuckDB client."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from helpers import ROOT, cli
from pipeline.build import build

REPORT = ROOT / "data" / "raw" / "national" / "2013年国务院政府工作报告.txt"
RELATIONS_SQL = "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY 1"


def _dump(db: Path) -> dict[str, list[tuple]]:
    """Every public relation of a warehouse file, read by a plain client, as sorted rows."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [n for (n,) in con.execute(RELATIONS_SQL).fetchall()]
        return {n: sorted(map(repr, con.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        con.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    base = tmp_path_factory.mktemp("move")
    raw = base / "raw"
    raw.mkdir()
    shutil.copy(REPORT, raw / "2013年国务院政府工作报告.txt")
    wh = base / "original"
    build(raw, wh, progress=False, strict=True)
    return wh, _dump(wh / "warehouse.duckdb")


@pytest.mark.parametrize("keep_links", [True, False], ids=["copy_keeping_links", "copy_following_links"])
def test_a_copied_warehouse_answers_from_its_own_files(built, tmp_path, monkeypatch, keep_links):
    original, want = built
    assert want["facts"] and want["documents"] and want["plan_vs_actual"]
    copy = tmp_path / "elsewhere" / "warehouse"
    shutil.copytree(original, copy, symlinks=keep_links)
    hidden = original.with_name("original.hidden")
    original.rename(hidden)  # the original is gone while the copy is read
    try:
        elsewhere = tmp_path / "some" / "other" / "cwd"
        elsewhere.mkdir(parents=True)
        monkeypatch.chdir(elsewhere)
        # a plain DuckDB client, opened from another working directory, sees the same relations and rows
        assert _dump(copy / "warehouse.duckdb") == want
        # and so does the CLI
        p = cli("query", "--warehouse", str(copy), "--format", "json", "SELECT count(*) AS n FROM facts",
                cwd=elsewhere, timeout=120)
        assert p.returncode == 0, p.stderr
        [row] = json.loads(p.stdout)
        assert row["n"] == len(want["facts"])
    finally:
        hidden.rename(original)


def test_a_moved_warehouse_builds_on(built, tmp_path):
    """An incremental build on a moved warehouse carries the unchanged report from the moved files."""
    original, want = built
    moved = tmp_path / "moved"
    shutil.copytree(original, moved, symlinks=True)
    raw = original.parent / "raw"
    extra = tmp_path / "raw"
    shutil.copytree(raw, extra)
    (extra / "other.txt").write_text("2025年,城镇新增就业60万人以上。", encoding="utf-8")
    hidden = original.with_name("original.hidden")
    original.rename(hidden)  # the original is gone while the moved one builds on: only its own files serve
    try:
        rep = build(extra, moved, progress=False, strict=True)
        assert rep.carried == 1 and rep.extracted == 1
        con = duckdb.connect(str(moved / "warehouse.duckdb"), read_only=True)
        try:
            carried = con.execute("SELECT * FROM facts WHERE source_path <> 'other.txt'").fetchall()
            assert sorted(map(repr, carried)) == want["facts"]
        finally:
            con.close()
    finally:
        hidden.rename(original)
