DELETE FROM quality_result
WHERE tenant_id = :#tenant AND asset_id = :#asset_id AND rule_key = :#rule_key AND column_name = :#column_name
