INSERT INTO mapping_job_asset (job_id, asset_id, outcome, reason, mapping, candidate_table_ids)
SELECT CAST(:#job_id AS UUID), u.asset_id, u.outcome, u.reason, CAST(u.mapping AS JSONB),
       CAST(u.candidate_table_ids AS JSONB)
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#outcome AS TEXT[]), CAST(:#reason AS TEXT[]),
            CAST(:#mapping AS TEXT[]), CAST(:#candidate_table_ids AS TEXT[]))
     AS u (asset_id, outcome, reason, mapping, candidate_table_ids)
