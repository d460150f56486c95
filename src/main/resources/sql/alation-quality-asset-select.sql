SELECT asset_id, flag_table_id, flag_id, flag_reason, rich_text_table_id, rich_text_field_id, rich_text_hash
FROM alation_quality_asset
WHERE tenant_id = :#tenant AND asset_id = ANY (CAST(:#asset_ids AS TEXT[]))
