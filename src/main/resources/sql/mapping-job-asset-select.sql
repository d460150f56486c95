SELECT asset_id, outcome, reason, CAST(mapping AS TEXT) AS mapping,
       CAST(candidate_table_ids AS TEXT) AS candidate_table_ids, CAST(previous_table_id AS TEXT) AS previous_table_id,
       CAST(previous_mapping AS TEXT) AS previous_mapping, repaired
FROM mapping_job_asset WHERE job_id = CAST(:#job_id AS UUID) ORDER BY asset_id
