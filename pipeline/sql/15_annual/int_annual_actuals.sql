-- grain: one row per actual fact that may stand for its year (and per change in points, links.yaml change_answers): the facts int_actuals and int_key_actuals rank
-- Multi-year figures (年均, 五年, 比2002年) describe no single year and are left out, and so are a share of the plan
-- (为预算的86.2%, share_of_target), a gap against another base (超收, other_base), a milestone passed (links.yaml
-- never_answer_flags: 突破300亿元, beside the year's 312.6亿元), damaged text and another version of
-- its report's facts; each with the rank every choice of a year's figure orders by (the linking stage's too,
-- link._actual_rank): a stated figure before an estimate (预计), the year's final
-- statistics (a bulletin: links.yaml final_statistics) before a report's figure, a later report before an earlier
-- one, a point before a bound (突破3万亿元 beside 3.2765万亿元), then the first mention; and its sense
-- (measure_senses: a gain, a stock, or neither).
CREATE OR REPLACE VIEW int_annual_actuals AS
SELECT f.*, s.sense,
       row_number() OVER (
           ORDER BY list_contains(f.flags, 'estimated'),
                    coalesce(list_contains({final_statistics}, d.doc_type), false) DESC,
                    f.report_year DESC, f.comparator IN ('gt', 'ge', 'lt', 'le'), f.doc_id, f.span_start
       ) AS stated_rank
FROM facts AS f
LEFT JOIN documents AS d USING (doc_id)
LEFT JOIN measure_senses AS s USING (fact_id)
WHERE (f.kind = 'actual' OR f.kind = 'change' AND list_contains({change_answers}, f.unit))  -- (a change in points
  -- answers a target in points, 城镇化率提高1个百分点, and so is its baseline the year before: int_actuals keeps actuals)
  AND f.period_year IS NOT NULL
  AND f.jurisdiction IS NOT NULL
  AND NOT list_has_any(f.flags, ['five_year_average', 'multi_year', 'cumulative', 'corrupt_text',
                                 'share_of_target', 'other_base'])  -- (a share of the plan, a gap: no level of the year)
  AND NOT list_has_any(f.flags, {never_answer_flags})  -- (a milestone passed, 突破300亿元: a bound, not the year's figure)
  AND f.doc_id NOT IN (SELECT doc_id FROM document_versions);  -- (another version of its report's)
