"""Great Expectations over the warehouse: one suite per relation, committed in ``expectations/``.

``quarantine_facts`` runs during a build: fact rows that fail an expectation are
moved to ``quarantine`` (with the expectation's name) and the build goes on.
``validate_warehouse`` runs every suite on a built warehouse, for `pipeline validate`.
"""
from __future__ import annotations

import json
import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

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


def quarantine_facts(build: Path, pattern: str = "part-new.parquet", carried: pa.Table | None = None) -> int:
    """Validate the facts this build extracted (carried rows passed before); move failing rows to
    quarantine.parquet. Returns the rows moved."""
    gx = _Gx()
    docs_ds = None
    quarantined: list[pa.Table] = []
    moved = 0
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    if (build / "documents").exists():
        docs_ds = ds.dataset(build / "documents", format="parquet")
    for part in sorted((build / "facts").glob(f"*/{pattern}")):
        table = pq.read_table(part, schema=W.FACT_SCHEMA)
        if table.num_rows == 0:
            continue
        doc_ids = pc.unique(table.column("doc_id"))
        texts = {}
        if docs_ds is not None:
            for b in docs_ds.to_batches(columns=["doc_id", "text"], filter=ds.field("doc_id").isin(doc_ids)):
                texts.update(zip(b.column(0).to_pylist(), b.column(1).to_pylist()))
        df = table.to_pandas()
        df["span_ok"] = [
            (t := texts.get(d)) is not None and s is not None and e is not None and t[s:e] == sf
            for d, s, e, sf in zip(df["doc_id"], df["span_start"], df["span_end"], df["surface"])]
        failed = gx.run("facts", _validation_frame(df))
        bad: dict[int, str] = {}
        for name, _count, idx in failed:
            for i in idx:
                bad.setdefault(i, name)
        if bad:
            positions = sorted(bad)
            mask = pa.array([i not in bad for i in range(table.num_rows)])
            rows = table.take(pa.array(positions))
            rows = rows.append_column("expectation", pa.array([bad[i] for i in positions], pa.string()))
            quarantined.append(rows)
            pq.write_table(table.filter(mask), part)
            moved += len(positions)
    if carried is not None and carried.num_rows:
        quarantined.append(carried.cast(W.QUARANTINE_SCHEMA))
    q = pa.concat_tables(quarantined) if quarantined else W.QUARANTINE_SCHEMA.empty_table()
    pq.write_table(q.cast(W.QUARANTINE_SCHEMA), build / "quarantine.parquet")
    return moved


def validate_warehouse(wh: Path) -> list[SuiteResult]:
    """Every suite on its relation of the current warehouse."""
    con = W.connect_readonly(wh)
    gx = _Gx()
    results = []
    try:
        for relation in suite_relations():
            if relation == "facts":
                sql = ("SELECT f.*, coalesce(substr(d.text, f.span_start + 1, f.span_end - f.span_start) = f.surface,"
                       " false) AS span_ok FROM facts f LEFT JOIN documents d USING (doc_id)")
            else:
                sql = f"SELECT * FROM {relation}"
            df = con.execute(sql).df()
            failed = gx.run(relation, _validation_frame(df)) if len(df) else []
            results.append(SuiteResult(relation, len(df), [(n, c) for n, c, _ in failed]))
    finally:
        con.close()
    return results
