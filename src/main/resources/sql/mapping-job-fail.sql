UPDATE mapping_job SET status = 'FAILED', finished_at = now(), error_message = :#error_message
WHERE job_id = CAST(:#job_id AS UUID) AND status = 'IN_PROGRESS'
