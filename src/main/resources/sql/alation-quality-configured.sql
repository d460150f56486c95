SELECT tenant_id FROM alation_integration WHERE tenant_id = :#tenant AND quality_push
