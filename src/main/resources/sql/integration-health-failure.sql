INSERT INTO integration_health (tenant_id, catalog, last_error_at, last_error_message, last_refused_at)
VALUES (:#tenant, :#catalog, CAST(:#at AS TIMESTAMPTZ), :#message,
        CASE WHEN :#refused THEN CAST(:#at AS TIMESTAMPTZ) END)
ON CONFLICT (tenant_id, catalog) DO UPDATE
SET last_error_at = GREATEST(integration_health.last_error_at, EXCLUDED.last_error_at),
    last_error_message = CASE WHEN integration_health.last_error_at > EXCLUDED.last_error_at
                              THEN integration_health.last_error_message ELSE EXCLUDED.last_error_message END,
    last_refused_at = GREATEST(integration_health.last_refused_at, EXCLUDED.last_refused_at)
