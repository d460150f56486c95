INSERT INTO mapping_state (tenant_id, catalog, asset_id, table_id, state, reason, job_id, checked_at)
SELECT CAST(:#tenant AS VARCHAR), CAST(:#catalog AS VARCHAR), u.asset_id, u.table_id, u.state, u.reason,
       CAST(:#job_id AS UUID), now()
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#table_id AS TEXT[]), CAST(:#state AS TEXT[]), CAST(:#reason AS TEXT[]))
     AS u (asset_id, table_id, state, reason)
ON CONFLICT (tenant_id, catalog, asset_id) DO UPDATE
SET table_id = EXCLUDED.table_id, state = EXCLUDED.state, reason = EXCLUDED.reason, job_id = EXCLUDED.job_id,
    checked_at = EXCLUDED.checked_at
