SELECT asset_id, rule_key, column_name, rule_name, rule_description, value_type, status, value, url, measured_at,
       received_at
FROM quality_result
WHERE tenant_id = :#tenant AND asset_id = :#asset_id
ORDER BY rule_key, column_name
