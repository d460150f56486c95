INSERT INTO mapping_job_asset (job_id, asset_id, outcome, reason, mapping, candidate_table_ids, previous_table_id)
SELECT s.job_id, s.asset_id, s.outcome, s.reason, s.mapping, s.candidate_table_ids, s.previous_table_id
FROM mapping_job_staging s
WHERE s.job_id = CAST(:#job_id AS UUID)
