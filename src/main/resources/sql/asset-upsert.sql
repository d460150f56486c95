INSERT INTO asset (tenant_id, asset_id, data_source_name, data_source_type, host, port, database_name, schema_name, table_name)
VALUES (:#tenant_id, :#asset_id, :#data_source_name, :#data_source_type, :#host, :#port, :#database_name, :#schema_name, :#table_name)
ON CONFLICT (tenant_id, asset_id) DO UPDATE
SET data_source_name = EXCLUDED.data_source_name,
    data_source_type = EXCLUDED.data_source_type,
    host = EXCLUDED.host,
    port = EXCLUDED.port,
    database_name = EXCLUDED.database_name,
    schema_name = EXCLUDED.schema_name,
    table_name = EXCLUDED.table_name,
    updated_at = now()
