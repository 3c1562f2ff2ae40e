"""The HTML report as a reader gets it: one file, opened offline in headless Chromium.

The rendered DOM is checked against the warehouse (never against numbers written here), and
Chromium's own network log must show no http(s) request made by the page.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from bs4 import BeautifulSoup

from helpers import query
from pipeline import warehouse as W
from pipeline.report import load_report_data, render, write_report
from pipeline.report_format import fmt_gap, fmt_target, fmt_value, gap, scale_for

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
if CHROMIUM is None and os.environ.get("REPORT_REQUIRE_CHROMIUM"):
    raise RuntimeError("REPORT_REQUIRE_CHROMIUM is set (as .ci/run sets it) but no chromium is installed")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (.ci/run installs it: "
                                                             "apt-get install chromium fonts-noto-cjk)")


def open_offline(page: Path, tmp: Path) -> tuple[BeautifulSoup, list[str]]:
    """The DOM after the page's scripts ran, and the http(s) URLs the page itself asked for (Chromium's
    own background requests, initiated by no origin, are left out). Names resolve nowhere."""
    log = tmp / f"{page.stem}.netlog.json"
    p = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--host-resolver-rules=MAP * ~NOTFOUND", f"--log-net-log={log}", "--virtual-time-budget=15000",
         "--dump-dom", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    net = json.loads(log.read_text())
    start = net["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    asked = [e["params"]["url"] for e in net["events"]
             if e["type"] == start and e.get("params", {}).get("url", "").startswith(("http:", "https:"))
             and e["params"].get("initiator") != "not an origin"]
    return BeautifulSoup(p.stdout, "lxml"), asked


@pytest.fixture(scope="module")
def corpus_report(corpus_warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "plan_vs_actual.html"
    write_report(corpus_warehouse, out)
    return out


@pytest.fixture(scope="module")
def corpus_dom(corpus_report, tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (.ci/run installs it: apt-get install chromium fonts-noto-cjk)")
    return open_offline(corpus_report, tmp_path_factory.mktemp("chromium"))


def _pva(wh: Path, where: str) -> list[dict]:
    con = W.connect_readonly(wh)
    try:
        cur = con.execute(f"""
            SELECT p.*, a.report_year AS actual_report_year FROM plan_vs_actual p
            LEFT JOIN facts a ON a.fact_id = p.actual_fact_id WHERE {where}""")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()


_INDEX: dict[int, dict] = {}


def _row_of(dom: BeautifulSoup, r: dict):
    """The report's row of one plan_vs_actual row: its jurisdiction, year, indicator and target."""
    index = _INDEX.get(id(dom))
    if index is None:
        index = _INDEX[id(dom)] = {}
        for tb in dom.select("tbody.r"):
            cells = [c.get_text(" ", strip=True) for c in tb.select_one("tr.m").find_all("td", recursive=False)]
            key = (tb["data-j"], tb["data-y"], tb["data-ind"], cells[2])
            index.setdefault(key, (tb, cells))
    want = fmt_target(r["target_value"], r["target_value_high"], r["target_comparator"], r["unit"])
    hit = index.get((r["jurisdiction"], str(r["period_year"]), r["indicator"], want))
    assert hit, f"no row for {r['jurisdiction']} {r['indicator']} {r['period_year']} {want}"
    return hit


def test_report_is_one_file_with_nothing_to_fetch(corpus_report):
    text = corpus_report.read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "lxml")
    assert text.startswith("<!doctype html>")
    assert not soup.select("script[src], link[href], img[src], iframe, object, embed")
    assert corpus_report.stat().st_size < 6_000_000  # a few MB for the shipped corpus


@needs_chromium
def test_the_page_requests_nothing_over_the_network(corpus_dom):
    dom, asked = corpus_dom
    assert asked == []
    assert dom.select_one("#overview") and dom.select("section.jur")


@needs_chromium
def test_the_network_check_sees_a_request_when_there_is_one(tmp_path):
    """The check above can fail: a page with one remote image is caught."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!doctype html><p>x</p><img src="http://example.invalid/probe.png">', encoding="utf-8")
    _, asked = open_offline(leaky, tmp_path)
    assert asked == ["http://example.invalid/probe.png"]


@needs_chromium
def test_charts_are_drawn_offline(corpus_dom):
    dom, _ = corpus_dom
    # every chart on the page was drawn by the inlined Vega (an svg inside each slot), none failed
    slots = dom.select("div.vega[data-spec], figure.series .vega-slot")
    assert slots and all(s.select_one("svg") for s in slots)
    assert "chart failed" not in dom.get_text()
    gdp = [f for f in dom.select('section.jur[data-j="中国"] figure.series') if "|gdp_growth|" in f["data-series"]]
    assert len(gdp) == 1 and gdp[0].select_one("svg")


@needs_chromium
def test_national_gdp_targets_against_results_2005_to_2014(corpus_warehouse, corpus_dom):
    dom, _ = corpus_dom
    rows = _pva(corpus_warehouse, "p.jurisdiction = '中国' AND p.indicator = 'gdp_growth' "
                                  "AND p.period_year BETWEEN 2005 AND 2014")
    assert {r["period_year"] for r in rows} == set(range(2005, 2015))
    assert sum(r["actual_value"] is not None for r in rows) >= len(rows) - 2  # the 2008 report gives no 2007 figure
    for r in rows:
        tb, cells = _row_of(dom, r)
        assert cells[3] == fmt_value(r["actual_value"], r["unit"])  # empty while pending
        assert cells[4] == fmt_gap(gap(r["target_value"], r["target_value_high"], r["target_comparator"],
                                       r["actual_value"]), r["unit"])
        assert cells[6] == r["status"] and "st-" + r["status"] in tb["class"]
        # the evidence: both sentences, each with its number marked
        marks = [m.get_text() for m in tb.select("tr.ev mark")]
        assert len(marks) == (2 if r["actual_value"] is not None else 1) and all(marks)


@needs_chromium
def test_each_province_2025_targets_shown_against_2026_results(corpus_warehouse, corpus_dom):
    dom, _ = corpus_dom
    provinces = [j for (j,) in query(corpus_warehouse, "SELECT DISTINCT jurisdiction FROM documents WHERE "
                                                       "admin_level = 'province' ORDER BY 1")]
    assert len(provinces) >= 10
    for j in provinces:
        rows = _pva(corpus_warehouse, f"p.jurisdiction = '{j}' AND p.period_year = 2025 AND a.report_year = 2026")
        assert rows, f"{j}: no 2025 target has a 2026-reported result"
        for r in rows:
            tb, cells = _row_of(dom, r)
            assert cells[3] == fmt_value(r["actual_value"], r["unit"]) and cells[6] == r["status"]
            assert "2026" in cells[9]  # the result's document, by its report year
            assert tb.select_one("tr.ev .ev-a mark")
        # and the attainment chart of 2025 was drawn
        assert any("2025" in (d.get("data-spec") or "") and d.select_one("svg")
                   for d in dom.select(f'section.jur[data-j="{j}"] div.vega'))


@needs_chromium
def test_free_text_rows_show_their_link_and_the_page_has_its_controls(corpus_warehouse, corpus_dom):
    dom, _ = corpus_dom
    free = _pva(corpus_warehouse, "p.link_rule IS NOT NULL AND p.link_rule <> 'canonical' LIMIT 5")
    assert free
    for r in free:
        _, cells = _row_of(dom, r)
        assert cells[7].startswith(f"{r['link_score']:.2f}") and r["link_rule"] in cells[7]
    for control in ("#f-jur", "#f-year", "#f-status", "#f-ind", "#f-q"):
        assert dom.select_one(control) is not None
    n = len(_pva(corpus_warehouse, "true"))
    assert dom.select_one("#f-count").get_text() == f"{n} of {n} targets shown"
    assert len(dom.select("tbody.r")) == n


def _views_con(wh: Path, extra: str = ""):
    con = duckdb.connect()
    W.create_views(con, W.current_build(wh))
    if extra:
        con.execute(extra)
    return con


def test_warnings_are_shown_only_where_the_warehouse_has_them(small_warehouse):
    con = _views_con(small_warehouse, "DROP VIEW IF EXISTS warnings")  # as a warehouse built before warnings
    data = load_report_data(con)
    assert data["warnings"] is None
    assert "metadata warning" not in render(data, "now", "")
    con = _views_con(small_warehouse, "CREATE OR REPLACE VIEW warnings AS SELECT 'national/x.txt' AS source_path, 'd1' AS doc_id, "
                                      "'report_year' AS field, 'no year in the file name or title' AS message")
    data = load_report_data(con)
    page = render(data, "now", "")
    assert "1 metadata warning" in page and "no year in the file name or title" in page


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory):
    """Two national reports: a target year and its result."""
    from pipeline.build import build

    root = Path(__file__).resolve().parent.parent / "data" / "raw"
    raw = tmp_path_factory.mktemp("raw2")
    (raw / "national").mkdir()
    for n in ("2013年国务院政府工作报告.txt", "2014年国务院政府工作报告.txt"):
        shutil.copy(root / "national" / n, raw / "national" / n)
    wh = tmp_path_factory.mktemp("wh2") / "warehouse"
    build(raw, wh, progress=False, strict=True)
    return wh


@pytest.mark.parametrize("value,unit,text", [
    ("12000000", "人", "1200万人"), ("5.2", "%", "5.2%"), ("0.5", "百分点", "0.5个百分点"),
    ("3500000000000", "元", "3.5万亿元"), ("135000000000", "元", "1350亿元"), ("1213", "个", "1213个"),
    ("-0.5", "%", "-0.5%"), ("7227", "家", "7227家"),
])
def test_values_read_in_their_units(value, unit, text):
    assert fmt_value(Decimal(value), unit) == text


def test_targets_gaps_and_scales():
    assert fmt_target(Decimal(3000), None, "ge", "家") == "≥3000家"
    assert fmt_target(Decimal(5), Decimal("5.5"), "range", "%") == "5–5.5%"
    assert fmt_gap(gap(Decimal(5), None, "approx", Decimal("5.2")), "%") == "+0.2个百分点"
    assert fmt_gap(gap(Decimal(60000), None, "ge", Decimal(26000)), "户") == "-3.4万户"
    assert gap(Decimal(5), Decimal(6), "range", Decimal("5.5")) == 0
    assert scale_for([Decimal(9000000), Decimal(12000000)], "人") == (Decimal("1e4"), "万")


@needs_chromium
def test_filters_sort_and_expand_work_in_the_browser(small_warehouse, tmp_path):
    """The page's script as a reader drives it: a status filter, a click on a column head, a row opened."""
    page = tmp_path / "small.html"
    write_report(small_warehouse, page)
    text = page.read_text(encoding="utf-8")
    drive = """<script>(function () {
      var fs = document.getElementById("f-status"); fs.value = "met"; fs.dispatchEvent(new Event("change"));
      var th = [...document.querySelectorAll("table.pva th")].find(h => h.textContent === "target");
      th.click(); th.click();                                  // descending
      document.querySelector("tbody.r:not(.hidden) tr.m").click();
    })();</script>"""
    i = text.rindex("</body>")
    page.write_text(text[:i] + drive + text[i:], encoding="utf-8")
    dom, asked = open_offline(page, tmp_path)
    assert asked == []
    shown = [tb for tb in dom.select("tbody.r") if "hidden" not in tb.get("class", [])]
    assert shown and all(tb["data-s"] == "met" for tb in shown)
    assert dom.select_one("#f-count").get_text().startswith(f"{len(shown)} of ")
    table = dom.select_one("table.pva")
    values = [float(tb.select("tr.m > td")[2]["data-v"]) for tb in table.select("tbody.r")
              if "hidden" not in tb.get("class", []) and tb.select("tr.m > td")[2].get("data-v")]
    assert values == sorted(values, reverse=True) and len(values) > 1
    opened = dom.select("tbody.r.open")
    assert len(opened) == 1 and not opened[0].select_one("tr.ev").has_attr("hidden")
    assert opened[0].select_one("tr.ev .ev-chart svg")  # that indicator's chart, drawn on opening


def test_the_number_is_marked_where_the_fact_stands_in_its_sentence():
    from pipeline.report import _mark_offsets

    text = "前言。增长5%，其中出口增长5%。后记"
    sentence = "增长5%，其中出口增长5%。"
    second = text.rindex("5%")
    assert _mark_offsets(text, sentence, "5%", second, second + 2) == [11, 13]  # the second 5%, not the first
    assert _mark_offsets(None, sentence, "5%", None, None) == [2, 4]            # no text: the first occurrence
    assert _mark_offsets(text, sentence, "7%", 0, 2) is None                    # neither span nor surface fits
