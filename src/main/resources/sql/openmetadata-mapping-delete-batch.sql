DELETE FROM openmetadata_mapping WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_id AS TEXT[]))
