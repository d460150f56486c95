SELECT asset_id, data_source_id, data_source_name, schema_id, schema_name, table_id, table_name
FROM alation_mapping WHERE tenant_id = :#tenant AND asset_id > :#after ORDER BY asset_id LIMIT :#limit
