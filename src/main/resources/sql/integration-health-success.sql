INSERT INTO integration_health (tenant_id, catalog, last_success_at)
VALUES (:#tenant, :#catalog, CAST(:#at AS TIMESTAMPTZ))
ON CONFLICT (tenant_id, catalog) DO UPDATE
SET last_success_at = GREATEST(integration_health.last_success_at, EXCLUDED.last_success_at),
    last_refused_at = CASE WHEN integration_health.last_refused_at <= EXCLUDED.last_success_at THEN NULL
                           ELSE integration_health.last_refused_at END
