SELECT tenant_id, version, updated_at FROM alation_integration ORDER BY tenant_id
