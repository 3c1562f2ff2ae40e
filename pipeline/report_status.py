"""`pipeline status`: what the warehouse holds, when it was built and from which raw folder."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .warehouse import BUILD_INFO, built_at, connect_readonly, current_build


def _build_info(build: Path) -> dict:
    try:
        return json.loads((build / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def warehouse_status(wh: Path) -> str:
    con = connect_readonly(wh)  # raises WarehouseError, with how to build, when there is none
    try:
        one = lambda sql: con.execute(sql).fetchone()  # noqa: E731
        n_docs, n_jur, y0, y1 = one("SELECT count(*), count(DISTINCT jurisdiction), min(report_year), "
                                    "max(report_year) FROM documents")
        levels = con.execute("SELECT coalesce(admin_level, 'unknown'), count(*) FROM documents GROUP BY 1 "
                             "ORDER BY 2 DESC").fetchall()
        n_files = one("SELECT count(*) FROM build_ledger")[0]
        kinds = con.execute("SELECT kind, count(*) FROM facts GROUP BY 1 ORDER BY 1").fetchall()
        status = dict(con.execute("SELECT status, count(*) FROM plan_vs_actual GROUP BY 1").fetchall())
        rejected = one("SELECT count(*) FROM rejected_documents")[0]
        duplicates = one("SELECT count(*) FROM duplicates")[0]
        has_versions = one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'document_versions' "
                           "AND table_schema = current_schema()")[0]
        superseded = one("SELECT count(*) FROM document_versions")[0] if has_versions else 0
        quarantined = one("SELECT count(*) FROM quarantine")[0]
        has_warnings = one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'warnings' "
                           "AND table_schema = current_schema()")[0]
        warnings = one("SELECT count(*) FROM warnings")[0] if has_warnings else None
    finally:
        con.close()
    build = current_build(wh)
    info = _build_info(build)
    built = built_at(build) or "unknown"
    n_facts = sum(n for _, n in kinds)
    lines = [
        ("warehouse", f"{wh} (build {build.name})"),
        ("built", f"{built}" + (f" in {info['seconds']}s" if "seconds" in info else "")),
        ("raw folder", info.get("raw", "not recorded (a build older than build_info.json)")
         + ("" if "raw" not in info or os.path.isdir(info["raw"]) else "  (no longer there)")),
        ("documents", f"{n_docs} from {n_files} files (" + ", ".join(f"{n} {lvl}" for lvl, n in levels)
         + f"); {n_jur} jurisdictions; report years {y0}–{y1}" if n_docs else "none"),
        ("facts", f"{n_facts}: " + ", ".join(f"{n} {k}" for k, n in kinds)),
        ("targets", f"{sum(status.values())}: " + ", ".join(f"{status.get(s, 0)} {s}"
                                                           for s in ("met", "near", "missed", "pending"))),
        ("kept out", f"{rejected} rejected inputs, {duplicates} duplicates, {quarantined} quarantined fact rows"
         + (f"; {superseded} documents superseded by another version" if superseded else "")),
        ("warnings", "no warnings relation in this warehouse" if warnings is None else f"{warnings} metadata warnings"),
        ("extractor", info.get("extractor_version", "unknown")),
    ]
    return "\n".join(f"{k:<10} {v}" for k, v in lines)
