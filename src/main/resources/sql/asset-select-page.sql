SELECT asset_id, data_source_name, data_source_type, host, port, database_name AS "database", schema_name AS "schema", table_name AS "table"
FROM asset WHERE tenant_id = :#tenant ORDER BY asset_id LIMIT :#limit OFFSET :#offset
