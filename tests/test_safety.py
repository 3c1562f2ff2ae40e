"""Bad input gets a reason and costs no good data; our own bugs are loud; ordinary mistakes get one line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.build as B
from helpers import ROOT, cli_env, query
from pipeline.build import BuildError, build
from pipeline.warehouse import WarehouseError

REPORT = ROOT / "data" / "raw" / "national" / "2013年国务院政府工作报告.txt"


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
    assert query(wh, "SELECT source_path, reason FROM rejected_documents") == [
        ("link.txt", "a symbolic link out of the raw folder: not read")]
    assert query(wh, "SELECT source_path FROM documents") == [("inside.txt",)]
    assert query(wh, "SELECT source_path, duplicate_of FROM duplicates") == [("report.txt", "inside.txt")]


def test_one_broken_line_costs_only_that_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "reports.jsonl").write_text(
        '{"province": "甲省", "year": 2025, "text": "2025年,地区生产总值增长5%左右。"}\n'
        '{"province": "乙省", "year": 2025, "text": "broken\n'
        '{"province": "丙省", "year": 2025, "text": "2025年,地区生产总值增长6%左右。"}\n', encoding="utf-8")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert {j for (j,) in query(wh, "SELECT jurisdiction FROM documents")} == {"甲省", "丙省"}
    [(path, reason)] = query(wh, "SELECT source_path, reason FROM rejected_documents")
    assert path == "reports.jsonl" and reason.startswith("line 2: invalid JSON")
    # an incremental build keeps the row's rejection with the file's kept rows
    (raw / "other.txt").write_text("2025年,城镇新增就业60万人以上。", encoding="utf-8")
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT source_path FROM rejected_documents") == [("reports.jsonl",)]


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
    [(reason,)] = query(tmp_path / "lenient", "SELECT reason FROM rejected_documents WHERE source_path = 'bad.txt'")
    assert reason.startswith("internal error: KeyError")
    assert query(tmp_path / "lenient", "SELECT count(*) FROM facts WHERE source_path = 'good.txt'")[0][0] > 0


def test_nothing_usable_names_the_reasons(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "noise.bin").write_bytes(os.urandom(64))
    with pytest.raises(WarehouseError, match=r"empty.txt: empty file.*noise.bin: unsupported file type"):
        build(raw, tmp_path / "wh", progress=False)
    assert not any((tmp_path / "wh" / "builds").iterdir())  # no partial build folder left behind


def test_the_scan_counts_the_files_rejected_unread(tmp_path, small_raw, capsys):
    """A file of a type no reader takes (.pdf) is rejected at the scan: the scan's line counts it as the summary
    does."""
    (small_raw / "scan.pdf").write_bytes(b"%PDF-1.4")
    rep = build(small_raw, tmp_path / "wh", progress=False, workers=1)
    err = capsys.readouterr().err
    assert rep.files == 4 and "4 files" in err.split("scanning", 1)[1].split("\n", 1)[0], err
    assert "1 rejected unread" in err


def test_an_edit_to_ingest_code_re_extracts(tmp_path, small_raw, monkeypatch):
    wh = tmp_path / "wh"
    build(small_raw, wh, progress=False, strict=True)
    monkeypatch.setattr(B, "INGEST_DIGEST", B.INGEST_DIGEST + "-edited")
    rep = build(small_raw, wh, progress=False, strict=True)
    assert not rep.up_to_date and rep.extracted == 3


def _cli(*args: str, shell_tail: str = "") -> subprocess.CompletedProcess:
    """The finished ``python -m pipeline *args`` run through a shell, ``shell_tail`` (a pipe) after it."""
    cmd = " ".join([sys.executable, "-m", "pipeline", *[f"'{a}'" for a in args]]) + shell_tail
    return subprocess.run(cmd, shell=True, cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=120)


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
    want = query(tmp_path / "wh_alone", "SELECT fact_id, value FROM facts ORDER BY fact_id")
    raw = tmp_path / "raw"
    raw.mkdir()
    _encodings(raw)
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT fact_id, value FROM facts ORDER BY fact_id") == want
    assert query(wh, "SELECT count(*) FROM quarantine")[0][0] == 0
    assert query(wh, "SELECT source_path, duplicate_of FROM duplicates ORDER BY 1") == [
        ("b_bom.txt", "a_utf8.txt"), ("c_gb18030.txt", "a_utf8.txt"), ("d_utf16.txt", "a_utf8.txt")]
    # across incremental builds: a copy added later is a duplicate too, and when the kept copy goes,
    # a duplicate is read again and its facts come back
    shutil.copy(raw / "a_utf8.txt", raw / "e_again.txt")
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT count(*) FROM duplicates")[0][0] == 4
    assert query(wh, "SELECT fact_id, value FROM facts ORDER BY fact_id") == want
    (raw / "a_utf8.txt").unlink()
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT fact_id, value FROM facts ORDER BY fact_id") == want
    assert query(wh, "SELECT count(*) FROM facts GROUP BY fact_id HAVING count(*) > 1") == []


def test_the_ingest_digest_follows_the_ingest_code(tmp_path, monkeypatch):
    code = tmp_path / "pipeline"
    for name in B.INGEST_FILES:
        (code / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(B.__file__).parent / name, code / name)
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
    assert query(wh, "SELECT column_name FROM (DESCRIBE yoy) LIMIT 1") == [("edit",)]


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
    ("comparators.yaml", "result_value_before: [控制在]", "result_value_before: [控制]", "result_value_before",
     r"'控制' is no `before` word"),
    ("cues.yaml", "partial_year_marks: ['季度', '半年', '月', '黄金周', '期间', '假期', '长假', '双十一', '一度']",
     "partial_year_marks: ['季度', '半年', '黄金周', '期间', '假期', '长假', '双十一', '一度']", "'[上下]半年'",
     r"holds none of partial_year_marks"),
    ("doc_types.yaml", "  target_offset: 1\n  figures: actual\n", "  target_offset: 1\n  figures: actuals\n",
     "figures: actuals", r"figures must be actual or target, not 'actuals'"),
    ("units.yaml", '{surface: "吨", base: 吨}', '{surface: "吨", base: 吨, factor: 1000}', 'surface: "吨"',
     r"unit '吨': unknown key\(s\) factor"),
    ("units.yaml", "change_units: [百分点, 千分点]", "change_units: [百分比, 千分点]", "change_units", r"'百分比' is no base unit"),
    ("segments.yaml", "heading_max_chars: 60\n", "heading_max_chars: 60\nclause_ends: '[,]'\n", "clause_ends",
     r"unknown key 'clause_ends'"),
    ("grammar.yaml", "session_after: '", "session_after: '^", "session_after", r"is matched where a word ends"),
    ("tables.yaml", "  计划: target\n", "  计划: goal\n", "计划: goal", r"kind 'goal' is neither target nor actual"),
    ("tables.yaml", "caption_reach: 2\n", "", "# How a table", r"missing keys \['caption_reach'\]"),
    ("units.yaml", 'length: {公里: "1", 米: "0.001"}', 'length: {公里: "1", 米: "0.001", 斤: "2"}', "length:",
     r"'斤' is in two measures, mass and length"),
    ("units.yaml", 'power: {千瓦: "1",', 'power: {千瓦: 1,', "power:", r"1 is no positive decimal written as a string"),
], ids=["unknown_comparator_id", "dead_key_after_overrides_before", "result_value_word_not_a_before_word", "partial_year_cue_without_a_mark", "doc_type_figures_unknown", "dead_unit_key_factor", "no_base_unit",
        "unknown_segments_key", "anchor_in_a_pattern_matched_where_a_word_ends", "table_column_kind_unknown",
        "missing_tables_key", "unit_in_two_measures", "measure_factor_not_a_string"])
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


# ---------------------------------------------------------------- HTML page chrome

def _html_page(report: str) -> str:
    """The report as a government web page: navigation, breadcrumbs, a sidebar counter, sharing, a footer."""
    import html

    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in report.splitlines() if line.strip())
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>政府工作报告_门户网站</title>
<style>.x{{color:red}}</style><script>var count = 1200;</script></head><body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a>政务公开</a></li><li>信息公开目录</li></ul></div>
<div class="crumb">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; 政府工作报告</div>
<div class="side"><div>本站共有信息公开目录1200个</div><div>今日更新36条</div></div>
<div id="article">{paras}</div>
<div class="share">分享到：微信 微博</div>
<div class="bottom"><div>版权所有：某某人民政府办公厅 京ICP备05070218号</div><div>网站标识码bm01000001</div>
<div>主办单位：某某人民政府办公厅 电话：010-12345678 邮编：100017</div></div>
<footer>联系我们 电话：010-87654321</footer></body></html>"""


def test_html_page_chrome_gives_no_facts_and_costs_no_report_text():
    from collections import Counter

    from pipeline.process import FileTask, process_file

    report = REPORT.read_text(encoding="utf-8")

    def facts(name: str, data: bytes) -> Counter:
        r = process_file(FileTask(name, "sha", len(data), 0, {}, data))
        assert r.rejected is None and r.error is None
        return Counter((f["indicator_text"], f["value"], f["unit"], f["kind"], f["surface"]) for f in r.facts)

    from_text = facts("report.txt", report.encode("utf-8"))
    from_page = facts("report.html", _html_page(report).encode("utf-8"))
    assert from_text and from_page == from_text


# ---------------------------------------------------------------- a folder as users feed it

BIG5_TEXT = "臺北市2013年工作報告\n全年地區生產總值增長百分之五左右。新建公共住宅三千戶以上。\n"


def _zip_bomb(path: Path, inflated: int = 1 << 30) -> None:
    """A .docx whose document.xml inflates to ``inflated`` bytes, written streaming (about 5 MB on disk)."""
    import zipfile

    chunk = b"<w:t>" + b"a" * ((1 << 20) - 11) + b"</w:t>"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(inflated // len(chunk)):
                fh.write(chunk)


def _mixed_folder(base: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """The issue's folder: the raw folder, {file: rejection reason prefix}, {duplicate: the copy it duplicates}."""
    raw = base / "raw"
    (raw / "copies").mkdir(parents=True)
    text = REPORT.read_text(encoding="utf-8")
    good = REPORT.name
    stem = REPORT.stem
    (raw / good).write_text(text, encoding="utf-8")
    (raw / "copies" / f"{stem}_bom.txt").write_bytes(text.encode("utf-8-sig"))
    (raw / "copies" / f"{stem}_gb18030.txt").write_bytes(text.encode("gb18030"))
    (raw / "copies" / f"{stem}_utf16.txt").write_bytes(text.encode("utf-16"))
    (raw / "big5.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (raw / "big5_utf8_twin.txt").write_text(BIG5_TEXT, encoding="utf-8")
    (raw / f"{stem}.html").write_text(_html_page(text), encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b"  \n\t \r\n  ")
    (raw / "noise.txt").write_bytes(__import__("random").Random(7).randbytes(4096))
    (raw / "not_a_zip.docx").write_bytes(b"this is no zip archive at all")
    _zip_bomb(raw / "bomb.docx")
    (raw / "table.csv").write_text("province,year,value\n甲省,2025,5\n", encoding="utf-8")
    (raw / "rows.jsonl").write_text('{"province": "甲省", "year": 2025, "text": "2025年,城镇新增就业60万人以上。"}\n'
                                    '{"province": "乙省", "year": 2025, "text": "broken\n', encoding="utf-8")
    outside = base / "outside.txt"
    outside.write_text("机密:城镇新增就业900万人。", encoding="utf-8")
    os.symlink(outside, raw / "outside.txt")
    big = text.encode("utf-8")
    with open(raw / "huge.txt", "wb") as fh:
        for _ in range((40 << 20) // len(big) + 1):
            fh.write(big)
    rejected = {"empty.txt": "empty file", "blank.txt": "empty file", "noise.txt": "undecodable",
                "not_a_zip.docx": "not a readable .docx", "bomb.docx": "too large: the .docx inflates to 1024.0 MiB",
                "table.csv": "row 1: no text column", "rows.jsonl": "line 2: invalid JSON",
                "outside.txt": "a symbolic link out of the raw folder", "huge.txt": "too large for one document"}
    duplicates = {f"copies/{stem}_bom.txt": good, f"copies/{stem}_gb18030.txt": good,
                  f"copies/{stem}_utf16.txt": good, "big5_utf8_twin.txt": "big5.txt"}
    return raw, rejected, duplicates


@pytest.mark.slow
def test_a_mixed_folder_builds_with_every_reason_and_the_good_report_intact(tmp_path):
    import resource

    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(REPORT, alone / REPORT.name)
    build(alone, tmp_path / "wh_alone", progress=False, strict=True)
    facts_sql = f"SELECT * FROM facts WHERE source_path = '{REPORT.name}' ORDER BY fact_id"
    want = query(tmp_path / "wh_alone", facts_sql)
    assert want

    raw, rejected, duplicates = _mixed_folder(tmp_path)
    wh = tmp_path / "wh"
    p = _cli("build", "--raw", str(raw), "--warehouse", str(wh), "--strict", "--quiet")
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    assert p.returncode == 0, p.stderr
    assert peak_mib < 4096
    assert query(wh, facts_sql) == want
    got = dict(query(wh, "SELECT source_path, reason FROM rejected_documents"))
    assert set(got) == set(rejected)
    for path, reason in rejected.items():
        assert got[path].startswith(reason), (path, got[path])
    assert dict(query(wh, "SELECT source_path, duplicate_of FROM duplicates")) == duplicates
    assert query(wh, "SELECT count(*) FROM documents WHERE source_path = 'outside.txt' OR text LIKE '%机密%'") == [(0,)]
    assert query(wh, "SELECT jurisdiction FROM documents WHERE source_path = 'rows.jsonl'") == [("甲省",)]
    assert query(wh, "SELECT fact_id FROM facts GROUP BY fact_id HAVING count(*) > 1") == []
    assert query(wh, "SELECT count(*) FROM facts WHERE source_path LIKE '%.html' AND surface LIKE '%1200个%'") == [(0,)]


# ---------------------------------------------------------------- one shape for a fact

def test_a_facts_columns_agree_from_extraction_to_the_view_and_the_suite(tmp_path):
    """The Fact class plus what process adds, FACT_SCHEMA, the staging view and the GX suite name the same columns."""
    import dataclasses
    import json

    import duckdb
    import pyarrow.parquet as pq

    from extract import Fact
    from pipeline.process import FileTask, process_file
    from pipeline.warehouse import FACT_SCHEMA, SQL_DIR

    data = REPORT.read_bytes()
    [row, *_] = process_file(FileTask("r.txt", "sha", len(data), 0, {}, data)).facts
    assert list(row) == [f.name for f in dataclasses.fields(Fact)] + [
        "doc_id", "jurisdiction", "report_year", "source_path", "extractor_version"]
    assert set(row) == set(FACT_SCHEMA.names)
    (tmp_path / "facts" / "y").mkdir(parents=True)
    pq.write_table(FACT_SCHEMA.empty_table(), tmp_path / "facts" / "y" / "part.parquet")
    con = duckdb.connect()
    con.execute((SQL_DIR / "10_staging" / "facts.sql").read_text(encoding="utf-8").replace("{root}", tmp_path.as_posix()))
    assert [c for c, *_ in con.execute("DESCRIBE facts").fetchall()] == FACT_SCHEMA.names
    suite = json.loads((ROOT / "expectations" / "facts.json").read_text(encoding="utf-8"))
    named = {v for e in suite["expectations"] for k, v in e.get("kwargs", {}).items()
             if k in ("column", "column_A", "column_B")}
    assert named - {"span_ok"} <= set(FACT_SCHEMA.names)  # span_ok: computed by the validation from the spans


@pytest.mark.parametrize("edit", [lambda r: r.update(new_column=1), lambda r: r.pop("rule_id")],
                         ids=["unknown_column", "missing_column"])
def test_a_fact_row_with_other_columns_fails_the_write_loudly(edit):
    from pipeline.process import FileTask, SchemaMismatch, process_file
    from pipeline.tables import columns_table
    from pipeline.warehouse import FACT_SCHEMA

    data = REPORT.read_bytes()
    [row, *_] = process_file(FileTask("r.txt", "sha", len(data), 0, {}, data)).facts
    B._table([row], FACT_SCHEMA)
    columns_table({k: [v] for k, v in row.items()}, FACT_SCHEMA)  # as a worker sends its rows
    edit(row)
    with pytest.raises(SchemaMismatch, match="new_column|rule_id"):
        B._table([row], FACT_SCHEMA)
    with pytest.raises(SchemaMismatch, match="new_column|rule_id"):
        columns_table({k: [v] for k, v in row.items()}, FACT_SCHEMA)


def test_duckdbs_memory_during_a_build_grows_with_its_threads():
    """Each of DuckDB's threads needs its share of the buffer pool while a build copies the relations in (two
    threads in 128MB failed a build: "failed to pin block"); a machine with many cores must not fail where
    two cores pass."""
    from pipeline.warehouse import DUCKDB_BUILD_MEMORY_MIN_MB, build_memory_mb

    assert build_memory_mb(1) == build_memory_mb(2) == DUCKDB_BUILD_MEMORY_MIN_MB
    assert build_memory_mb(16) == 8 * build_memory_mb(2)


def test_a_ratio_over_twice_its_base_is_data_and_a_thousandfold_one_is_quarantined():
    """Debt ratios run at 120–300% (综合债务率为243.6%) and a completion rate can pass 200%: they are facts, not
    misreadings; a percentage over 1000 is no ratio a report states, and validation stops it."""
    from pipeline.process import FileTask, process_file
    from pipeline.validate import validate_fact_batch
    from pipeline.warehouse import FACT_SCHEMA

    text = "2024年,全市综合债务率为243.6%,比上年下降6.1个百分点。全市专利授权量增长50000%。"
    data = text.encode("utf-8")
    res = process_file(FileTask("2025年某市政府工作报告.txt", "sha", len(data), 0, {}, data))
    facts = B._table(res.facts, FACT_SCHEMA)
    texts = {r["doc_id"]: text for r in res.facts}
    kept, failed = validate_fact_batch(facts, texts)
    assert [(r["surface"], r["unit"]) for r in kept.to_pylist()] == [("243.6%", "%"), ("6.1个百分点", "百分点")]
    assert [(r["surface"], r["expectation"]) for r in failed.to_pylist()] == [
        ("50000%", "expect_column_values_to_be_between(value)")]


def test_the_words_an_indicator_leaves_out_are_the_key_lexicons():
    """grammar.yaml indicator_aim_words are keys.yaml hedge words and indicator_reach_words its linking words: the
    display of a free-text indicator leaves out words the key leaves out, declared there once."""
    import yaml
    from extract.lexicon import LEXICON_DIR, load_lexicon

    keys = yaml.safe_load((LEXICON_DIR / "keys.yaml").read_text(encoding="utf-8"))
    grammar = load_lexicon().grammar
    assert set(grammar["indicator_aim_words"]) <= set(keys["hedge"])
    assert set(grammar["indicator_reach_words"]) <= set(keys["linking"])


def test_shared_words_are_written_into_every_files_patterns():
    """{last_year} (cues.yaml last_year_words, declared once) stands written out wherever a pattern names it: in
    cues, grammar, keys (a rewrite's key too) and units; no place is left unwritten."""
    from extract.keys import load_key_lexicon
    from extract.lexicon import SHARED_WORDS, _yaml, load_lexicon

    lex = load_lexicon()
    words = lex.cues["last_year_words"]
    assert all(w in lex.grammar["year_before_words"] for w in words)
    assert load_key_lexicon().rewrite.search("游客比上一年增长") is not None
    for name in ("cues.yaml", "grammar.yaml", "keys.yaml", "units.yaml", "numerals.yaml", "tables.yaml"):
        assert not any(place in repr(_yaml(name)) for place in SHARED_WORDS), name


def test_the_year_befores_words_are_listed_from_one_declaration():
    """Every list that spells the year before's words out (comparison_cues: literal words) holds 比 and 较 before each
    of cues.yaml last_year_words; no pattern spells out 上年|去年 as an alternation of its own but a lookbehind's."""
    import re as _re

    from extract.lexicon import LEXICON_DIR, load_lexicon

    cues = load_lexicon().cues
    for word in cues["last_year_words"]:
        assert {"比" + word, "较" + word} <= set(cues["comparison_cues"]), word
    for path in LEXICON_DIR.glob("*.yaml"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _re.search(r"上年\|去年|去年\|上年", line):
                assert "(?<=上年|去年" in line, f"{path.name}:{n}"
