INSERT INTO quality_delivery (tenant_id, asset_id, rule_key, column_name, catalog, state, removal, measured_at)
SELECT CAST(:#tenant_id AS VARCHAR), u.asset_id, u.rule_key, u.column_name, u.catalog, u.state,
       CAST(u.removal AS BOOLEAN), CAST(u.measured_at AS TIMESTAMPTZ)
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#rule_key AS TEXT[]), CAST(:#column_name AS TEXT[]),
            CAST(:#catalog AS TEXT[]), CAST(:#state AS TEXT[]), CAST(:#removal AS TEXT[]),
            CAST(:#measured_at AS TEXT[]))
     AS u (asset_id, rule_key, column_name, catalog, state, removal, measured_at)
ON CONFLICT (tenant_id, asset_id, rule_key, column_name, catalog) DO UPDATE
-- a NOT_MAPPED result whose older copy the catalog still holds stays PENDING: the wing removes that copy
SET state = CASE WHEN EXCLUDED.state = 'NOT_MAPPED' AND quality_delivery.delivered_to IS NOT NULL THEN 'PENDING'
                 ELSE EXCLUDED.state END,
    removal = EXCLUDED.removal,
    measured_at = EXCLUDED.measured_at,
    version = quality_delivery.version + 1,
    attempts = 0,
    error = NULL,
    queued_at = CASE WHEN quality_delivery.state = 'PENDING' THEN quality_delivery.queued_at ELSE now() END,
    next_attempt_at = CASE WHEN quality_delivery.state = 'PENDING' THEN quality_delivery.next_attempt_at ELSE now() END
