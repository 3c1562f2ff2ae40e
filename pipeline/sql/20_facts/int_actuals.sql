-- grain: one row per (jurisdiction, indicator, period_year, unit): the actual that stands for that year
-- Multi-year figures (年均, 五年, 比2002年) describe no single year and are left out; a stated
-- figure beats an estimate (预计), a later report beats an earlier one, then the first mention.
CREATE OR REPLACE VIEW int_actuals AS
WITH annual_actuals AS (
    SELECT *
    FROM facts
    WHERE kind = 'actual'
      AND period_year IS NOT NULL
      AND jurisdiction IS NOT NULL
      AND NOT list_has_any(flags, ['five_year_average', 'multi_year', 'cumulative', 'corrupt_text'])
),
ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY jurisdiction, indicator, period_year, unit
               ORDER BY list_contains(flags, 'estimated'), report_year DESC, doc_id, span_start
           ) AS rank_in_year
    FROM annual_actuals
)
SELECT * EXCLUDE (rank_in_year) FROM ranked WHERE rank_in_year = 1;
