-- grain: one row per target fact, with the direction of its indicator
CREATE OR REPLACE VIEW int_targets AS
SELECT f.*, i.direction
FROM facts AS f
LEFT JOIN indicators AS i ON i.indicator = f.indicator
WHERE f.kind = 'target'
  AND NOT list_contains(f.flags, 'corrupt_text');
