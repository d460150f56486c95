INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id, schema_name, table_id, table_name,
                            table_key)
SELECT CAST(:#tenant_id AS VARCHAR), u.asset_id, CAST(u.data_source_id AS BIGINT), u.data_source_name,
       CAST(u.schema_id AS BIGINT), u.schema_name, CAST(u.table_id AS BIGINT), u.table_name, u.table_key
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#data_source_id AS TEXT[]), CAST(:#data_source_name AS TEXT[]),
            CAST(:#schema_id AS TEXT[]), CAST(:#schema_name AS TEXT[]), CAST(:#table_id AS TEXT[]),
            CAST(:#table_name AS TEXT[]), CAST(:#table_key AS TEXT[]))
     AS u (asset_id, data_source_id, data_source_name, schema_id, schema_name, table_id, table_name, table_key)
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
