-- Where a job's write stages its rows: the write streams every per-asset outcome (a MAPPED one with its mapping and
-- the wing's columns of it) in through COPY, then fills the wing's mapping table and mapping_job_asset from here with
-- one statement each, and deletes its rows before it commits. Rows live only inside that one transaction (no other
-- transaction ever sees them, a rolled-back write leaves none), so the table needs no WAL: UNLOGGED, emptied by a
-- crash, which loses nothing. A table rather than a temporary one: nothing is created or dropped at run time.
-- fields: the wing's columns of a MAPPED asset's mapping (JobMappings.stagingFields), as a JSON object whose keys
-- its sql/<catalog>-mapping-upsert-from-staging.sql reads.
CREATE UNLOGGED TABLE mapping_job_staging (
    job_id              UUID  NOT NULL,
    asset_id            TEXT  NOT NULL,
    outcome             TEXT  NOT NULL,
    reason              TEXT,
    mapping             JSONB,
    candidate_table_ids JSONB,
    previous_table_id   JSONB,
    fields              JSONB
);
CREATE INDEX mapping_job_staging_job ON mapping_job_staging (job_id);
