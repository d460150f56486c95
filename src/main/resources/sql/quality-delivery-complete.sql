UPDATE quality_delivery
SET state = CASE WHEN version = :#version THEN 'DELIVERED' ELSE 'PENDING' END,
    next_attempt_at = CASE WHEN version = :#version THEN next_attempt_at ELSE now() END,
    delivered_at = now(),
    delivered_measured_at = CAST(:#measured_at AS TIMESTAMPTZ),
    error = NULL
WHERE tenant_id = :#tenant_id AND asset_id = :#asset_id AND rule_key = :#rule_key AND column_name = :#column_name
  AND catalog = :#catalog AND state = 'PENDING'
