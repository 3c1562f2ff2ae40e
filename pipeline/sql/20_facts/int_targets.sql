-- grain: one row per target fact, with the direction extraction gave it (the lexicon's for a canonical
-- indicator, else from its words) and whether its value was stored negative because the text says it fell
CREATE OR REPLACE VIEW int_targets AS
SELECT f.*, list_contains(f.flags, 'negative') AS negated
FROM facts AS f
WHERE f.kind = 'target'
  AND NOT list_contains(f.flags, 'corrupt_text');
