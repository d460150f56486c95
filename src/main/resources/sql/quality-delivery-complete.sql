-- Completes deliveries of one tenant and catalog (a settled batch, or one delivery) in one statement; the arrays hold
-- one element per delivery, in the same order. The catalog has the claimed state of each result at delivered_to
-- (null: it holds nothing of it; with unmapped, the asset has no table there, and the delivery ends NOT_MAPPED). A
-- newer version (a newer result, or a moved mapping) keeps the delivery PENDING and due at once, with what was
-- delivered and where recorded.
UPDATE quality_delivery d
SET state = CASE WHEN d.version <> u.version THEN 'PENDING'
                 WHEN u.unmapped THEN 'NOT_MAPPED'
                 ELSE 'DELIVERED' END,
    next_attempt_at = CASE WHEN d.version = u.version THEN d.next_attempt_at ELSE now() END,
    delivered_at = CASE WHEN u.unmapped THEN NULL ELSE now() END,
    delivered_measured_at = CASE WHEN u.unmapped THEN NULL ELSE u.measured_at END,
    delivered_to = u.delivered_to,
    error = NULL
FROM (SELECT asset_id, rule_key, column_name, CAST(version AS BIGINT) AS version,
             CAST(measured_at AS TIMESTAMPTZ) AS measured_at, delivered_to, CAST(unmapped AS BOOLEAN) AS unmapped
      FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#rule_key AS TEXT[]), CAST(:#column_name AS TEXT[]),
                  CAST(:#version AS TEXT[]), CAST(:#measured_at AS TEXT[]), CAST(:#delivered_to AS TEXT[]),
                  CAST(:#unmapped AS TEXT[]))
           AS a (asset_id, rule_key, column_name, version, measured_at, delivered_to, unmapped)) AS u
WHERE d.tenant_id = :#tenant_id AND d.asset_id = u.asset_id AND d.rule_key = u.rule_key
  AND d.column_name = u.column_name AND d.catalog = :#catalog AND d.state = 'PENDING'
