-- Records the rich-text summaries written for assets (table, field, hash of the value; all null: none, "" written).
INSERT INTO alation_quality_asset (tenant_id, asset_id, rich_text_table_id, rich_text_field_id, rich_text_hash)
SELECT :#tenant_id, u.asset_id, CAST(u.table_id AS BIGINT), CAST(u.field_id AS BIGINT), u.hash
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#table_id AS TEXT[]), CAST(:#field_id AS TEXT[]),
            CAST(:#hash AS TEXT[])) AS u (asset_id, table_id, field_id, hash)
ON CONFLICT (tenant_id, asset_id) DO UPDATE
SET rich_text_table_id = EXCLUDED.rich_text_table_id,
    rich_text_field_id = EXCLUDED.rich_text_field_id,
    rich_text_hash = EXCLUDED.rich_text_hash
