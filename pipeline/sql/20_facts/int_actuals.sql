-- grain: one row per (jurisdiction, indicator, period_year): the actual that stands for that year
-- Of the year's actuals (int_annual_actuals: no multi-year figure, share of the plan or gap), a figure in the
-- indicator's own unit beats one in another, then as every choice of the year's figure ranks (stated_rank).
CREATE OR REPLACE VIEW int_actuals AS
WITH ranked AS (
    SELECT a.*,
           row_number() OVER (
               PARTITION BY a.jurisdiction, a.indicator, a.period_year
               ORDER BY (i.unit IS NOT NULL AND i.unit = a.unit) DESC, a.stated_rank
           ) AS rank_in_year
    FROM int_annual_actuals AS a
    LEFT JOIN indicators AS i ON i.indicator = a.indicator
    WHERE a.kind = 'actual'  -- (not a change in points, which stands for its year only as a baseline)
)
SELECT * EXCLUDE (rank_in_year, sense, stated_rank) FROM ranked WHERE rank_in_year = 1;
