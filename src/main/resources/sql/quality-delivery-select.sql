SELECT rule_key, column_name, catalog, state, delivered_at, error
FROM quality_delivery
WHERE tenant_id = :#tenant AND asset_id = :#asset_id AND NOT removal
