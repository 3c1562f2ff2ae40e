-- grain: one row per (jurisdiction, indicator_key, period_year, unit, sense): the actual that stands for that measure
-- that year, whatever its words (a canonical indicator, or the measured thing of a free-text one: 精品示范村 whether
-- the words were 新增 or 新建; 全县教育支出 and 全年教育支出), one for each sense its figures count (measure_senses:
-- the things added, `gain`; the level reached, `stock`; NULL where the words say neither), ranked as every choice of
-- the year's figure ranks (int_annual_actuals.stated_rank). The year before's figure of a fact is chosen from it once
-- (int_year_before).
CREATE OR REPLACE VIEW int_key_actuals AS
SELECT *
FROM int_annual_actuals
WHERE indicator_key IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY jurisdiction, indicator_key, period_year, unit, sense ORDER BY stated_rank) = 1;
