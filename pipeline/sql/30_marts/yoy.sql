-- grain: one row per (jurisdiction, indicator, period_year) actual
-- previous_value: the year before's figure of the same indicator, or where the year before said it in other words
-- (全年教育支出 and 全县教育支出; 新增规上工业企业 and 全年新增规上工业企业) the figure that stands for the same
-- measure that year, as plan_vs_actual's baseline_value takes it (int_year_before)
CREATE OR REPLACE VIEW yoy AS
WITH paired AS (
    SELECT cur.jurisdiction, cur.indicator, cur.period_year, cur.unit, cur.value,
           coalesce(prev.value, k.value) AS previous_value
    FROM int_actuals AS cur
    LEFT JOIN int_actuals AS prev
      ON prev.jurisdiction = cur.jurisdiction AND prev.indicator = cur.indicator
     AND prev.unit = cur.unit AND prev.period_year = cur.period_year - 1
    LEFT JOIN int_year_before AS k ON k.fact_id = cur.fact_id
)
SELECT jurisdiction, indicator, period_year, unit, value, previous_value,
       value - previous_value AS change,
       CASE WHEN previous_value <> 0
            THEN CAST(value - previous_value AS DOUBLE) / abs(CAST(previous_value AS DOUBLE)) * 100 END AS change_pct
FROM paired;
