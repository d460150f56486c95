SELECT job_id FROM mapping_job WHERE tenant_id = :#tenant AND catalog = :#catalog AND status = 'IN_PROGRESS'
