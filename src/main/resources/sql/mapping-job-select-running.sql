SELECT job_id FROM mapping_job WHERE tenant_id = :#tenant AND status = 'IN_PROGRESS'
