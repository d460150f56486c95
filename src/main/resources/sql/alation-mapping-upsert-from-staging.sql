INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id, schema_name, table_id, table_name,
                            table_key)
SELECT CAST(:#tenant_id AS VARCHAR), s.asset_id, CAST(s.fields ->> 'data_source_id' AS BIGINT),
       s.fields ->> 'data_source_name', CAST(s.fields ->> 'schema_id' AS BIGINT), s.fields ->> 'schema_name',
       CAST(s.fields ->> 'table_id' AS BIGINT), s.fields ->> 'table_name', s.fields ->> 'table_key'
FROM mapping_job_staging s
WHERE s.job_id = CAST(:#job_id AS UUID)
ON CONFLICT (tenant_id, asset_id) DO UPDATE
SET data_source_id = EXCLUDED.data_source_id,
    data_source_name = EXCLUDED.data_source_name,
    schema_id = EXCLUDED.schema_id,
    schema_name = EXCLUDED.schema_name,
    table_id = EXCLUDED.table_id,
    table_name = EXCLUDED.table_name,
    table_key = EXCLUDED.table_key,
    updated_at = now()
WHERE CAST(:#overwrite AS BOOLEAN)
