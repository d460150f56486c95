INSERT INTO mapping_job (job_id, tenant_id, catalog, status, should_overwrite)
VALUES (:#job_id, :#tenant_id, :#catalog, 'IN_PROGRESS', :#should_overwrite)
ON CONFLICT (tenant_id, catalog) WHERE status = 'IN_PROGRESS' DO NOTHING
