-- grain: one row per document (a file, a row of a collection, or a part of a compilation)
-- *_source: where jurisdiction, report_year and doc_type came from (manifest, collection, file_name, title, text)
-- admin_level: one per 市 of the build (metadata reads a 市 that places.csv does not list as a county-level city unless
-- its text speaks of its counties; where one of its documents does, the city's other documents are a city's too,
-- whatever they name: 2025年澜江市卫生健康委员会… names no 县(市、区) where its 教育局's does), but as given
-- (manifest, collection)
CREATE OR REPLACE VIEW documents AS
WITH docs AS (SELECT * FROM read_parquet('{root}/documents/*.parquet'))
SELECT doc_id, source_path, part, title, jurisdiction,
       CASE WHEN admin_level = 'county' AND jurisdiction LIKE '%市'
                 AND coalesce(jurisdiction_source NOT IN ('manifest', 'collection'), true)
                 AND jurisdiction IN (SELECT jurisdiction FROM docs WHERE admin_level = 'city')
            THEN 'city' ELSE admin_level END AS admin_level,
       report_year, doc_type,
       text, n_chars, encoding, flags, source_url, content_sha256,
       jurisdiction_source, report_year_source, doc_type_source
FROM docs;
