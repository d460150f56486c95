SELECT asset_id, outcome, reason, candidate_table_ids, data_source_id, data_source_name, schema_id, schema_name,
       table_id, table_name
FROM mapping_job_asset WHERE job_id = CAST(:#job_id AS UUID) ORDER BY asset_id
