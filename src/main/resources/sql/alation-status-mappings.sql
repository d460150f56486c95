SELECT count(*) AS mappings FROM alation_mapping WHERE tenant_id = :#tenant
