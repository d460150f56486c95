SELECT asset_id, table_id FROM openmetadata_mapping WHERE tenant_id = :#tenant
