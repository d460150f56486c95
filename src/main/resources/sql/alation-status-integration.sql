SELECT tenant_id, version, updated_at FROM alation_integration WHERE tenant_id = :#tenant
