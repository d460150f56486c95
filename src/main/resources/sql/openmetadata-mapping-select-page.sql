SELECT asset_id, service_name, database_name, schema_name, table_id, table_name, table_fqn
FROM openmetadata_mapping WHERE tenant_id = :#tenant AND asset_id > :#after ORDER BY asset_id LIMIT :#limit
