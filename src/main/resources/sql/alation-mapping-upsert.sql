INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id, schema_name, table_id, table_name)
VALUES (:#tenant_id, :#asset_id, :#data_source_id, :#data_source_name, :#schema_id, :#schema_name, :#table_id, :#table_name)
ON CONFLICT (tenant_id, asset_id) DO UPDATE
SET data_source_id = EXCLUDED.data_source_id,
    data_source_name = EXCLUDED.data_source_name,
    schema_id = EXCLUDED.schema_id,
    schema_name = EXCLUDED.schema_name,
    table_id = EXCLUDED.table_id,
    table_name = EXCLUDED.table_name,
    updated_at = now()
WHERE CAST(:#overwrite AS BOOLEAN)
