"""Invariants of a built warehouse: the span of every fact, keys, DECIMAL types, views."""
import re
from pathlib import Path

from pipeline.warehouse import connect_readonly

ROOT = Path(__file__).resolve().parent.parent


def test_every_fact_surface_is_its_span(corpus_warehouse):
    con = connect_readonly(corpus_warehouse)
    bad = con.execute("SELECT count(*) FROM facts f JOIN documents d USING (doc_id) "
                      "WHERE substr(d.text, f.span_start + 1, f.span_end - f.span_start) <> f.surface").fetchone()[0]
    n = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    con.close()
    assert n > 1000 and bad == 0


def test_keys_unique_and_types_exact(corpus_warehouse):
    con = connect_readonly(corpus_warehouse)
    assert con.execute("SELECT count(*) - count(DISTINCT fact_id) FROM facts").fetchone()[0] == 0
    assert con.execute("SELECT count(*) - count(DISTINCT doc_id) FROM documents").fetchone()[0] == 0
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'facts'").fetchall())
    con.close()
    assert types["value"] == "DECIMAL(38,4)" and types["value_high"] == "DECIMAL(38,4)"
    assert types["flags"] == "VARCHAR[]"


def test_contract_relations_and_columns(corpus_warehouse):
    expected = {
        "documents": "doc_id source_path part title jurisdiction admin_level report_year doc_type text n_chars encoding flags",
        "facts": "fact_id doc_id jurisdiction report_year period_year kind indicator indicator_text indicator_key "
                 "value value_high unit unit_text comparator commitment surface span_start span_end sentence "
                 "section rule_id flags",
        "rejected_documents": "source_path reason",
        "plan_vs_actual": "jurisdiction indicator period_year unit target_comparator target_value target_value_high "
                          "actual_value actual_comparator baseline_value attainment status target_fact_id actual_fact_id "
                          "link_score link_rule direction",
        "links": "target_fact_id actual_fact_id link_score link_rule",
        "yoy": "jurisdiction indicator period_year unit value previous_value change change_pct",
    }
    con = connect_readonly(corpus_warehouse)
    for rel, cols in expected.items():
        have = {r[0] for r in con.execute(f"DESCRIBE {rel}").fetchall()}
        assert set(cols.split()) <= have, (rel, set(cols.split()) - have)
    con.execute("SELECT * FROM quarantine LIMIT 1").fetchall()
    con.close()


def test_facts_are_partitioned_by_report_year(corpus_warehouse):
    parts = {p.name for p in (corpus_warehouse / "facts").iterdir()}
    assert {"report_year=2003", "report_year=2025", "report_year=2026"} <= parts


def test_township_compilation_is_three_samples_and_its_preface(corpus_warehouse):
    con = connect_readonly(corpus_warehouse)
    parts = con.execute("SELECT part FROM documents WHERE source_path LIKE 'township/%' ORDER BY part").fetchall()
    juris = con.execute("SELECT DISTINCT jurisdiction FROM documents WHERE source_path LIKE 'provincial/%'").fetchall()
    con.close()
    assert [p for (p,) in parts] == [0, 1, 2, 3]
    assert {"宁夏回族自治区"}.isdisjoint({j for (j,) in juris})
    assert {"广西壮族自治区", "新疆维吾尔自治区", "西藏自治区"} <= {j for (j,) in juris}


def test_a_facts_shape_is_declared_once():
    """Every field of ``extract.Fact`` is a column of the Parquet schema and of the ``facts`` view."""
    from dataclasses import fields

    from extract import Fact
    from pipeline.warehouse import FACT_SCHEMA, sql_files

    names = [f.name for f in fields(Fact)]
    assert set(names) <= set(FACT_SCHEMA.names)
    view = next(f for f in sql_files() if f.name == "facts.sql").read_text(encoding="utf-8")
    assert all(re.search(rf"\b{n}\b", view) for n in FACT_SCHEMA.names)


def test_fact_flags_are_declared_once(corpus_warehouse):
    """Every flag in the warehouse, documented in relations.md and read by pipeline/ is one of ``FACT_FLAGS``."""
    from extract.assemble import FACT_FLAGS

    con = connect_readonly(corpus_warehouse)
    try:
        used = {r[0] for r in con.execute("SELECT DISTINCT unnest(flags) FROM facts").fetchall()}
    finally:
        con.close()
    assert used <= FACT_FLAGS
    row = next(line for line in (ROOT / "docs" / "relations.md").read_text(encoding="utf-8").splitlines()
               if line.startswith("| flags |") and "share_of_target" in line)
    assert set(re.findall(r"`([a-z_]+)`", row)) == FACT_FLAGS
    read = set()
    for path in [*(ROOT / "pipeline").glob("*.py"), *(ROOT / "pipeline" / "sql").rglob("*.sql")]:
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"""["']([a-z_]+)["'] (?:not )?in \(?\w+(?:\[\d+\])?\[?["']?flags""", text))
        read |= set(re.findall(r"flags, '([a-z_]+)'", text))
    assert read and read <= FACT_FLAGS, read - FACT_FLAGS
