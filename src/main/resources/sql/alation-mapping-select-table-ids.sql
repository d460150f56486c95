SELECT asset_id, table_id FROM alation_mapping WHERE tenant_id = :#tenant
