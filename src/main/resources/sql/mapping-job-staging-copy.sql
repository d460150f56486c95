COPY mapping_job_staging (job_id, asset_id, outcome, reason, mapping, candidate_table_ids, previous_table_id, fields)
FROM STDIN
