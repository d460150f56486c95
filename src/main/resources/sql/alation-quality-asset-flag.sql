-- Records the trust flag standing for an asset (its id, table and reason), or, all null, that none stands. Written
-- right after each flag call, so that a flag created is never forgotten (its POST is not idempotent).
INSERT INTO alation_quality_asset (tenant_id, asset_id, flag_table_id, flag_id, flag_reason)
VALUES (:#tenant_id, :#asset_id, CAST(:#flag_table_id AS BIGINT), CAST(:#flag_id AS BIGINT), :#flag_reason)
ON CONFLICT (tenant_id, asset_id) DO UPDATE
SET flag_table_id = EXCLUDED.flag_table_id,
    flag_id = EXCLUDED.flag_id,
    flag_reason = EXCLUDED.flag_reason
