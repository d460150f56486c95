-- Where each catalog holds each result (issue 11): a result follows its asset's mapping, so when the mapping changes
-- (another table, or none) the catalog's copy is to leave the old table, and when the asset is deleted its copies are
-- to be removed from the catalogs. Both need to know where the copy is, not only where it should be.
--
-- delivered_to: the wing's name of the place the catalog holds the result (its table, as the wing's
-- sql/<catalog>-quality-locations.sql names it); null when the catalog holds nothing of it. Set when a delivery
-- completes; a delivery whose asset's location differs from it moves the copy.
ALTER TABLE quality_delivery ADD COLUMN delivered_to TEXT;

-- A deleted asset's deliveries outlive it (sql/asset-delete.sql turns them into removals): the queue no longer
-- follows the asset table. Its results still go with it.
ALTER TABLE quality_delivery DROP CONSTRAINT quality_delivery_tenant_id_asset_id_fkey;
