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
        build(raw, tmp_path / "strict", progress=False, strict=True)
    rep = build(raw, tmp_path / "lenient", progress=False)
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


def test_the_ingest_digest_follows_the_ingest_code(tmp_path, monkeypatch):
    code = tmp_path / "pipeline"
    code.mkdir()
    for name in ("ingest.py", "process.py"):
        shutil.copy(Path(B.__file__).with_name(name), code / name)
    monkeypatch.setattr(B, "PIPELINE_DIR", code)
    assert B._ingest_digest() == B.INGEST_DIGEST
    with open(code / "ingest.py", "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert B._ingest_digest() != B.INGEST_DIGEST


def test_an_edit_to_a_sql_model_is_in_the_next_build(tmp_path, small_raw, monkeypatch):
    import pipeline.warehouse as W

    models = tmp_path / "sql"
    shutil.copytree(W.SQL_DIR, models)
    monkeypatch.setattr(W, "SQL_DIR", models)
    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False, strict=True)
    assert build(small_raw, wh, progress=False, strict=True).up_to_date
    yoy = models / "30_marts" / "yoy.sql"
    sql = yoy.read_text(encoding="utf-8")
    edited = sql.replace("\nSELECT ", "\nSELECT 'edited' AS edit, ", 1)
    assert edited != sql
    yoy.write_text(edited, encoding="utf-8")
    rep = build(small_raw, wh, progress=False, strict=True)
    assert not rep.up_to_date and rep.extracted == 0  # views are rebuilt; nothing is extracted again
    assert _rows(wh, "SELECT column_name FROM (DESCRIBE yoy) LIMIT 1") == [("edit",)]


# ---------------------------------------------------------------- lexicons checked as they load

def _bad_lexicon(tmp_path: Path, name: str, old: str, new: str) -> Path:
    from extract.lexicon import LEXICON_DIR

    root = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, root)
    text = (root / name).read_text(encoding="utf-8")
    assert old in text
    (root / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def _line_of(root: Path, name: str, needle: str) -> int:
    lines = (root / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize("name, old, new, needle, message", [
    ("comparators.yaml", "  控制在: le\n", "  控制在: below\n", "控制在: below", r"unknown comparator id 'below'"),
    ("comparators.yaml", "after:\n", "after_overrides_before: true\nafter:\n", "after_overrides_before",
     r"unknown key 'after_overrides_before': no code reads it"),
    ("units.yaml", '{surface: "吨", base: 吨}', '{surface: "吨", base: 吨, factor: 1000}', 'surface: "吨"',
     r"unit '吨': unknown key\(s\) factor"),
    ("units.yaml", "change_units: [百分点]", "change_units: [百分比]", "change_units", r"'百分比' is no base unit"),
    ("segments.yaml", "heading_max_chars: 60\n", "heading_max_chars: 60\nclause_ends: '[,]'\n", "clause_ends",
     r"unknown key 'clause_ends'"),
], ids=["unknown_comparator_id", "dead_key_after_overrides_before", "dead_unit_key_factor", "no_base_unit",
        "unknown_segments_key"])
def test_a_bad_yaml_lexicon_is_a_load_error_with_file_and_line(tmp_path, name, old, new, needle, message):
    from extract.lexicon import LexiconError, load_lexicon

    root = _bad_lexicon(tmp_path, name, old, new)
    with pytest.raises(LexiconError, match=message) as err:
        load_lexicon.__wrapped__(root)
    assert f"{root / name}:{_line_of(root, name, needle)}:" in str(err.value)


@pytest.mark.parametrize("edit, message", [
    (lambda cells: cells.__setitem__(4, "sideways"), r"direction 'sideways' is neither up nor down"),
    (lambda cells: cells.__setitem__(2, "万%"), r"unit '万%' is no base unit"),
    (lambda cells: cells.append("extra"), r"more cells than columns"),
], ids=["direction", "unit", "cells"])
def test_a_bad_indicator_row_is_a_load_error_with_its_line(tmp_path, edit, message):
    from extract.lexicon import LexiconError, load_lexicon

    root = _bad_lexicon(tmp_path, "indicators.csv", "", "")
    lines = (root / "indicators.csv").read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("cpi_growth,"))
    cells = lines[n].split(",")
    edit(cells)
    lines[n] = ",".join(cells)
    (root / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as err:
        load_lexicon.__wrapped__(root)
    assert f"indicators.csv:{n + 1}: cpi_growth" in str(err.value) or f"indicators.csv:{n + 1}: 'cpi_growth'" in str(err.value)


def test_a_bad_link_lexicon_names_file_and_line(tmp_path):
    from extract.lexicon import LexiconError
    from pipeline.link import LEXICON, load_link_lexicon

    text = LEXICON.read_text(encoding="utf-8")
    bad = tmp_path / "links.yaml"
    bad.write_text(text.replace("threshold:", "threshhold:", 1), encoding="utf-8")
    line = next(i for i, t in enumerate(bad.read_text(encoding="utf-8").splitlines(), start=1) if "threshhold" in t)
    with pytest.raises(LexiconError, match=rf"links.yaml:{line}: missing keys \['threshold'\], unknown keys \['threshhold'\]"):
        load_link_lexicon.__wrapped__(bad)


def test_every_declared_lexicon_key_is_read_by_code():
    """The key lists the loader checks against name only keys some code reads (a dead key is no documentation)."""
    import re

    from extract import lexicon as L

    src = Path(L.__file__).read_text(encoding="utf-8")
    start, end = src.index("YAML_KEYS: dict"), src.index("INDICATOR_COLUMNS =")
    code = src[:start] + src[end:] + "".join(p.read_text(encoding="utf-8") for d in ("extract", "pipeline")
                                             for p in (ROOT / d).glob("*.py") if p.name != "lexicon.py")
    declared = set().union(*L.YAML_KEYS.values(), L.UNIT_KEYS, L.DOC_TYPE_KEYS)
    unread = sorted(k for k in declared if not re.search(rf"[\"']{re.escape(k)}[\"']", code))
    assert unread == []
