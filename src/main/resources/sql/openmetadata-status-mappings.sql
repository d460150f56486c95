SELECT count(*) AS mappings, count(s.asset_id) FILTER (WHERE s.state <> 'OK') AS stale_mappings
FROM openmetadata_mapping m
LEFT JOIN mapping_state s
       ON s.tenant_id = m.tenant_id AND s.catalog = 'openmetadata' AND s.asset_id = m.asset_id
      AND s.table_id = CAST(m.table_id AS TEXT)
WHERE m.tenant_id = :#tenant
