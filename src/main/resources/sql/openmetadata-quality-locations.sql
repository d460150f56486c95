SELECT asset_id, table_fqn AS location
FROM openmetadata_mapping
WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
