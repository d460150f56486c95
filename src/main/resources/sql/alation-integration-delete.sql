DELETE FROM alation_integration WHERE tenant_id = :#tenant
