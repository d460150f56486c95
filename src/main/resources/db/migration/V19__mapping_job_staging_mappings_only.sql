-- A job's write now streams its per-asset outcomes by COPY straight into mapping_job_asset, and stages only the
-- mappings it writes (the wing's columns, in 'fields') for the wing's one set-based upsert: the staged outcome
-- columns go. The table is empty outside a job's write transaction (V18), so no row is lost.
ALTER TABLE mapping_job_staging
    DROP COLUMN outcome,
    DROP COLUMN reason,
    DROP COLUMN mapping,
    DROP COLUMN candidate_table_ids,
    DROP COLUMN previous_table_id;
ALTER TABLE mapping_job_staging ALTER COLUMN fields SET NOT NULL;
