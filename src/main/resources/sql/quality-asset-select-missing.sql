SELECT u.asset_id
FROM unnest(CAST(:#asset_ids AS TEXT[])) AS u (asset_id)
WHERE NOT EXISTS (SELECT 1 FROM asset a WHERE a.tenant_id = :#tenant AND a.asset_id = u.asset_id)
ORDER BY u.asset_id
LIMIT 20
