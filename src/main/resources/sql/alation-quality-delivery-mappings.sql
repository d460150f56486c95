SELECT asset_id, table_id, table_key
FROM alation_mapping
WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
