COPY mapping_job_asset (job_id, asset_id, outcome, reason, mapping, candidate_table_ids, previous_table_id)
FROM STDIN
