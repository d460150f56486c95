-- The asset goes with its results and mappings. Its deliveries stay as removals where a catalog holds (or may be
-- getting) a copy of a result, so that the wing removes it there (from delivered_to); the rest go.
WITH removals AS (
    UPDATE quality_delivery
    SET removal = true, state = 'PENDING', measured_at = NULL, version = version + 1, attempts = 0, error = NULL,
        queued_at = now(), next_attempt_at = now()
    WHERE tenant_id = :#tenant AND asset_id = :#asset_id AND (delivered_to IS NOT NULL OR state = 'PENDING')),
forgotten AS (
    DELETE FROM quality_delivery
    WHERE tenant_id = :#tenant AND asset_id = :#asset_id AND delivered_to IS NULL AND state <> 'PENDING')
DELETE FROM asset WHERE tenant_id = :#tenant AND asset_id = :#asset_id
