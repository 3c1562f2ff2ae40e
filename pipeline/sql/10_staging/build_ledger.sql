-- grain: one row per raw file seen by the build that wrote this warehouse
CREATE OR REPLACE VIEW build_ledger AS
SELECT * FROM read_parquet('{root}/ledger.parquet');
