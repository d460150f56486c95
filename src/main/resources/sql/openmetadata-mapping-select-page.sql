SELECT m.asset_id, m.service_name, m.database_name, m.schema_name, m.table_id, m.table_name, m.table_fqn, s.state
FROM openmetadata_mapping m
LEFT JOIN mapping_state s
       ON s.tenant_id = m.tenant_id AND s.catalog = 'openmetadata' AND s.asset_id = m.asset_id
      AND s.table_id = CAST(m.table_id AS TEXT)
WHERE m.tenant_id = :#tenant AND m.asset_id > :#after
  AND (NOT CAST(:#stale AS BOOLEAN) OR s.state <> 'OK')
ORDER BY m.asset_id LIMIT :#limit
