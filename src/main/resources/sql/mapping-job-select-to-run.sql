SELECT job_id, tenant_id, catalog, kind, status, should_overwrite, dry_run, repair
FROM mapping_job WHERE job_id = CAST(:#jobId AS UUID)
