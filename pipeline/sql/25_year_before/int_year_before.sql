-- grain: one row per target (int_targets) or year's actual (int_actuals) whose measure the year before states: that
-- figure, whatever the words (int_key_actuals: the same key and unit), of the same sense first, then of none, then a
-- stock (a level said with no verb of a gain, 柑橘种植面积稳定在2万亩以上, is last year's level before last year's
-- gain), never a stock for a gain nor a gain for a stock (新增规上工业企业18家 is no 规上工业企业达到101家), then as
-- every choice of the year's figure ranks. Where the year before has no figure of the key, the statement the linking
-- stage found it said in other words (year_before_links: 油菜种植 and 油菜种植面积), the one whose sense and size it
-- checked, where it may stand for its year (int_annual_actuals).
-- plan_vs_actual.baseline_value and yoy.previous_value (where the indicator's own words were not said the year before)
-- read it.
CREATE OR REPLACE VIEW int_year_before AS
WITH asked AS (
    SELECT fact_id, jurisdiction, indicator_key, period_year, unit FROM int_targets
    UNION ALL
    SELECT fact_id, jurisdiction, indicator_key, period_year, unit FROM int_actuals
),
by_key AS (
    SELECT a.fact_id, b.value
    FROM asked AS a
    LEFT JOIN measure_senses AS s ON s.fact_id = a.fact_id
    JOIN int_key_actuals AS b
      ON b.jurisdiction = a.jurisdiction AND b.indicator_key = a.indicator_key
     AND b.period_year = a.period_year - 1 AND b.unit = a.unit
     AND (b.sense IS NULL OR s.sense IS NULL OR b.sense = s.sense)
    QUALIFY row_number() OVER (PARTITION BY a.fact_id
                               ORDER BY b.sense IS NOT DISTINCT FROM s.sense DESC, b.sense IS NULL DESC,
                                        b.sense = 'stock' DESC, b.stated_rank) = 1
)
SELECT fact_id, value FROM by_key
UNION ALL
SELECT y.fact_id, p.value
FROM year_before_links AS y
JOIN int_annual_actuals AS p ON p.fact_id = y.previous_fact_id
WHERE y.fact_id NOT IN (SELECT fact_id FROM by_key);
