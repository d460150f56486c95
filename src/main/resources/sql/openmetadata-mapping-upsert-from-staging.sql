INSERT INTO openmetadata_mapping (tenant_id, asset_id, service_name, database_name, schema_name, table_id, table_name, table_fqn)
SELECT CAST(:#tenant_id AS VARCHAR), s.asset_id, s.fields ->> 'service_name', s.fields ->> 'database_name',
       s.fields ->> 'schema_name', CAST(s.fields ->> 'table_id' AS UUID), s.fields ->> 'table_name',
       s.fields ->> 'table_fqn'
FROM mapping_job_staging s
WHERE s.job_id = CAST(:#job_id AS UUID)
ON CONFLICT (tenant_id, asset_id) DO UPDATE
SET service_name = EXCLUDED.service_name,
    database_name = EXCLUDED.database_name,
    schema_name = EXCLUDED.schema_name,
    table_id = EXCLUDED.table_id,
    table_name = EXCLUDED.table_name,
    table_fqn = EXCLUDED.table_fqn,
    updated_at = now()
WHERE CAST(:#overwrite AS BOOLEAN)
