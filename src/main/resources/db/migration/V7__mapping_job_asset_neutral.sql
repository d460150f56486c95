-- A job's per-asset outcomes are the core's, for every catalog: Alation's columns (BIGINT ids) cannot hold another
-- catalog's mapping (OpenMetadata's ids are UUIDs, its mapping has other fields). A MAPPED asset's mapping is now kept
-- as its wing writes it, in the catalog's documented JSON shape, and an ambiguous asset's candidates as a JSON array
-- of the catalog's ids (numbers for Alation, strings for catalogs with UUIDs).
ALTER TABLE mapping_job_asset ADD COLUMN mapping JSONB;

-- Every existing job is Alation's: its MAPPED rows become Alation's mapping JSON, with the field names of
-- io.catalogbridge.alation.AlationMapping and without nulls (as the service's Jackson writes it, non_null), so that
-- a job finished before the upgrade reports exactly what it reported before.
UPDATE mapping_job_asset
SET mapping = jsonb_strip_nulls(jsonb_build_object(
        'asset_id', asset_id,
        'data_source_id', data_source_id,
        'data_source_name', data_source_name,
        'schema_id', schema_id,
        'schema_name', schema_name,
        'table_id', table_id,
        'table_name', table_name))
WHERE outcome = 'MAPPED';

-- The candidates keep their column name (the report's field), their values become a JSON array: [300, 301].
ALTER TABLE mapping_job_asset ADD COLUMN candidate_table_ids_json JSONB;
UPDATE mapping_job_asset SET candidate_table_ids_json = to_jsonb(candidate_table_ids)
WHERE candidate_table_ids IS NOT NULL;
ALTER TABLE mapping_job_asset DROP COLUMN candidate_table_ids;
ALTER TABLE mapping_job_asset RENAME COLUMN candidate_table_ids_json TO candidate_table_ids;

ALTER TABLE mapping_job_asset
    DROP COLUMN data_source_id,
    DROP COLUMN data_source_name,
    DROP COLUMN schema_id,
    DROP COLUMN schema_name,
    DROP COLUMN table_id,
    DROP COLUMN table_name;
