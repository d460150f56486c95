SELECT job_id, tenant_id, catalog, status, should_overwrite FROM mapping_job WHERE job_id = CAST(:#jobId AS UUID)
