-- grain: one row per document (a file, a row of a collection, or a part of a compilation)
CREATE OR REPLACE VIEW documents AS
SELECT doc_id, source_path, part, title, jurisdiction, admin_level, report_year, doc_type,
       text, n_chars, encoding, flags, source_url, content_sha256
FROM read_parquet('{root}/documents/*.parquet');
