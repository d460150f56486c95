SELECT asset_id, data_source_name, data_source_type, host, port, database_name, schema_name, table_name
FROM asset WHERE tenant_id = :#tenant ORDER BY asset_id
