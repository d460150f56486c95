INSERT INTO mapping_job (job_id, tenant_id, status, should_overwrite)
VALUES (:#job_id, :#tenant_id, 'IN_PROGRESS', :#should_overwrite)
ON CONFLICT (tenant_id) WHERE status = 'IN_PROGRESS' DO NOTHING
