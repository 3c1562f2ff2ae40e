"""The plan-versus-actual report: one self-contained HTML file (no scripts, no external assets)."""
from __future__ import annotations

import html
from pathlib import Path

from .warehouse import connect_readonly

_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}td.l{text-align:left}
.met{background:#e6f4ea}.near{background:#fff4d6}.missed{background:#fde2e1}.pending{color:#888}"""


def write_report(wh: Path, out: Path) -> int:
    con = connect_readonly(wh)
    try:
        cur = con.execute("""
            SELECT p.jurisdiction, p.indicator, p.period_year, p.unit, p.target_comparator, p.target_value,
                   p.target_value_high, p.actual_value, p.status, t.sentence AS target_sentence,
                   a.sentence AS actual_sentence
            FROM plan_vs_actual p
            JOIN facts t ON t.fact_id = p.target_fact_id
            LEFT JOIN facts a ON a.fact_id = p.actual_fact_id
            WHERE p.indicator IN (SELECT indicator FROM indicators)
            ORDER BY p.jurisdiction, p.indicator, p.period_year""")
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
        summary = con.execute("SELECT status, count(*) FROM plan_vs_actual WHERE indicator IN "
                              "(SELECT indicator FROM indicators) GROUP BY status ORDER BY status").fetchall()
    finally:
        con.close()
    esc = lambda v: "" if v is None else html.escape(str(v))  # noqa: E731
    body = ["<h1>Plan versus actual</h1>",
            "<p>" + ", ".join(f"{esc(s)}: {n}" for s, n in summary) + "</p>",
            "<table><tr>" + "".join(f"<th>{esc(c)}</th>" for c in cols) + "</tr>"]
    for r in rows:
        status = r[cols.index("status")]
        body.append(f'<tr class="{esc(status)}">' + "".join(
            f'<td class="{"l" if isinstance(v, str) else ""}">{esc(v)}</td>' for v in r) + "</tr>")
    body.append("</table>")
    doc = (f"<!doctype html><html lang=zh><meta charset=utf-8><title>Plan versus actual</title>"
           f"<style>{_STYLE}</style><body>{''.join(body)}</body></html>")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(doc, encoding="utf-8")
    tmp.replace(out)
    return len(rows)
