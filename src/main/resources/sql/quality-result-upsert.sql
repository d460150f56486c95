INSERT INTO quality_result (tenant_id, asset_id, rule_key, column_name, rule_name, rule_description, value_type,
                            status, value, url, measured_at)
SELECT CAST(:#tenant_id AS VARCHAR), u.asset_id, u.rule_key, u.column_name, u.rule_name, u.rule_description,
       u.value_type, u.status, u.value, u.url, CAST(u.measured_at AS TIMESTAMPTZ)
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#rule_key AS TEXT[]), CAST(:#column_name AS TEXT[]),
            CAST(:#rule_name AS TEXT[]), CAST(:#rule_description AS TEXT[]), CAST(:#value_type AS TEXT[]),
            CAST(:#status AS TEXT[]), CAST(:#value AS TEXT[]), CAST(:#url AS TEXT[]), CAST(:#measured_at AS TEXT[]))
     AS u (asset_id, rule_key, column_name, rule_name, rule_description, value_type, status, value, url, measured_at)
ON CONFLICT (tenant_id, asset_id, rule_key, column_name) DO UPDATE
SET rule_name = EXCLUDED.rule_name,
    rule_description = EXCLUDED.rule_description,
    value_type = EXCLUDED.value_type,
    status = EXCLUDED.status,
    value = EXCLUDED.value,
    url = EXCLUDED.url,
    measured_at = EXCLUDED.measured_at,
    received_at = now()
WHERE quality_result.measured_at < EXCLUDED.measured_at
   OR quality_result.measured_at = EXCLUDED.measured_at
      AND (quality_result.rule_name, quality_result.rule_description, quality_result.value_type,
           quality_result.status, quality_result.value, quality_result.url)
          IS DISTINCT FROM (EXCLUDED.rule_name, EXCLUDED.rule_description, EXCLUDED.value_type,
                            EXCLUDED.status, EXCLUDED.value, EXCLUDED.url)
RETURNING asset_id, rule_key, column_name, CAST(measured_at AS TEXT) AS measured_at
