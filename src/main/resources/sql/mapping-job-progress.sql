UPDATE mapping_job SET plan = :#plan, pages_read = :#pages_read, tables_read = :#tables_read,
    objects_skipped = CAST(:#objects_skipped AS JSONB)
WHERE job_id = CAST(:#job_id AS UUID) AND status = 'IN_PROGRESS'
