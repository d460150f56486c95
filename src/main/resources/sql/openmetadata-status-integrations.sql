SELECT tenant_id, version, updated_at FROM openmetadata_integration ORDER BY tenant_id
