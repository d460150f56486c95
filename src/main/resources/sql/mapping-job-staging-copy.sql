COPY mapping_job_staging (job_id, asset_id, fields)
FROM STDIN
