-- grain: one row per (jurisdiction, indicator, period_year) actual
CREATE OR REPLACE VIEW yoy AS
SELECT cur.jurisdiction, cur.indicator, cur.period_year, cur.unit, cur.value,
       prev.value AS previous_value,
       cur.value - prev.value AS change,
       CASE WHEN prev.value <> 0
            THEN CAST(cur.value - prev.value AS DOUBLE) / abs(CAST(prev.value AS DOUBLE)) * 100 END AS change_pct
FROM int_actuals AS cur
LEFT JOIN int_actuals AS prev
  ON prev.jurisdiction = cur.jurisdiction AND prev.indicator = cur.indicator
 AND prev.unit = cur.unit AND prev.period_year = cur.period_year - 1;
