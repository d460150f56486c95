DELETE FROM mapping_job_staging WHERE job_id = CAST(:#job_id AS UUID)
