DELETE FROM openmetadata_integration WHERE tenant_id = :#tenant
