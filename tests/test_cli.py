"""The command line as users call it: help, query safety and formats, extract, validate."""
import json
import re
import subprocess
import sys

import duckdb
import pytest

from helpers import ROOT, cli, cli_env


@pytest.mark.parametrize("command", ["build", "query", "extract", "validate", "report", "status"])
def test_every_command_has_help_with_an_example(command):
    p = cli(command, "--help", check=True)
    assert "example" in p.stdout and "python -m pipeline " + command in p.stdout


def test_top_level_help_lists_every_command():
    out = cli("--help", check=True).stdout
    for c in ("build", "query", "extract", "validate", "report", "status"):
        assert c in out


@pytest.mark.parametrize("sql", ["DROP VIEW facts", "INSERT INTO facts SELECT * FROM facts",
                                 "SELECT 1; DROP VIEW facts", "CREATE TABLE x AS SELECT 1",
                                 "COPY facts TO '/tmp/x.csv'", "ATTACH 'x.db'"])
def test_query_refuses_writes_and_leaves_warehouse_unchanged(corpus_warehouse, sql):
    before = cli("query", "SELECT count(*) AS n FROM facts", "--warehouse", str(corpus_warehouse), "--format", "json",
                 check=True).stdout
    p = cli("query", sql, "--warehouse", str(corpus_warehouse))
    assert p.returncode != 0 and p.stderr.strip()
    after = cli("query", "SELECT count(*) AS n FROM facts", "--warehouse", str(corpus_warehouse), "--format", "json",
                check=True).stdout
    assert before == after


def test_query_formats(corpus_warehouse):
    sql = "SELECT indicator, period_year, target_value FROM plan_vs_actual WHERE jurisdiction='中国' " \
          "AND indicator='gdp_growth' AND period_year=2014 LIMIT 1"
    table = cli("query", sql, "--warehouse", str(corpus_warehouse), check=True).stdout
    assert "gdp_growth" in table and "(1 row)" in table
    csv_out = cli("query", sql, "--warehouse", str(corpus_warehouse), "--format", "csv", check=True).stdout
    assert csv_out.splitlines()[0] == "indicator,period_year,target_value"
    assert csv_out.splitlines()[1] == "gdp_growth,2014,7.5"
    rows = json.loads(cli("query", sql, "--warehouse", str(corpus_warehouse), "--format", "json", check=True).stdout)
    assert rows == [{"indicator": "gdp_growth", "period_year": 2014, "target_value": "7.5"}]


def test_query_without_warehouse_says_how_to_build(tmp_path):
    p = cli("query", "SELECT 1", "--warehouse", str(tmp_path / "none"))
    assert p.returncode != 0 and "pipeline build" in p.stderr


def test_extract_prints_json_lines_without_a_warehouse(tmp_path):
    f = ROOT / "data" / "raw" / "national" / "2014年国务院政府工作报告.txt"
    p = cli("extract", str(f), env={"PIPELINE_WAREHOUSE": str(tmp_path / "untouched")}, check=True)
    facts = [json.loads(line) for line in p.stdout.splitlines()]
    assert any(x["indicator"] == "gdp_growth" and x["kind"] == "target" and x["value"] == "7.5" for x in facts)
    assert not (tmp_path / "untouched").exists()


def test_extract_keeps_heavy_imports_off_its_path():
    code = ("import sys, runpy; sys.argv=['pipeline','extract','data/raw/national/2014年国务院政府工作报告.txt'];"
            "import pipeline.cli as c; import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()): c.main(sys.argv[1:])\n"
            "bad=[m for m in ('pandas','duckdb','great_expectations','pyarrow','dask') if m in sys.modules]\n"
            "print(','.join(bad))")
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=cli_env())
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == ""


def test_validate_passes_then_fails_on_a_bogus_fact(tmp_path, small_raw):
    wh = tmp_path / "wh"
    cli("build", "--raw", str(small_raw), "--warehouse", str(wh), "--quiet", check=True)
    ok = cli("validate", "--warehouse", str(wh))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # a bogus row in what the facts relation reads (the build's copy of its Parquet files, inside warehouse.duckdb)
    con = duckdb.connect(str(wh / "warehouse.duckdb"))
    con.execute("INSERT INTO stored.facts (fact_id, doc_id, unit, value, kind) VALUES ('bogus1', 'nope', '%', 250, 'bogus')")
    con.close()
    bad = cli("validate", "--warehouse", str(wh))
    assert bad.returncode != 0
    assert "FAIL facts" in bad.stdout and "kind" in bad.stdout


def test_report_writes_one_html_file(corpus_warehouse, tmp_path):
    out = tmp_path / "r.html"
    cli("report", "--warehouse", str(corpus_warehouse), "--out", str(out), check=True)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "gdp_growth" in html
    # everything inlined (tests/test_report.py opens it)
    assert not re.search(r"<script\b[^>]*\bsrc=", html, re.I) and not re.search(r"<link\b", html, re.I)
