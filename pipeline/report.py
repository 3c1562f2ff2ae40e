"""The plan-versus-actual report: one self-contained HTML file that opens offline.

Charts are Vega-Lite specs built with Altair and drawn by the Vega JavaScript that
``vl-convert-python`` ships (inlined once); the page's own script (filters, sorting,
search, evidence on expand) and style are inlined too, so nothing is fetched at view time.
Rows are rendered into the HTML itself: without JavaScript the page still reads, in full.
"""
from __future__ import annotations

import html
import json
import time
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

from .report_format import (COMPARATOR_WORDS, fmt_attainment, fmt_gap, fmt_target, fmt_value, gap,
                            scale_for, unit_label)
from .warehouse import built_at, connect_readonly, current_build

ASSETS = Path(__file__).with_name("report_assets")
STATUSES = ("met", "near", "missed", "pending")
STATUS_COLOURS = ("#2e7d32", "#e0a100", "#c62828", "#9e9e9e")
# Chinese wherever a CJK font exists (Noto/Source Han on Linux, PingFang on macOS, YaHei on Windows)
FONT_STACK = ('system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", '
              '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", '
              'sans-serif')
LEVEL_ORDER = {"national": 0, "province": 1, "city": 2, "county": 3, "township": 4}
TOP_N = 10

_ROWS_SQL = """
SELECT p.jurisdiction, p.indicator, p.period_year, p.unit, p.target_comparator, p.target_value,
       p.target_value_high, p.actual_value, p.actual_comparator, p.attainment, p.status, p.link_score,
       p.link_rule, p.direction, p.target_fact_id, p.actual_fact_id,
       p.indicator IN (SELECT indicator FROM indicators) AS canonical,
       t.indicator_text AS t_words, t.surface AS t_surface, t.sentence AS t_sentence, t.span_start AS t_start,
       t.span_end AS t_end, t.doc_id AS t_doc, t.report_year AS t_year, t.section AS t_section,
       a.indicator_text AS a_words, a.surface AS a_surface, a.sentence AS a_sentence, a.span_start AS a_start,
       a.span_end AS a_end, a.doc_id AS a_doc, a.report_year AS a_year, a.section AS a_section
FROM plan_vs_actual p
JOIN facts t ON t.fact_id = p.target_fact_id
LEFT JOIN facts a ON a.fact_id = p.actual_fact_id
ORDER BY p.jurisdiction, p.period_year NULLS LAST, canonical DESC, t.doc_id, t.span_start
"""


def _q(con, sql: str, *params) -> list[dict]:
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _has_relation(con, name: str) -> bool:
    """Whether the warehouse has this view or table (``warnings`` exists only in newer builds)."""
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                       "AND table_schema = current_schema()", [name]).fetchone()[0] > 0


def load_report_data(con) -> dict:
    """Everything the page shows, read once from the warehouse's views."""
    rows = _q(con, _ROWS_SQL)
    docs = {d["doc_id"]: d for d in _q(con, "SELECT doc_id, source_path, part, title, jurisdiction, admin_level, "
                                            "report_year, doc_type, flags FROM documents")}
    _mark_numbers(con, rows)
    data = {
        "rows": rows,
        "docs": docs,
        "facts_by_kind": dict(con.execute("SELECT kind, count(*) FROM facts GROUP BY 1 ORDER BY 1").fetchall()),
        "rejected": _q(con, "SELECT source_path, reason FROM rejected_documents ORDER BY 1"),
        "duplicates": _q(con, "SELECT source_path, duplicate_of FROM duplicates ORDER BY 1"),
        "versions": (_q(con, "SELECT source_path, superseded_by_path, reason FROM document_versions ORDER BY 1")
                     if _has_relation(con, "document_versions") else []),
        "quarantine": _q(con, "SELECT expectation, count(*) AS n FROM quarantine GROUP BY 1 ORDER BY 2 DESC, 1"),
        "corrupt_facts": con.execute("SELECT count(*) FROM facts WHERE list_contains(flags, 'corrupt_text')")
        .fetchone()[0],
        "warnings": (_q(con, "SELECT source_path, doc_id, field, message FROM warnings ORDER BY 1, 3")
                     if _has_relation(con, "warnings") else None),
        "levels": {j: lvl for j, lvl in con.execute(
            "SELECT jurisdiction, min(admin_level) FROM documents WHERE jurisdiction IS NOT NULL GROUP BY 1")
            .fetchall()},
    }
    return data


def _mark_numbers(con, rows: list[dict]) -> None:
    """Each row's ``t_mark``/``a_mark``: where its numbers stand in their sentences. Document texts are
    streamed a few at a time (a join would copy a whole text into every row)."""
    by_doc: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for r in rows:
        r["t_mark"] = r["a_mark"] = None
        for side in ("t", "a"):
            if r[f"{side}_doc"] is not None:
                by_doc[r[f"{side}_doc"]].append((r, side))
    cur = con.execute("SELECT doc_id, text FROM documents")
    while batch := cur.fetchmany(16):
        for doc_id, text in batch:
            for r, side in by_doc.get(doc_id, ()):
                r[f"{side}_mark"] = _mark_offsets(text, r[f"{side}_sentence"], r[f"{side}_surface"],
                                                  r[f"{side}_start"], r[f"{side}_end"])
    for r in rows:
        for side in ("t", "a"):
            if r[f"{side}_mark"] is None:
                r[f"{side}_mark"] = _mark_offsets(None, r[f"{side}_sentence"], r[f"{side}_surface"], None, None)


def _mark_offsets(text: str | None, sentence: str | None, surface: str | None, start, end) -> list[int] | None:
    """Where the number stands in its sentence: the sentence is found in the document just before the
    fact's span, so a number written twice in one sentence is marked where the fact is."""
    if not sentence or not surface:
        return None
    if text is not None and start is not None:
        s0 = text.rfind(sentence, max(0, end - len(sentence)) if end is not None else 0, start + len(sentence))
        if s0 >= 0 and s0 <= start and s0 + len(sentence) >= end:
            return [start - s0, end - s0]
    i = sentence.find(surface)
    return [i, i + len(surface)] if i >= 0 else None


# ---------------------------------------------------------------- charts (Altair → Vega-Lite specs)

def _series_template() -> dict:
    """Target and result of one indicator over the years: the target a hollow marker whose shape says its
    comparator (and a band for a range), the result a line with points coloured by status. Data comes
    by name (``series``) so one spec serves every indicator."""
    import altair as alt

    src = alt.Chart(alt.NamedData("series"))
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=-45, labelOverlap=True))
    tip = [alt.Tooltip("year:O", title="year"), alt.Tooltip("target_text:N", title="target"),
           alt.Tooltip("actual_text:N", title="result"), alt.Tooltip("status:N", title="status")]
    band = src.mark_bar(opacity=0.25, color="#607d8b", size=18).encode(
        x=x, y=alt.Y("target:Q", title=None), y2="target_high:Q", tooltip=tip
    ).transform_filter("datum.target_high != null")
    shapes = list(COMPARATOR_WORDS.values())
    target = src.mark_point(size=140, filled=False, strokeWidth=2, color="#455a64").encode(
        x=x, y=alt.Y("target:Q", title=None, scale=alt.Scale(zero=False, padding=12)),
        shape=alt.Shape("comparator:N", title="target", legend=None, scale=alt.Scale(
            domain=shapes, range=["triangle-up", "triangle-up", "triangle-down", "triangle-down", "diamond",
                                  "square", "stroke"])),
        tooltip=tip)
    line = src.mark_line(color="#37474f", strokeWidth=1.5).encode(x=x, y="actual:Q").transform_filter(
        "datum.actual != null")
    points = src.mark_point(size=70, filled=True, opacity=1).encode(
        x=x, y="actual:Q",
        color=alt.Color("status:N", legend=None, scale=alt.Scale(domain=list(STATUSES), range=list(STATUS_COLOURS))),
        tooltip=tip).transform_filter("datum.actual != null")
    # this order is read by report.js, which leaves out the band or the results where a series has none
    chart = alt.layer(band, target, line, points).resolve_scale(shape="independent", color="independent")
    return chart.properties(width=340, height=160).configure(font=FONT_STACK).to_dict()


def _status_chart(counts: list[dict]) -> dict:
    import altair as alt

    return alt.Chart(alt.Data(values=counts)).mark_bar().encode(
        y=alt.Y("jurisdiction:N", title=None, sort=[c["jurisdiction"] for c in counts]),
        x=alt.X("n:Q", title="targets", stack="zero"),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=list(STATUSES), range=list(STATUS_COLOURS)),
                        legend=alt.Legend(orient="top")),
        order=alt.Order("order:Q"),
        tooltip=["jurisdiction:N", "status:N", "n:Q"],
    ).properties(width=520, height=alt.Step(16)).configure(font=FONT_STACK).to_dict()


def _attainment_chart(points: list[dict], title: str) -> dict:
    """Each linked target of one year as its attainment (result ÷ target, %), 100% marked: met, near
    and missed at a glance, whatever the units."""
    import altair as alt

    base = alt.Chart(alt.Data(values=points))
    dots = base.mark_circle(size=70, opacity=0.9).encode(
        x=alt.X("pct:Q", title="result as % of target (log scale: half and double equally far from 100)",
                scale=alt.Scale(type="log"), axis=alt.Axis(values=[1, 5, 10, 25, 50, 75, 100, 150, 200, 400, 1000])),
        y=alt.Y("label:N", title=None, sort=alt.EncodingSortField("pct", order="ascending"),
                axis=alt.Axis(labelLimit=230)),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=list(STATUSES[:3]),
                                                                 range=list(STATUS_COLOURS[:3])),
                        legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("label:N", title="indicator"), alt.Tooltip("target_text:N", title="target"),
                 alt.Tooltip("actual_text:N", title="result"), alt.Tooltip("pct:Q", title="% of target",
                                                                             format=".0f")])
    rule = alt.Chart(alt.Data(values=[{"x": 100}])).mark_rule(color="#888", strokeDash=[4, 3]).encode(x="x:Q")
    return alt.layer(rule, dots).properties(title=title, width=360, height=alt.Step(15)).configure(
        font=FONT_STACK).to_dict()


def _vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script, of the Vega-Lite version Altair writes its specs for."""
    import altair as alt
    import vl_convert as vlc

    return vlc.javascript_bundle(vl_version=".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]))


# ---------------------------------------------------------------- page

def _e(v) -> str:
    return "" if v is None else html.escape(str(v))


def _json_script(obj, id_: str) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_json_default)
    safe = text.replace("</", "<\\/")
    return f'<script type="application/json" id="{id_}">{safe}</script>'


def _json_default(v):
    if isinstance(v, Decimal):
        return float(v)
    raise TypeError(type(v))


def _marked(sentence: str | None, mark: list[int] | None) -> str:
    if not sentence:
        return ""
    if not mark:
        return _e(sentence)
    a, b = mark
    return f"{_e(sentence[:a])}<mark>{_e(sentence[a:b])}</mark>{_e(sentence[b:])}"


def _doc_label(doc: dict | None) -> str:
    if not doc:
        return ""
    title, year = doc["title"] or doc["source_path"], doc["report_year"]
    return title if year is not None and str(year) in title else f"{year or '?'} · {title}"


def render(data: dict, built: str, vega_js: str) -> str:
    rows, docs = data["rows"], data["docs"]
    by_j: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_j[r["jurisdiction"] or "(no jurisdiction)"].append(r)
    jurs = sorted(by_j, key=lambda j: (LEVEL_ORDER.get(data["levels"].get(j), 9), j))
    ids = {j: f"j{i}" for i, j in enumerate(jurs)}

    # one series per (jurisdiction, indicator, unit): what a row's chart and a section's charts draw
    series: dict[str, list[dict]] = defaultdict(list)
    series_meta: dict[str, dict] = {}
    for r in rows:
        key = f"{ids[r['jurisdiction'] or '(no jurisdiction)']}|{r['indicator']}|{r['unit']}"
        r["series"] = key
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["period_year"] is not None:
            groups[r["series"]].append(r)
    for key, rs in groups.items():
        scale = scale_for([v for r in rs for v in (r["target_value"], r["target_value_high"], r["actual_value"])],
                          rs[0]["unit"])
        for r in sorted(rs, key=lambda r: r["period_year"]):
            series[key].append({
                "year": r["period_year"], "target": _num(r["target_value"], scale),
                "target_high": _num(r["target_value_high"], scale) if r["target_comparator"] == "range" else None,
                "comparator": COMPARATOR_WORDS.get(r["target_comparator"], r["target_comparator"]),
                "actual": _num(r["actual_value"], scale), "status": r["status"],
                "target_text": fmt_target(r["target_value"], r["target_value_high"], r["target_comparator"], r["unit"]),
                "actual_text": fmt_value(r["actual_value"], r["unit"])})
        words = rs[0]["indicator"] if rs[0]["canonical"] else (rs[0]["t_words"] or rs[0]["indicator"])
        series_meta[key] = {"title": f"{words} ({unit_label(rs[0]['unit'], scale[1])})"}

    parts = [_overview(data, jurs, ids, built), _nav(jurs, ids, by_j)]
    for j in jurs:
        parts.append(_section(j, ids[j], by_j[j], docs, series, series_meta, data["levels"].get(j)))
    css = (ASSETS / "report.css").read_text(encoding="utf-8").replace("/*FONT_STACK*/", FONT_STACK)
    js = (ASSETS / "report.js").read_text(encoding="utf-8")
    vega_safe = vega_js.replace("</script", "<\\/script")
    n = len(rows)
    return (
        "<!doctype html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>Plan versus actual · {n} targets</title><style>{css}</style></head><body>"
        + _controls(jurs, rows)
        + "<main>" + "".join(parts) + "</main>"
        + _json_script({"series": series, "meta": series_meta, "template": _series_template()}, "series-data")
        + f"<script>{vega_safe}</script><script>{js}</script></body></html>")


def _num(v, scale) -> float | None:
    return None if v is None else float(Decimal(v) / scale[0])


def _controls(jurs: list[str], rows: list[dict]) -> str:
    years = sorted({r["period_year"] for r in rows if r["period_year"] is not None})
    opt = lambda v, label=None: f'<option value="{_e(v)}">{_e(label or v)}</option>'  # noqa: E731
    indicators = sorted({r["indicator"] for r in rows if r["canonical"]})
    return (
        '<header id="controls"><span class="brand">Plan versus actual</span>'
        '<label>Jurisdiction <select id="f-jur">' + opt("", "all") + "".join(opt(j) for j in jurs) + "</select></label>"
        '<label>Year <select id="f-year">' + opt("", "all") + "".join(opt(y) for y in years)
        + opt("none", "no year") + "</select></label>"
        '<label>Status <select id="f-status">' + opt("", "all") + "".join(opt(s) for s in STATUSES) + "</select></label>"
        '<label>Indicator <input id="f-ind" list="ind-list" placeholder="gdp_growth, 就业 …" size="14"></label>'
        '<datalist id="ind-list">' + "".join(opt(i) for i in indicators) + "</datalist>"
        '<label>Search <input id="f-q" type="search" placeholder="any words of the sentences" size="18"></label>'
        '<span id="f-count"></span></header>')


def _overview(data: dict, jurs: list[str], ids: dict, built: str) -> str:
    rows, docs = data["rows"], data["docs"]
    n_docs = len(docs)
    years = sorted({d["report_year"] for d in docs.values() if d["report_year"] is not None})
    by_level = Counter(d["admin_level"] or "unknown" for d in docs.values())
    status = Counter(r["status"] for r in rows)
    kinds = data["facts_by_kind"]
    cov = (
        '<div class="cards">'
        + _card(n_docs, "documents", ", ".join(f"{n} {lvl}" for lvl, n in sorted(
            by_level.items(), key=lambda x: LEVEL_ORDER.get(x[0], 9))))
        + _card(len(jurs), "jurisdictions", "")
        + _card(f"{years[0]}–{years[-1]}" if years else "—", "report years", f"{len(years)} distinct")
        + _card(sum(kinds.values()), "facts", ", ".join(f"{n} {k}" for k, n in kinds.items()))
        + _card(len(rows), "targets", " · ".join(f'<span class="s-{s}">{status.get(s, 0)} {s}</span>'
                                                  for s in STATUSES), raw=True)
        + "</div>")
    # status counts per jurisdiction and year
    counts = Counter((r["jurisdiction"] or "(no jurisdiction)", r["period_year"], r["status"]) for r in rows)
    per_j = Counter((r["jurisdiction"] or "(no jurisdiction)", r["status"]) for r in rows)
    chart_counts = [{"jurisdiction": j, "status": s, "n": per_j[(j, s)], "order": i}
                    for j in jurs for i, s in enumerate(STATUSES) if per_j[(j, s)]]
    jy = sorted({(j, y) for j, y, _ in counts}, key=lambda x: (jurs.index(x[0]), x[1] is None, x[1] or 0))
    table = ['<table class="counts"><thead><tr><th>jurisdiction</th><th>year</th>'
             + "".join(f'<th class="s-{s}">{s}</th>' for s in STATUSES) + "</tr></thead><tbody>"]
    for j, y in jy:
        table.append(f'<tr><td><a href="#j={_e(j)}">{_e(j)}</a></td><td>{_e(y) if y else "—"}</td>'
                     + "".join(f'<td class="n">{counts[(j, y, s)] or ""}</td>' for s in STATUSES) + "</tr>")
    table.append("</tbody></table>")
    status_html = (
        '<div class="two"><div><div class="vega" data-spec="' + _e(json.dumps(_status_chart(chart_counts),
                                                                             ensure_ascii=False))
        + '"></div></div><details class="jy"><summary>Status counts by jurisdiction and year ('
        + f"{len(jy)} rows)</summary>" + "".join(table) + "</details></div>")
    return ('<section id="overview"><h1>Plan versus actual</h1>'
            f'<p class="meta">Built {_e(built)}. Every target a report set, with the result a later report gave '
            "for it (<em>pending</em>: no result linked yet). Click a row for the sentences behind both numbers.</p>"
            "<h2>Coverage</h2>" + cov + "<h2>Status of targets</h2>" + status_html
            + "<h2>Largest misses and beats</h2>" + _extremes(rows, docs, ids)
            + "<h2>Data quality</h2>" + _quality(data) + "</section>")


def _card(value, label: str, sub: str, raw: bool = False) -> str:
    return (f'<div class="card"><div class="big">{_e(value)}</div><div class="lbl">{_e(label)}</div>'
            f'<div class="sub">{sub if raw else _e(sub)}</div></div>')


def _distance(r: dict) -> float:
    a = r["attainment"]
    return float("inf") if a is None or a <= 0 else abs(a - 1) if a >= 1 else abs(1 / a - 1)


def _extremes(rows: list[dict], docs: dict, ids: dict) -> str:
    linked = [r for r in rows if r["status"] in ("met", "near", "missed") and r["attainment"] is not None]
    misses = sorted((r for r in linked if r["status"] == "missed"), key=_distance, reverse=True)[:TOP_N]
    beats = sorted((r for r in linked if r["status"] == "met"), key=_distance, reverse=True)[:TOP_N]

    def table(rs, title):
        out = [f'<div><h3>{title}</h3><table class="mini"><thead><tr><th>jurisdiction</th><th>year</th>'
               "<th>indicator</th><th>target</th><th>result</th><th>of target</th></tr></thead><tbody>"]
        for r in rs:
            out.append(
                f'<tr class="st-{r["status"]}"><td><a href="#j={_e(r["jurisdiction"])}">'
                f'{_e(r["jurisdiction"])}</a></td><td>{_e(r["period_year"])}</td>'
                f'<td title="{_e(r["t_sentence"])}">{_e(r["t_words"] or r["indicator"])}</td>'
                f'<td class="n">{_e(fmt_target(r["target_value"], r["target_value_high"], r["target_comparator"], r["unit"]))}</td>'
                f'<td class="n">{_e(fmt_value(r["actual_value"], r["unit"]))}</td>'
                f'<td class="n">{_e(fmt_attainment(r["attainment"]))}</td></tr>')
        if not rs:
            out.append('<tr><td colspan="6" class="none">none</td></tr>')
        out.append("</tbody></table></div>")
        return "".join(out)

    return ('<p class="meta">Ranked by how far the result stands from the target, as a ratio (result ÷ target; '
            "a ceiling met by a result below it counts as a beat).</p><div class=\"two\">"
            + table(misses, "Largest misses") + table(beats, "Largest beats") + "</div>")


def _quality(data: dict) -> str:
    rej, q, warnings = data["rejected"], data["quarantine"], data["warnings"]
    corrupt_docs = [d for d in data["docs"].values() if d["flags"] and "corrupt_text" in d["flags"]]
    missing = [d for d in data["docs"].values() if not d["jurisdiction"] or d["report_year"] is None]
    items = [
        _qitem(f"{len(rej)} rejected input{'s' if len(rej) != 1 else ''}",
               [f"{_e(r['source_path'])}: {_e(r['reason'])}" for r in rej]),
        _qitem(f"{len(data['duplicates'])} duplicate file{'s' if len(data['duplicates']) != 1 else ''} left out",
               [f"{_e(d['source_path'])} (same text as {_e(d['duplicate_of'])})" for d in data["duplicates"]]),
        _qitem(f"{len(data['versions'])} document{'s' if len(data['versions']) != 1 else ''} superseded by another "
               "version of its report (kept, left out of linking and plan-versus-actual)",
               [f"{_e(v['source_path'])} → {_e(v['superseded_by_path'])}: {_e(v['reason'])}" for v in data["versions"]]),
        _qitem(f"{sum(x['n'] for x in q)} quarantined fact rows (failed validation)",
               [f"{x['n']} × {_e(x['expectation'])}" for x in q]),
        _qitem(f"{len(corrupt_docs)} document{'s' if len(corrupt_docs) != 1 else ''} with corrupt text "
               f"({data['corrupt_facts']} facts flagged corrupt_text, never linked)",
               [f"{_e(d['source_path'])}{' part ' + str(d['part']) if d['part'] is not None else ''}: "
                f"{_e(d['title'])}" for d in corrupt_docs]),
    ]
    if warnings is not None:
        items.append(_qitem(f"{len(warnings)} metadata warning{'s' if len(warnings) != 1 else ''}",
                            [f"{_e(w['source_path'])} · {_e(w['field'])}: {_e(w['message'])}" for w in warnings]))
    items.append(_qitem(f"{len(missing)} document{'s' if len(missing) != 1 else ''} without a jurisdiction or report "
                        "year", [f"{_e(d['source_path'])}" for d in missing]))
    return '<ul class="quality">' + "".join(items) + "</ul>"


def _qitem(head: str, lines: list[str]) -> str:
    cls = "ok" if not lines else "warn"
    if not lines:
        return f'<li class="{cls}">{_e(head)}</li>'
    return (f'<li class="{cls}"><details><summary>{_e(head)}</summary><ul>'
            + "".join(f"<li>{x}</li>" for x in lines) + "</ul></details></li>")


def _nav(jurs: list[str], ids: dict, by_j: dict) -> str:
    links = []
    for j in jurs:
        c = Counter(r["status"] for r in by_j[j])
        links.append(f'<a href="#j={_e(j)}">{_e(j)} <small>{c["met"]}/{c["met"] + c["near"] + c["missed"]}'
                     "</small></a>")
    return ('<nav id="jnav"><span>Jurisdictions (met / with a result):</span> ' + " ".join(links) + "</nav>")


_COLUMNS = [("year", "num"), ("indicator", "text"), ("target", "num"), ("result", "num"), ("gap", "num"),
            ("of target", "num"), ("status", "text"), ("link", "num"), ("target from", "text"),
            ("result from", "text")]


def _section(j: str, jid: str, rs: list[dict], docs: dict, series: dict, meta: dict, level: str | None) -> str:
    c = Counter(r["status"] for r in rs)
    head = (f'<section class="jur" id="{jid}" data-j="{_e(j)}"><h2>{_e(j)} <small>{_e(level or "")} · '
            f"{len(rs)} targets: " + " · ".join(f'<span class="s-{s}">{c.get(s, 0)} {s}</span>' for s in STATUSES)
            + "</small></h2>")
    # charts: each canonical indicator with targets over the years, then each year's attainment
    canon = [k for k in dict.fromkeys(r["series"] for r in rs if r["canonical"] and r["period_year"] is not None)
             if k in series]
    charts = "".join(f'<figure class="series" data-series="{_e(k)}"><figcaption>{_e(meta[k]["title"])}</figcaption>'
                     '<div class="vega-slot"></div></figure>' for k in canon)
    att = []
    for year in sorted({r["period_year"] for r in rs if r["period_year"] is not None}):
        pts = [{"label": _short(r["t_words"] or r["indicator"]), "status": r["status"],
                "pct": round(r["attainment"] * 100, 1),
                "target_text": fmt_target(r["target_value"], r["target_value_high"], r["target_comparator"], r["unit"]),
                "actual_text": fmt_value(r["actual_value"], r["unit"])}
               for r in rs if r["period_year"] == year and r["attainment"] is not None and r["attainment"] > 0]
        if len(pts) >= 3:
            spec = _attainment_chart(pts, f"{year}: {len(pts)} targets with a result, as % of target")
            att.append(f'<div class="vega" data-spec="{_e(json.dumps(spec, ensure_ascii=False))}"></div>')
    body = []
    if canon:
        body.append('<h3>Canonical indicators over the years</h3><p class="meta">Hollow marker: the target '
                    "(▲ a floor, ▼ a ceiling, ◆ about, ■ stated; a band for a range); filled point: the result, "
                    '<span class="s-met">met</span>, <span class="s-near">near</span>, <span class="s-missed">missed'
                    "</span>. Hover a mark for its values.</p><div class=\"charts\">" + charts + "</div>")
    if not any(r["actual_value"] is not None for r in rs):
        body.append('<p class="meta">No result is linked to any of these targets yet: the warehouse holds no '
                    "later report of this jurisdiction that states one.</p>")
    if att:
        body.append('<h3>Targets against results</h3><div class="charts">' + "".join(att) + "</div>")
    table = [f'<h3>Targets ({len(rs)})</h3><table class="pva"><thead><tr>'
             + "".join(f'<th data-type="{t}">{_e(n)}</th>' for n, t in _COLUMNS) + "</tr></thead>"]
    for r in rs:
        table.append(_row(r, docs))
    table.append("</table>")
    return head + "".join(body) + "".join(table) + "</section>"


def _short(s: str, n: int = 18) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _row(r: dict, docs: dict) -> str:
    unit = r["unit"]
    g = gap(r["target_value"], r["target_value_high"], r["target_comparator"], r["actual_value"])
    target_txt = fmt_target(r["target_value"], r["target_value_high"], r["target_comparator"], unit)
    actual_txt = fmt_value(r["actual_value"], unit)
    words = r["t_words"] or r["indicator"]
    ind = _e(words) + (f' <code>{_e(r["indicator"])}</code>' if r["canonical"] else "")
    link = (f'{r["link_score"]:.2f} <small>{_e(r["link_rule"])}</small>' if r["link_score"] is not None else "")
    tdoc, adoc = docs.get(r["t_doc"]), docs.get(r["a_doc"])
    y = r["period_year"]
    attrs = (f'data-j="{_e(r["jurisdiction"])}" data-y="{_e(y) if y is not None else "none"}" '
             f'data-s="{_e(r["status"])}" data-ind="{_e(r["indicator"])}" data-i="{_e(words)}" '
             f'data-series="{_e(r["series"])}"')
    cells = [
        (y if y is not None else "", _e(y) if y is not None else "—"),
        (None, ind),
        (r["target_value"], _e(target_txt)),
        (r["actual_value"], _e(actual_txt)),
        (g, _e(fmt_gap(g, unit))),
        (r["attainment"], _e(fmt_attainment(r["attainment"]))),
        (None, f'<span class="badge st-{_e(r["status"])}">{_e(r["status"])}</span>'),
        (r["link_score"], link),
        (None, f'<span title="{_e(tdoc and tdoc["source_path"])}">{_e(_doc_label(tdoc))}</span>'),
        (None, f'<span title="{_e(adoc and adoc["source_path"])}">{_e(_doc_label(adoc))}</span>'),
    ]
    tds = "".join((f'<td class="n" data-v="{_e(v)}">' if v is not None and v != "" else "<td>") + h + "</td>"
                  for v, h in cells)
    ev = [f'<div class="ev-t"><b>Target</b> <span class="where">{_e(_doc_label(tdoc))}'
          f'{" · " + _e(r["t_section"]) if r["t_section"] else ""}</span><p>{_marked(r["t_sentence"], r["t_mark"])}</p></div>']
    if r["a_sentence"]:
        ev.append(f'<div class="ev-a"><b>Result</b> <span class="where">{_e(_doc_label(adoc))}'
                  f'{" · " + _e(r["a_section"]) if r["a_section"] else ""}</span>'
                  f'{" <span class=words>(" + _e(r["a_words"]) + ")</span>" if r["a_words"] and r["a_words"] != words else ""}'
                  f'<p>{_marked(r["a_sentence"], r["a_mark"])}</p></div>')
    else:
        ev.append('<div class="ev-a"><b>Result</b> <span class="where">none linked yet</span></div>')
    chart = '<div class="ev-chart vega-slot"></div>' if y is not None else ""
    return (f'<tbody class="r st-{_e(r["status"])}" {attrs}><tr class="m" tabindex="0">{tds}</tr>'
            f'<tr class="ev" hidden><td colspan="{len(_COLUMNS)}"><div class="evwrap"><div class="sent">'
            + "".join(ev) + f"</div>{chart}</div></td></tr></tbody>")


def write_report(wh: Path, out: Path) -> int:
    """Write the report of the warehouse in ``wh`` to ``out`` (atomically); the number of targets."""
    con = connect_readonly(wh)
    try:
        data = load_report_data(con)
    finally:
        con.close()
    built = built_at(current_build(wh)) or "at an unknown time"
    doc = render(data, built, _vega_bundle())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{time.time_ns()}.tmp")
    tmp.write_text(doc, encoding="utf-8")
    tmp.replace(out)
    return len(data["rows"])
