-- grain: one row per target that a later statement answers (written by the linking stage, pipeline/link.py);
-- actual_value: the result in the target's unit (converted where the two are units of one measure: 斤 and 吨)
CREATE OR REPLACE VIEW links AS
SELECT target_fact_id, actual_fact_id, link_score, link_rule, actual_value FROM read_parquet('{root}/links.parquet');
-- grain: one row per fact whose words say what its figure counts of its measure (written by the linking stage,
-- link.measure_sense): `gain`, the things added (新增规上工业企业16家), or `stock`, the level reached (规上工业企业达到
-- 101家); a fact with neither has no row. A gain and a stock of one key never stand for each other (int_key_actuals).
CREATE OR REPLACE VIEW measure_senses AS
SELECT fact_id, sense FROM read_parquet('{root}/measure_senses.parquet');
-- grain: one row per target or actual of a year whose measure the year before states only in other words (written by
-- the linking stage, link.year_before: 油菜种植 and 油菜种植面积): that statement, compared as linking compares
-- (link_score, link_rule). int_year_before takes the year before's figure of its key.
CREATE OR REPLACE VIEW year_before_links AS
SELECT fact_id, previous_fact_id, link_score, link_rule FROM read_parquet('{root}/year_before_links.parquet');
