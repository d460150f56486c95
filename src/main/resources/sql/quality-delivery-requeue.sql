-- Queues again, for one catalog, the results of the given assets whose delivery no longer matches where the asset is
-- mapped (u.location, null when unmapped): never queued there (the integration, or its push, came later), held in
-- the catalog elsewhere (delivered_to: the mapping changed or went), or NOT_MAPPED while the asset now has a table.
-- PENDING rows get a new version too, so that a delivery in flight to the old table completes as PENDING and goes
-- again. The wing moves each copy when it delivers (QualityBatch.delivered names where it is now).
INSERT INTO quality_delivery (tenant_id, asset_id, rule_key, column_name, catalog, state, removal, measured_at)
SELECT r.tenant_id, r.asset_id, r.rule_key, r.column_name, CAST(:#catalog AS VARCHAR),
       CASE WHEN u.location IS NULL AND d.delivered_to IS NULL THEN 'NOT_MAPPED' ELSE 'PENDING' END, false,
       r.measured_at
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#location AS TEXT[])) AS u (asset_id, location)
JOIN quality_result r ON r.tenant_id = :#tenant AND r.asset_id = u.asset_id
LEFT JOIN quality_delivery d
       ON d.tenant_id = r.tenant_id AND d.asset_id = r.asset_id AND d.rule_key = r.rule_key
      AND d.column_name = r.column_name AND d.catalog = :#catalog
WHERE d.tenant_id IS NULL
   OR d.removal
   OR d.state = 'PENDING'
   OR d.delivered_to IS DISTINCT FROM u.location
   OR d.state = 'NOT_MAPPED' AND u.location IS NOT NULL
ON CONFLICT (tenant_id, asset_id, rule_key, column_name, catalog) DO UPDATE
SET state = EXCLUDED.state,
    removal = false,
    measured_at = EXCLUDED.measured_at,
    version = quality_delivery.version + 1,
    attempts = 0,
    error = NULL,
    queued_at = CASE WHEN quality_delivery.state = 'PENDING' THEN quality_delivery.queued_at ELSE now() END,
    next_attempt_at = CASE WHEN quality_delivery.state = 'PENDING' THEN quality_delivery.next_attempt_at ELSE now() END
