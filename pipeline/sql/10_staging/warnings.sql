-- grain: one row per warning about a document's metadata or a manifest row (the build prints them too)
-- field: jurisdiction, report_year, doc_type, admin_level, path or manifest; doc_id NULL for a manifest row
CREATE OR REPLACE VIEW warnings AS
SELECT source_path, part, doc_id, field, message FROM read_parquet('{root}/warnings.parquet');
