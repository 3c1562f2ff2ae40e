-- grain: one row per target that a later statement answers (written by the linking stage, pipeline/link.py);
-- actual_value: the result in the target's unit (converted where the two are units of one measure: 斤 and 吨)
CREATE OR REPLACE VIEW links AS
SELECT target_fact_id, actual_fact_id, link_score, link_rule, actual_value FROM read_parquet('{root}/links.parquet');
