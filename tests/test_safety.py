"""Bad input gets a reason and costs no good data; our own bugs are loud; ordinary mistakes get one line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.build as B
from pipeline.build import BuildError, build
from pipeline.warehouse import WarehouseError, connect_readonly

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "raw" / "national" / "2013年国务院政府工作报告.txt"


def _rows(wh: Path, sql: str) -> list[tuple]:
    con = connect_readonly(wh)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_link_out_of_the_raw_folder_is_not_read(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REPORT, raw / "report.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密:城镇新增就业900万人。", encoding="utf-8")
    os.symlink(secret, raw / "link.txt")
    os.symlink(raw / "report.txt", raw / "inside.txt")  # a link that stays inside is read: the same text twice
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert _rows(wh, "SELECT source_path, reason FROM rejected_documents") == [
        ("link.txt", "a symbolic link out of the raw folder: not read")]
    assert _rows(wh, "SELECT source_path FROM documents") == [("inside.txt",)]
    assert _rows(wh, "SELECT source_path, duplicate_of FROM duplicates") == [("report.txt", "inside.txt")]


def test_one_broken_line_costs_only_that_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "reports.jsonl").write_text(
        '{"province": "甲省", "year": 2025, "text": "2025年,地区生产总值增长5%左右。"}\n'
        '{"province": "乙省", "year": 2025, "text": "broken\n'
        '{"province": "丙省", "year": 2025, "text": "2025年,地区生产总值增长6%左右。"}\n', encoding="utf-8")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert {j for (j,) in _rows(wh, "SELECT jurisdiction FROM documents")} == {"甲省", "丙省"}
    [(path, reason)] = _rows(wh, "SELECT source_path, reason FROM rejected_documents")
    assert path == "reports.jsonl" and reason.startswith("line 2: invalid JSON")
    # an incremental build keeps the row's rejection with the file's kept rows
    (raw / "other.txt").write_text("2025年,城镇新增就业60万人以上。", encoding="utf-8")
    build(raw, wh, progress=False, strict=True)
    assert _rows(wh, "SELECT source_path FROM rejected_documents") == [("reports.jsonl",)]


def test_our_own_bug_is_loud_and_costs_only_its_file(tmp_path, monkeypatch, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REPORT, raw / "good.txt")
    (raw / "bad.txt").write_text("触发错误的文件:城镇新增就业900万人。", encoding="utf-8")
    import pipeline.process as P

    real = P.extract_facts

    def buggy(text, *args, **kwargs):
        if "触发错误" in text:
            raise KeyError("scale_at")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(P, "extract_facts", buggy)
    with pytest.raises(BuildError, match="bad.txt"):
        build(raw, tmp_path / "strict", progress=False, strict=True, workers=1)  # the patch is in this process
    rep = build(raw, tmp_path / "lenient", progress=False, workers=1)
    err = capsys.readouterr().err
    assert rep.errors == 1 and "INTERNAL ERRORS" in rep.line()
    assert "Traceback" in err and "KeyError: 'scale_at'" in err
    [(reason,)] = _rows(tmp_path / "lenient", "SELECT reason FROM rejected_documents WHERE source_path = 'bad.txt'")
    assert reason.startswith("internal error: KeyError")
    assert _rows(tmp_path / "lenient", "SELECT count(*) FROM facts WHERE source_path = 'good.txt'")[0][0] > 0


def test_nothing_usable_names_the_reasons(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "noise.bin").write_bytes(os.urandom(64))
    with pytest.raises(WarehouseError, match=r"empty.txt: empty file.*noise.bin: unsupported file type"):
        build(raw, tmp_path / "wh", progress=False)


def test_an_edit_to_ingest_code_re_extracts(tmp_path, small_raw, monkeypatch):
    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False, strict=True)
    monkeypatch.setattr(B, "INGEST_DIGEST", B.INGEST_DIGEST + "-edited")
    rep = build(small_raw, wh, progress=False, strict=True)
    assert not rep.up_to_date and rep.extracted == 3


def _cli(*args: str, shell_tail: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = " ".join([sys.executable, "-m", "pipeline", *[f"'{a}'" for a in args]]) + shell_tail
    return subprocess.run(cmd, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_extract_into_head_ends_quietly():
    p = _cli("extract", str(REPORT), shell_tail=" | head -1")
    assert p.returncode == 0 and p.stdout.startswith("{") and "Traceback" not in p.stderr and "Broken" not in p.stderr


def test_a_folder_given_to_extract_is_named_as_such(tmp_path):
    p = _cli("extract", str(tmp_path))
    assert p.returncode == 1 and "is a folder" in p.stderr and "Traceback" not in p.stderr


def test_an_unwritable_warehouse_is_one_line(tmp_path, small_raw):
    p = _cli("build", "--raw", str(small_raw), "--warehouse", "/proc/nope", "--quiet")
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert p.stderr.strip().splitlines()[-1].startswith("error: cannot write the warehouse at /proc/nope")


def _encodings(raw: Path) -> None:
    text = REPORT.read_text(encoding="utf-8")
    (raw / "a_utf8.txt").write_text(text, encoding="utf-8")
    (raw / "b_bom.txt").write_bytes(text.encode("utf-8-sig"))
    (raw / "c_gb18030.txt").write_bytes(text.encode("gb18030"))
    (raw / "d_utf16.txt").write_bytes(text.encode("utf-16"))


def test_the_same_report_twice_is_kept_once_and_each_copy_recorded(tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(REPORT, alone / "a_utf8.txt")
    build(alone, tmp_path / "wh_alone", progress=False, strict=True)
    want = _rows(tmp_path / "wh_alone", "SELECT fact_id, value FROM facts ORDER BY fact_id")
    raw = tmp_path / "raw"
    raw.mkdir()
    _encodings(raw)
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert _rows(wh, "SELECT fact_id, value FROM facts ORDER BY fact_id") == want
    assert _rows(wh, "SELECT count(*) FROM quarantine")[0][0] == 0
    assert _rows(wh, "SELECT source_path, duplicate_of FROM duplicates ORDER BY 1") == [
        ("b_bom.txt", "a_utf8.txt"), ("c_gb18030.txt", "a_utf8.txt"), ("d_utf16.txt", "a_utf8.txt")]
    # across incremental builds: a copy added later is a duplicate too, and when the kept copy goes,
    # a duplicate is read again and its facts come back
    shutil.copy(raw / "a_utf8.txt", raw / "e_again.txt")
    build(raw, wh, progress=False, strict=True)
    assert _rows(wh, "SELECT count(*) FROM duplicates")[0][0] == 4
    assert _rows(wh, "SELECT fact_id, value FROM facts ORDER BY fact_id") == want
    (raw / "a_utf8.txt").unlink()
    build(raw, wh, progress=False, strict=True)
    assert _rows(wh, "SELECT fact_id, value FROM facts ORDER BY fact_id") == want
    assert _rows(wh, "SELECT count(*) FROM facts GROUP BY fact_id HAVING count(*) > 1") == []
