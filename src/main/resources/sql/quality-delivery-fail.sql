UPDATE quality_delivery
SET state = CASE WHEN version = :#version AND CAST(:#final AS BOOLEAN) THEN 'FAILED' ELSE 'PENDING' END,
    next_attempt_at = now() + CAST(:#retry_seconds AS INTEGER) * INTERVAL '1 second',
    error = :#error
WHERE tenant_id = :#tenant_id AND asset_id = :#asset_id AND rule_key = :#rule_key AND column_name = :#column_name
  AND catalog = :#catalog AND state = 'PENDING'
