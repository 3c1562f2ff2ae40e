-- grain: one row per document that another version of its report supersedes (a 修订稿 beside the report it
-- revises, a draft beside its final text, a copy cut short beside the whole: pipeline/versions.py). The document
-- and its facts stay in documents and facts; linking, int_targets, int_actuals and plan_vs_actual leave them out.
CREATE OR REPLACE VIEW document_versions AS
SELECT doc_id, source_path, part, superseded_by, superseded_by_path, reason
FROM read_parquet('{root}/document_versions.parquet');
