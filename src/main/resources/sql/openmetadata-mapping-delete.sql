DELETE FROM openmetadata_mapping WHERE tenant_id = :#tenant AND asset_id = :#asset_id
