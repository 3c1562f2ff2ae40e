"""docs/relations.md documents every relation of the warehouse with exactly its columns and types."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.warehouse import connect_readonly

DOC = Path(__file__).resolve().parent.parent / "docs" / "relations.md"


def documented() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    relation = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"### (\w+)$", line)
        if m:
            relation = m.group(1)
            out[relation] = []
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if relation and line.startswith("|") and len(cells) >= 2 and cells[0] not in ("column", "---"):
            out[relation].append((cells[0], cells[1]))
    return out


def test_every_view_is_documented_with_its_columns(corpus_warehouse):
    docs = documented()
    con = connect_readonly(corpus_warehouse)
    try:
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        public = {v for v in views if not v.startswith("int_")}
        assert public == set(docs), "documented relations differ from the warehouse's views"
        for relation, cols in docs.items():
            got = [(c, t) for c, t, *_ in con.execute(f"DESCRIBE {relation}").fetchall()]
            assert got == cols, relation
    finally:
        con.close()


@pytest.mark.parametrize("relation", ["documents", "facts", "links", "plan_vs_actual", "yoy",
                                      "rejected_documents", "quarantine"])
def test_contract_relations_are_documented(relation):
    assert relation in documented()
