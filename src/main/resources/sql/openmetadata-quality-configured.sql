SELECT tenant_id FROM openmetadata_integration WHERE tenant_id = :#tenant
