INSERT INTO openmetadata_mapping (tenant_id, asset_id, service_name, database_name, schema_name, table_id, table_name, table_fqn)
SELECT CAST(:#tenant_id AS VARCHAR), u.asset_id, u.service_name, u.database_name, u.schema_name,
       CAST(u.table_id AS UUID), u.table_name, u.table_fqn
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#service_name AS TEXT[]), CAST(:#database_name AS TEXT[]),
            CAST(:#schema_name AS TEXT[]), CAST(:#table_id AS TEXT[]), CAST(:#table_name AS TEXT[]),
            CAST(:#table_fqn AS TEXT[]))
     AS u (asset_id, service_name, database_name, schema_name, table_id, table_name, table_fqn)
ON CONFLICT (tenant_id, asset_id) DO UPDATE
SET service_name = EXCLUDED.service_name,
    database_name = EXCLUDED.database_name,
    schema_name = EXCLUDED.schema_name,
    table_id = EXCLUDED.table_id,
    table_name = EXCLUDED.table_name,
    table_fqn = EXCLUDED.table_fqn,
    updated_at = now()
WHERE CAST(:#overwrite AS BOOLEAN)
