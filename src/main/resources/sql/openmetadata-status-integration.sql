SELECT tenant_id, version, updated_at FROM openmetadata_integration WHERE tenant_id = :#tenant
