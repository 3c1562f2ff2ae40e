-- grain: one row per quantity stated as a target, an actual result or a change
CREATE OR REPLACE VIEW facts AS
SELECT fact_id, doc_id, jurisdiction, report_year, period_year, kind, indicator, indicator_text,
       indicator_key, direction,
       value, value_high, unit, unit_text, comparator, commitment, surface, span_start, span_end,
       sentence, section, rule_id, flags, source_path, extractor_version
FROM read_parquet('{root}/facts/**/*.parquet', hive_partitioning = false, union_by_name = true);
