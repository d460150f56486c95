DELETE FROM mapping_state
WHERE tenant_id = :#tenant AND catalog = :#catalog AND asset_id = ANY (CAST(:#asset_id AS TEXT[]))
