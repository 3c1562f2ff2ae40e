-- grain: one row per target that a later statement answers (written by the linking stage, pipeline/link.py)
CREATE OR REPLACE VIEW links AS
SELECT target_fact_id, actual_fact_id, link_score, link_rule FROM read_parquet('{root}/links.parquet');
