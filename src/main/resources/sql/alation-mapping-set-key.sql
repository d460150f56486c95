UPDATE alation_mapping m
SET table_key = u.table_key
FROM unnest(CAST(:#table_id AS TEXT[]), CAST(:#table_key AS TEXT[])) AS u (table_id, table_key)
WHERE m.tenant_id = :#tenant_id AND m.table_id = CAST(u.table_id AS BIGINT) AND m.table_key IS NULL
