-- grain: one row per target fact (a repeat in its document, or a restatement of an earlier report's target, left out), with the direction extraction gave it (the lexicon's for a canonical
-- indicator, else from its words), whether its value was stored negative because the text says it fell, and
-- whether it is a target for a year before its report's, said again (flag restated_target; guarded in GX)
CREATE OR REPLACE VIEW int_targets AS
SELECT f.*, list_contains(f.flags, 'negative') AS negated, list_contains(f.flags, 'restated_target') AS restated
FROM facts AS f
WHERE f.kind = 'target'
  AND NOT list_contains(f.flags, 'corrupt_text')
  AND NOT list_contains(f.flags, 'repeated')  -- the same target said again in its document: one row
  -- a target a review states again (restated_target: 没有完成8%的年度目标, (计划2800个)) where another report of
  -- the place, no later, states it first hand (the same measure, year, value and unit): one row, that statement's
  AND NOT (list_contains(f.flags, 'restated_target') AND EXISTS (
      SELECT 1 FROM facts AS o
      WHERE o.kind = 'target' AND o.jurisdiction = f.jurisdiction AND o.doc_id <> f.doc_id
        AND o.report_year <= f.report_year AND NOT list_contains(o.flags, 'restated_target')
        AND NOT list_contains(o.flags, 'corrupt_text')
        AND o.period_year = f.period_year AND o.indicator_key = f.indicator_key
        AND o.value = f.value AND o.unit = f.unit));
