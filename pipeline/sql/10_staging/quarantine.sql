-- grain: one row per (fact row, expectation it failed)
CREATE OR REPLACE VIEW quarantine AS
SELECT * FROM read_parquet('{root}/quarantine.parquet');
