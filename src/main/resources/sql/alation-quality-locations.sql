SELECT asset_id, CAST(table_id AS TEXT) AS location
FROM alation_mapping
WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
