-- grain: one row per document left out because an earlier file or part gave the same text
CREATE OR REPLACE VIEW duplicates AS
SELECT source_path, part, doc_id, duplicate_of FROM read_parquet('{root}/duplicates.parquet');
