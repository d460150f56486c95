-- OpenMetadata's locations of delivered quality results (V11): a result delivered before V11 was delivered to the
-- table its asset is mapped to now, named as sql/openmetadata-quality-locations.sql names it (the table's FQN).
UPDATE quality_delivery d
SET delivered_to = m.table_fqn
FROM openmetadata_mapping m
WHERE d.catalog = 'openmetadata' AND d.state = 'DELIVERED' AND NOT d.removal
  AND m.tenant_id = d.tenant_id AND m.asset_id = d.asset_id;
