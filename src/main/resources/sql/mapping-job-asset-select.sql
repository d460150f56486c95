SELECT asset_id, outcome, reason, CAST(mapping AS TEXT) AS mapping,
       CAST(candidate_table_ids AS TEXT) AS candidate_table_ids
FROM mapping_job_asset WHERE job_id = CAST(:#job_id AS UUID) ORDER BY asset_id
