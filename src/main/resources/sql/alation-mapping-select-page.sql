SELECT m.asset_id, m.data_source_id, m.data_source_name, m.schema_id, m.schema_name, m.table_id, m.table_name,
       s.state
FROM alation_mapping m
LEFT JOIN mapping_state s
       ON s.tenant_id = m.tenant_id AND s.catalog = 'alation' AND s.asset_id = m.asset_id
      AND s.table_id = CAST(m.table_id AS TEXT)
WHERE m.tenant_id = :#tenant AND m.asset_id > :#after
  AND (NOT CAST(:#stale AS BOOLEAN) OR s.state <> 'OK')
ORDER BY m.asset_id LIMIT :#limit
