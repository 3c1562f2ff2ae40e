-- grain: one row per (jurisdiction, indicator, period_year): the actual that stands for that year
-- Multi-year figures (年均, 五年, 比2002年) describe no single year and are left out, and so are a share of the plan
-- (为预算的86.2%, share_of_target) and a gap against another base (超收, other_base), no level of the year; a figure in the
-- indicator's own unit beats one in another, then as every choice of the year's figure ranks (the linking stage's
-- too): a stated figure beats an estimate (预计), the year's final statistics (a bulletin: links.yaml
-- final_statistics) a report's figure, a later report an earlier one, then the first mention.
CREATE OR REPLACE VIEW int_actuals AS
WITH annual_actuals AS (
    SELECT f.*, d.doc_type
    FROM facts AS f
    LEFT JOIN documents AS d USING (doc_id)
    WHERE f.kind = 'actual'
      AND f.period_year IS NOT NULL
      AND f.jurisdiction IS NOT NULL
      AND NOT list_has_any(f.flags, ['five_year_average', 'multi_year', 'cumulative', 'corrupt_text',
                                     'share_of_target', 'other_base'])  -- (a share of the plan, a gap: no level of the year)
      AND f.doc_id NOT IN (SELECT doc_id FROM document_versions)  -- (another version of its report's)
),
ranked AS (
    SELECT a.*,
           row_number() OVER (
               PARTITION BY a.jurisdiction, a.indicator, a.period_year
               ORDER BY (i.unit IS NOT NULL AND i.unit = a.unit) DESC, list_contains(a.flags, 'estimated'),
                        coalesce(list_contains({final_statistics}, a.doc_type), false) DESC,
                        a.report_year DESC, a.doc_id, a.span_start
           ) AS rank_in_year
    FROM annual_actuals AS a
    LEFT JOIN indicators AS i ON i.indicator = a.indicator
)
SELECT * EXCLUDE (rank_in_year, doc_type) FROM ranked WHERE rank_in_year = 1;
