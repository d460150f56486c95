-- Drops the records of the given assets that hold nothing any more (no flag, no summary).
DELETE FROM alation_quality_asset
WHERE tenant_id = :#tenant_id AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
  AND flag_id IS NULL AND rich_text_table_id IS NULL
