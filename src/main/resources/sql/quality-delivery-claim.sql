WITH due AS (
    SELECT tenant_id, asset_id, rule_key, column_name, catalog
    FROM quality_delivery
    WHERE catalog = :#catalog AND state = 'PENDING' AND next_attempt_at <= now()
    ORDER BY next_attempt_at
    LIMIT :#limit
    FOR UPDATE SKIP LOCKED)
UPDATE quality_delivery d
SET attempts = d.attempts + 1,
    next_attempt_at = now() + CAST(:#lease_seconds AS INTEGER) * INTERVAL '1 second'
FROM due
LEFT JOIN quality_result r
       ON r.tenant_id = due.tenant_id AND r.asset_id = due.asset_id AND r.rule_key = due.rule_key
      AND r.column_name = due.column_name
WHERE d.tenant_id = due.tenant_id AND d.asset_id = due.asset_id AND d.rule_key = due.rule_key
  AND d.column_name = due.column_name AND d.catalog = due.catalog
RETURNING d.tenant_id, d.asset_id, d.rule_key, d.column_name, d.catalog, d.removal, d.version, d.attempts,
          d.measured_at, d.delivered_to, r.rule_name, r.rule_description, r.value_type, r.status, r.value,
          r.url
