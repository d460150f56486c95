-- Every result of the given assets (not only a batch's): what an asset's trust flag and rich-text summary say.
SELECT asset_id, rule_key, column_name, rule_name, status, value, url,
       to_char(measured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS measured_at
FROM quality_result
WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
ORDER BY asset_id, rule_key, column_name
