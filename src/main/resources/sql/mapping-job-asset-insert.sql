INSERT INTO mapping_job_asset (job_id, asset_id, outcome, reason, candidate_table_ids, data_source_id,
                               data_source_name, schema_id, schema_name, table_id, table_name)
VALUES (CAST(:#job_id AS UUID), :#asset_id, :#outcome, :#reason, CAST(:#candidate_table_ids AS BIGINT[]),
        :#data_source_id, :#data_source_name, :#schema_id, :#schema_name, :#table_id, :#table_name)
