-- grain: one row per document (a file, a row of a collection, or a part of a compilation)
-- *_source: where jurisdiction, report_year and doc_type came from (manifest, collection, file_name, title, text)
CREATE OR REPLACE VIEW documents AS
SELECT doc_id, source_path, part, title, jurisdiction, admin_level, report_year, doc_type,
       text, n_chars, encoding, flags, source_url, content_sha256,
       jurisdiction_source, report_year_source, doc_type_source
FROM read_parquet('{root}/documents/*.parquet');
