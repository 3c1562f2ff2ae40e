-- grain: one row per canonical indicator of the lexicon
CREATE OR REPLACE VIEW indicators AS
SELECT indicator, unit, direction, synonyms, description FROM read_parquet('{root}/indicators.parquet');
