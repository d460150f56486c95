DELETE FROM mapping_job_asset WHERE job_id = CAST(:#jobId AS UUID)
