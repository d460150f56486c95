-- The catalog has the claimed state of the result at delivered_to (null: it holds nothing of it; with unmapped, the
-- asset has no table there, and the delivery ends NOT_MAPPED). A newer version (a newer result, or a moved mapping)
-- keeps the delivery PENDING and due at once, with what was delivered and where recorded.
UPDATE quality_delivery
SET state = CASE WHEN version <> :#version THEN 'PENDING'
                 WHEN CAST(:#unmapped AS BOOLEAN) THEN 'NOT_MAPPED'
                 ELSE 'DELIVERED' END,
    next_attempt_at = CASE WHEN version = :#version THEN next_attempt_at ELSE now() END,
    delivered_at = CASE WHEN CAST(:#unmapped AS BOOLEAN) THEN NULL ELSE now() END,
    delivered_measured_at = CASE WHEN CAST(:#unmapped AS BOOLEAN) THEN NULL
                                 ELSE CAST(:#measured_at AS TIMESTAMPTZ) END,
    delivered_to = :#delivered_to,
    error = NULL
WHERE tenant_id = :#tenant_id AND asset_id = :#asset_id AND rule_key = :#rule_key AND column_name = :#column_name
  AND catalog = :#catalog AND state = 'PENDING'
