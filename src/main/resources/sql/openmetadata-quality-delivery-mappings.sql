SELECT asset_id, table_fqn
FROM openmetadata_mapping
WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
