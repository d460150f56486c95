SELECT job_id, status, finished_at FROM mapping_job WHERE tenant_id = :#tenant AND catalog = :#catalog
ORDER BY created_at DESC, job_id LIMIT 1
