UPDATE mapping_job
SET status = 'COMPLETED', finished_at = now(), plan = :#plan, pages_read = :#pages_read, tables_read = :#tables_read,
    objects_skipped = CAST(:#objects_skipped AS JSONB),
    assets = :#assets, mapped = :#mapped, unchanged = :#unchanged, ambiguous = :#ambiguous, unmatched = :#unmatched,
    ok = :#ok, renamed = :#renamed, moved = :#moved, gone = :#gone, repaired = :#repaired
WHERE job_id = CAST(:#job_id AS UUID) AND status = 'IN_PROGRESS'
