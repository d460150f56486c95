UPDATE mapping_job SET plan = :#plan, pages_read = :#pages_read, tables_read = :#tables_read
WHERE job_id = CAST(:#job_id AS UUID) AND status = 'IN_PROGRESS'
