INSERT INTO mapping_state (tenant_id, catalog, asset_id, table_id, state, reason, job_id, checked_at)
VALUES (:#tenant, :#catalog, :#asset_id, :#table_id, :#state, :#reason, NULL, now())
ON CONFLICT (tenant_id, catalog, asset_id) DO UPDATE
SET table_id = EXCLUDED.table_id, state = EXCLUDED.state, reason = EXCLUDED.reason, job_id = NULL,
    checked_at = EXCLUDED.checked_at
