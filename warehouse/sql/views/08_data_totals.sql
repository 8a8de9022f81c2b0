-- One row: what data/ holds, for the counts page and the README's claims.
CREATE OR REPLACE VIEW data_totals AS
SELECT
  (SELECT count(*) FROM authorities WHERE status = 'current')::INTEGER AS current_authorities,
  (SELECT count(*) FROM authorities WHERE status = 'predecessor')::INTEGER AS predecessor_authorities,
  (SELECT count(DISTINCT la_code) FROM inspections)::INTEGER AS authorities_inspected,
  (SELECT count(*) FROM inspections)::INTEGER AS inspections,
  (SELECT count(*) FROM judgements)::INTEGER AS judgements,
  (SELECT count(*) FROM ingest_accounting)::INTEGER AS source_files,
  (SELECT count(*) FROM ingest_accounting WHERE outcome = 'ingested')::INTEGER AS files_ingested,
  (SELECT count(*) FROM ingest_accounting WHERE outcome = 'out_of_scope')::INTEGER AS files_out_of_scope,
  (SELECT count(*) FROM ingest_accounting WHERE outcome = 'quarantined')::INTEGER AS files_quarantined,
  (SELECT CAST(min(published_date) AS VARCHAR) FROM inspections) AS first_published,
  (SELECT CAST(data_as_at AS VARCHAR) FROM data_as_at) AS last_published;
