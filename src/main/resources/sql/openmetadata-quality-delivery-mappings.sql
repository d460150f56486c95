SELECT asset_id, table_fqn, CAST(table_id AS TEXT) AS table_id
FROM openmetadata_mapping
WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
