INSERT INTO mapping_job_asset (job_id, asset_id, outcome, reason, candidate_table_ids, data_source_id,
                               data_source_name, schema_id, schema_name, table_id, table_name)
SELECT CAST(:#job_id AS UUID), u.asset_id, u.outcome, u.reason, CAST(u.candidate_table_ids AS BIGINT[]),
       CAST(u.data_source_id AS BIGINT), u.data_source_name, CAST(u.schema_id AS BIGINT), u.schema_name,
       CAST(u.table_id AS BIGINT), u.table_name
FROM unnest(CAST(:#asset_id AS TEXT[]), CAST(:#outcome AS TEXT[]), CAST(:#reason AS TEXT[]),
            CAST(:#candidate_table_ids AS TEXT[]), CAST(:#data_source_id AS TEXT[]), CAST(:#data_source_name AS TEXT[]),
            CAST(:#schema_id AS TEXT[]), CAST(:#schema_name AS TEXT[]), CAST(:#table_id AS TEXT[]),
            CAST(:#table_name AS TEXT[]))
     AS u (asset_id, outcome, reason, candidate_table_ids, data_source_id, data_source_name, schema_id, schema_name,
           table_id, table_name)
