-- grain: one row per target
-- The actual is the one the linking stage chose (links: canonical indicators by exact key, free-text
-- ones by key similarity, verbs and magnitude, each with its score and rule); pending where none. actual_value is
-- in the target's unit (links.actual_value: 20.6万吨 against a target in 斤 is 412000000); actual_stated_unit is the unit
-- the result was stated in.
-- status follows the comparator and the direction: a result on the right side of its target is met,
-- one on the wrong side within 5% of the target is near, else missed. A target stored negative
-- (下降3分以上 is -3 with ge) bounds the size of the fall, so its side is mirrored. A result stated as a bound
-- that stops at the target's bound is on the wrong side (近1.3万亿斤 against 1.3万亿斤以上: near; a fall's
-- comparator speaks of its size, so a result stored negative is left as it is).
CREATE OR REPLACE VIEW plan_vs_actual AS
WITH paired AS (
    SELECT t.jurisdiction, t.indicator, t.period_year, t.unit,
           t.comparator AS target_comparator, t.value AS target_value, t.value_high AS target_value_high,
           l.actual_value, a.comparator AS actual_comparator, b.value AS baseline_value, a.unit AS actual_stated_unit,
           t.direction, t.negated, t.fact_id AS target_fact_id, a.fact_id AS actual_fact_id,
           l.link_score, l.link_rule
    FROM int_targets AS t
    LEFT JOIN links AS l ON l.target_fact_id = t.fact_id
    LEFT JOIN facts AS a ON a.fact_id = l.actual_fact_id
    LEFT JOIN int_year_before AS b ON b.fact_id = t.fact_id  -- (the year before's figure of the measure, chosen once)
),
bounded AS (
    -- the side of the target a result must fall on: 'floor' (at least), 'ceiling' (at most) or 'band'
    SELECT *,
           CASE
               WHEN target_comparator IN ('ge', 'gt') THEN CASE WHEN negated THEN 'ceiling' ELSE 'floor' END
               WHEN target_comparator IN ('le', 'lt') THEN CASE WHEN negated THEN 'floor' ELSE 'ceiling' END
               WHEN direction = 'up' THEN 'floor'
               WHEN direction = 'down' THEN 'ceiling'
               ELSE 'band'
           END AS side,
           CASE WHEN target_comparator = 'range' AND direction = 'down' THEN target_value_high
                ELSE target_value END AS bound_value
    FROM paired
)
SELECT jurisdiction, indicator, period_year, unit, target_comparator, target_value, target_value_high,
       actual_value, actual_comparator, baseline_value,
       CASE WHEN target_value <> 0 THEN CAST(actual_value AS DOUBLE) / CAST(target_value AS DOUBLE) END AS attainment,
       CASE
           WHEN actual_value IS NULL THEN 'pending'
           WHEN side = 'floor' AND actual_value >= bound_value
                AND NOT (actual_value = bound_value AND actual_value > 0 AND actual_comparator IN ('le', 'lt')) THEN 'met'
           WHEN side = 'ceiling' AND actual_value <= bound_value
                AND NOT (actual_value = bound_value AND actual_value > 0 AND actual_comparator IN ('ge', 'gt')) THEN 'met'
           WHEN side = 'band' AND actual_value BETWEEN bound_value AND coalesce(target_value_high, bound_value) THEN 'met'
           WHEN abs(actual_value - bound_value) <= 0.05 * abs(bound_value) THEN 'near'
           ELSE 'missed'
       END AS status,
       target_fact_id, actual_fact_id, link_score, link_rule, direction, actual_stated_unit
FROM bounded;
