"""Great Expectations over the warehouse: one suite per relation, committed in ``expectations/``.

``validate_fact_batch`` runs during a build, on each batch of new facts before it is
written: rows that fail an expectation go to ``quarantine`` (with the expectation's
name) and the build goes on.
``validate_warehouse`` runs every suite on a built warehouse, for `pipeline validate`.
"""
from __future__ import annotations

import json
import logging
import os
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from . import warehouse as W

EXPECTATIONS_DIR = Path(__file__).resolve().parent.parent / "expectations"


@dataclass
class SuiteResult:
    relation: str
    rows: int
    failures: list[tuple[str, int]]  # (expectation description, unexpected count)

    @property
    def success(self) -> bool:
        return not self.failures


def load_suite_spec(relation: str) -> dict:
    with open(EXPECTATIONS_DIR / f"{relation}.json", encoding="utf-8") as fh:
        return json.load(fh)


_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


@lru_cache(maxsize=None)
def suite_columns(relation: str) -> frozenset[str]:
    """Every column a relation's suite reads: its expectations' columns and the names in their row
    conditions (a superset is harmless: a name that is no column is never selected)."""
    cols: set[str] = set()
    for e in load_suite_spec(relation)["expectations"]:
        kw = e["kwargs"]
        if e["type"].startswith("expect_table_"):
            return frozenset({"*"})  # a table-level expectation reads the whole table
        cols.update(c for c in (kw.get("column"), kw.get("column_A"), kw.get("column_B")) if c)
        cols.update(kw.get("column_list") or ())
        cols.update(_IDENTIFIER.findall(kw.get("row_condition") or ""))
    return frozenset(cols)


def suite_relations() -> list[str]:
    return sorted(p.stem for p in EXPECTATIONS_DIR.glob("*.json"))


class _Gx:
    """An ephemeral GX context with one pandas asset per relation."""

    def __init__(self):
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
        warnings.filterwarnings("ignore")
        logging.getLogger("great_expectations").setLevel(logging.ERROR)
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.gx = gx
        self.ctx = gx.get_context(mode="ephemeral")
        self.ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.source = self.ctx.data_sources.add_pandas("warehouse")
        self.defs: dict[str, object] = {}

    def definition(self, relation: str):
        if relation not in self.defs:
            from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

            spec = load_suite_spec(relation)
            suite = self.gx.ExpectationSuite(name=spec["name"], meta=spec.get("meta", {}))
            for e in spec["expectations"]:
                suite.add_expectation_configuration(ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"]))
            suite = self.ctx.suites.add(suite)
            asset = self.source.add_dataframe_asset(relation)
            batch = asset.add_batch_definition_whole_dataframe(f"{relation}_all")
            self.defs[relation] = self.ctx.validation_definitions.add(
                self.gx.ValidationDefinition(data=batch, suite=suite, name=f"{relation}_validation"))
        return self.defs[relation]

    def run(self, relation: str, df) -> list[tuple[str, int, list[int]]]:
        """(expectation, unexpected count, unexpected row positions) for each failed expectation."""
        result = self.definition(relation).run(batch_parameters={"dataframe": df}, result_format="COMPLETE")
        failed = []
        for r in result.results:
            if r.success:
                continue
            cfg = r.expectation_config
            col = cfg.kwargs.get("column") or cfg.kwargs.get("column_A") or ",".join(cfg.kwargs.get("column_list", []))
            name = f"{cfg.type}({col})"
            if r.exception_info and r.exception_info.get("raised_exception"):
                failed.append((f"{name}: {r.exception_info.get('exception_message')}", len(df), list(range(len(df)))))
                continue
            idx = r.result.get("unexpected_index_list") or []
            count = r.result.get("unexpected_count")
            if count is None:
                count = len(idx) or 1
            failed.append((name, int(count), [int(i) for i in idx]))
        return failed


def _validation_frame(df):
    """Decimals as floats for GX's comparisons (the warehouse keeps exact DECIMALs)."""
    for col in ("value", "value_high"):
        if col in df:
            df[col] = df[col].map(lambda v: None if v is None else float(v)).astype("float64")
    return df


VALIDATION_BATCH = 50_000


def validate_fact_batch(facts: pa.Table, texts: dict[str, str]) -> tuple[pa.Table, pa.Table]:
    """Run the facts suite on one batch of new facts; returns (rows that passed, rows that failed with
    the first expectation each failed). ``texts``: the documents' texts, for the span invariant."""
    if facts.num_rows == 0:
        return facts, W.QUARANTINE_SCHEMA.empty_table()
    # only the columns the suite reads go to GX (it pickles the whole frame to hash it: sentences cost most)
    read = suite_columns("facts")
    df = facts.select([c for c in facts.column_names if "*" in read or c in read]).to_pandas()
    cols = [facts.column(c).to_pylist() for c in ("doc_id", "span_start", "span_end", "surface")]
    df["span_ok"] = [(t := texts.get(d)) is not None and s is not None and e is not None and t[s:e] == sf
                     for d, s, e, sf in zip(*cols)]
    bad: dict[int, str] = {}
    for name, _count, idx in _Gx().run("facts", _validation_frame(df)):  # fresh: a GX context keeps what it saw
        for i in idx:
            bad.setdefault(i, name)
    if not bad:
        return facts, W.QUARANTINE_SCHEMA.empty_table()
    positions = sorted(bad)
    failed = facts.take(pa.array(positions)).append_column(
        "expectation", pa.array([bad[i] for i in positions], pa.string()))
    kept = facts.filter(pa.array([i not in bad for i in range(facts.num_rows)]))
    return kept, failed


def validate_warehouse(wh: Path, batch_rows: int = VALIDATION_BATCH) -> list[SuiteResult]:
    """Every suite on its relation of the current warehouse, batch by batch (memory stays bounded).

    Row expectations add up over batches; a relation's key (the suite's ``meta.key``) is also
    checked for duplicates across the whole relation in DuckDB, since a batch sees only itself.
    """
    con = W.connect_readonly(wh)
    results = []
    try:
        for relation in suite_relations():
            have = [r[0] for r in con.execute(f"DESCRIBE {relation}").fetchall()]
            read = [c for c in have if c in suite_columns(relation) or "*" in suite_columns(relation)] or have
            if relation == "facts":
                sql = (f"SELECT {', '.join('f.' + c for c in read)}, coalesce(substr(d.text, f.span_start + 1, "
                       "f.span_end - f.span_start) = f.surface, false) AS span_ok "
                       "FROM facts f LEFT JOIN documents d USING (doc_id)")
            else:
                sql = f"SELECT {', '.join(read)} FROM {relation}"
            failures: dict[str, int] = {}
            rows = 0
            # a relation's reader streams (DuckDB 2.x); it is read to the end before the next query
            with con.sql(sql).to_arrow_reader(batch_size=batch_rows) as reader:
                for batch in reader:
                    if batch.num_rows == 0:
                        continue
                    rows += batch.num_rows
                    df = pa.Table.from_batches([batch]).to_pandas()
                    # a fresh GX context per batch: a context keeps every batch it has validated
                    for name, count, _ in _Gx().run(relation, _validation_frame(df)):
                        failures[name] = failures.get(name, 0) + count
            key = load_suite_spec(relation).get("meta", {}).get("key") or []
            if key and rows:
                cols = ", ".join(key)
                dups = con.execute(f"SELECT count(*) FROM (SELECT {cols} FROM {relation} GROUP BY ALL "
                                   f"HAVING count(*) > 1)").fetchall()[0][0]
                if dups:
                    failures[f"key unique across the relation ({cols})"] = int(dups)
            results.append(SuiteResult(relation, rows, sorted(failures.items())))
    finally:
        con.close()
    return results
