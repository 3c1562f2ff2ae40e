-- grain: one row per input that could not be used
CREATE OR REPLACE VIEW rejected_documents AS
SELECT source_path, reason FROM read_parquet('{root}/rejected_documents.parquet');
