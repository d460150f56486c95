UPDATE mapping_job
SET started_at = now(), attempts = attempts + 1, pages_read = 0, tables_read = 0, plan = NULL, objects_skipped = NULL
WHERE job_id = CAST(:#jobId AS UUID) AND status = 'IN_PROGRESS'
