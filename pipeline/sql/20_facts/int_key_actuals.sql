-- grain: one row per (jurisdiction, indicator_key, period_year, unit, sense): the actual that stands for that measure
-- that year, whatever its words (a canonical indicator, or the measured thing of a free-text one: 精品示范村 whether
-- the words were 新增 or 新建; 全县教育支出 and 全年教育支出), one for each sense its figures count (measure_senses:
-- the things added, `gain`; the level reached, `stock`; NULL where the words say neither). It is the year before's
-- figure of a target (baseline_value) and of a yoy row whose indicator's own words the year before did not say:
-- the same sense first, then one that says neither, never a gain for a stock nor a stock for a gain (新增上市公司5家
-- is no year after 上市公司达到146家). Left out and ranked as int_actuals: no multi-year figure, share of the plan or
-- gap; a stated figure before an estimate, the year's final statistics first, a later report first, then the first
-- mention (rank_in_key: the same order across the senses).
CREATE OR REPLACE VIEW int_key_actuals AS
WITH annual_actuals AS (
    SELECT f.*, d.doc_type, s.sense
    FROM facts AS f
    LEFT JOIN documents AS d USING (doc_id)
    LEFT JOIN measure_senses AS s USING (fact_id)
    WHERE f.kind = 'actual' AND f.period_year IS NOT NULL AND f.jurisdiction IS NOT NULL
      AND f.indicator_key IS NOT NULL
      AND NOT list_has_any(f.flags, ['five_year_average', 'multi_year', 'cumulative', 'corrupt_text',
                                     'share_of_target', 'other_base'])  -- (a share of the plan, a gap: no level of the year)
      AND f.doc_id NOT IN (SELECT doc_id FROM document_versions)
),
ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY jurisdiction, indicator_key, period_year, unit
               ORDER BY list_contains(flags, 'estimated'),
                        coalesce(list_contains({final_statistics}, doc_type), false) DESC,
                        report_year DESC, doc_id, span_start
           ) AS rank_in_key
    FROM annual_actuals
)
SELECT * EXCLUDE (doc_type)
FROM ranked
QUALIFY row_number() OVER (PARTITION BY jurisdiction, indicator_key, period_year, unit, sense ORDER BY rank_in_key) = 1;
