-- grain: one row per target fact (a repeat in its document left out), with the direction extraction gave it (the lexicon's for a canonical
-- indicator, else from its words), whether its value was stored negative because the text says it fell, and
-- whether it is a target for a year before its report's, said again (flag restated_target; guarded in GX)
CREATE OR REPLACE VIEW int_targets AS
SELECT f.*, list_contains(f.flags, 'negative') AS negated, list_contains(f.flags, 'restated_target') AS restated
FROM facts AS f
WHERE f.kind = 'target'
  AND NOT list_contains(f.flags, 'corrupt_text')
  AND NOT list_contains(f.flags, 'repeated');  -- the same target said again in its document: one row
