SELECT job_id, tenant_id, catalog, kind, status, should_overwrite, dry_run, repair, error_message, plan, pages_read,
       tables_read, CAST(objects_skipped AS TEXT) AS objects_skipped, assets, mapped, unchanged, ambiguous, unmatched,
       ok, renamed, moved, gone, repaired, attempts
FROM mapping_job WHERE job_id = CAST(:#job_id AS UUID) AND tenant_id = :#tenant AND catalog = :#catalog
