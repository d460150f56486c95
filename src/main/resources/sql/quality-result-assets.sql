SELECT DISTINCT asset_id
FROM quality_result
WHERE tenant_id = :#tenant AND (CAST(:#every AS BOOLEAN) OR asset_id = ANY (CAST(:#asset_ids AS TEXT[])))
