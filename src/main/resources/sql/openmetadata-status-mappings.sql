SELECT count(*) AS mappings FROM openmetadata_mapping WHERE tenant_id = :#tenant
