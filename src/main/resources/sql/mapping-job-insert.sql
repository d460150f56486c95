INSERT INTO mapping_job (job_id, tenant_id, catalog, kind, status, should_overwrite, dry_run, repair)
VALUES (:#job_id, :#tenant_id, :#catalog, :#kind, 'IN_PROGRESS', :#should_overwrite, :#dry_run, :#repair)
ON CONFLICT (tenant_id, catalog) WHERE status = 'IN_PROGRESS' DO NOTHING
