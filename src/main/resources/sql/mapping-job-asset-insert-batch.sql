INSERT INTO mapping_job_asset (job_id, asset_id, outcome, reason, mapping, candidate_table_ids, previous_table_id,
                               previous_mapping, repaired)
SELECT CAST(:#job_id AS UUID), u.asset_id, u.outcome, u.reason, CAST(u.mapping AS JSONB),
       CAST(u.candidate_table_ids AS JSONB), CAST(u.previous_table_id AS JSONB), CAST(u.previous_mapping AS JSONB),
       CAST(u.repaired AS BOOLEAN)
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#outcome AS TEXT[]), CAST(:#reason AS TEXT[]),
            CAST(:#mapping AS TEXT[]), CAST(:#candidate_table_ids AS TEXT[]), CAST(:#previous_table_id AS TEXT[]),
            CAST(:#previous_mapping AS TEXT[]), CAST(:#repaired AS TEXT[]))
     AS u (asset_id, outcome, reason, mapping, candidate_table_ids, previous_table_id, previous_mapping, repaired)
