-- grain: one row per target fact (a repeat in its document, a restatement of an earlier report's target, or the same
-- target stated again by another document of the place, left out), with the direction extraction gave it (the lexicon's for a canonical
-- indicator, else from its words), whether its value was stored negative because the text says it fell, and
-- whether it is a target for a year before its report's, said again (flag restated_target; guarded in GX)
CREATE OR REPLACE VIEW int_targets AS
WITH candidates AS (
    SELECT * FROM facts
    WHERE kind = 'target'
      AND NOT list_has_any(flags, ['corrupt_text',
                                   'repeated',  -- the same target said again in its document: one row
                                   'starting_value',  -- where a change starts (从75%提高到100%: 75%), no target
                                   'stretch_bound'])  -- 增长7%以上、力争达到8%: the aim beyond the target before
      AND doc_id NOT IN (SELECT doc_id FROM document_versions)  -- another version of its report supersedes it
)
SELECT f.*, list_contains(f.flags, 'negative') AS negated, list_contains(f.flags, 'restated_target') AS restated
FROM candidates AS f
-- a target a review states again (restated_target: 没有完成8%的年度目标, (计划2800个)) where another report of
-- the place, no later, states a target of the same measure first hand (its year and unit; its value may differ:
-- a half-year summary's 下半年…紧盯全年目标任务不放松,力争完成固定资产投资1.8亿元 may be the half ahead, and the plan
-- is what plan_vs_actual compares): one row, that statement's; the same measure is the same key, or other words
-- that the same result answers (实际利用外资 in a table of targets and results, 实际使用外资1.5亿美元 in the plan)
WHERE NOT (list_contains(f.flags, 'restated_target') AND EXISTS (
      SELECT 1 FROM facts AS o
      WHERE o.kind = 'target' AND o.jurisdiction = f.jurisdiction AND o.doc_id <> f.doc_id
        AND o.report_year <= f.report_year AND NOT list_contains(o.flags, 'restated_target')
        AND NOT list_contains(o.flags, 'corrupt_text')
        AND o.period_year = f.period_year AND o.unit = f.unit
        AND (o.indicator_key = f.indicator_key OR EXISTS (
            SELECT 1 FROM links AS lf JOIN links AS lo ON lo.actual_fact_id = lf.actual_fact_id
            WHERE lf.target_fact_id = f.fact_id AND lo.target_fact_id = o.fact_id))))
  -- the same target stated first hand by two documents of the place (a plan report's and a budget report's
  -- 一般公共预算收入增长4% for 2026; a target a later report repeats word for word): one row, the earlier report's
  -- (then the first document); a different value, comparator or bound is a target of its own
  AND NOT EXISTS (
      SELECT 1 FROM candidates AS o
      WHERE o.jurisdiction = f.jurisdiction AND o.doc_id <> f.doc_id
        AND o.indicator_key = f.indicator_key AND o.period_year = f.period_year AND o.unit = f.unit
        AND o.value = f.value AND o.value_high IS NOT DISTINCT FROM f.value_high AND o.comparator = f.comparator
        AND NOT list_contains(o.flags, 'restated_target')
        AND (o.report_year < f.report_year OR o.report_year = f.report_year AND o.doc_id < f.doc_id));
