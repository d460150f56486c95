-- Alation's locations of delivered quality results (V11): a result delivered before V11 was delivered to the table
-- its asset is mapped to now, named as sql/alation-quality-locations.sql names it (the table's id).
UPDATE quality_delivery d
SET delivered_to = CAST(m.table_id AS TEXT)
FROM alation_mapping m
WHERE d.catalog = 'alation' AND d.state = 'DELIVERED' AND NOT d.removal
  AND m.tenant_id = d.tenant_id AND m.asset_id = d.asset_id;
