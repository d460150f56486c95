-- Mapping jobs are the core's, one catalog each: a job belongs to the catalog whose mappings it makes, and at most one
-- runs per tenant AND catalog (a tenant may map in several catalogs at once). Every existing job was Alation's.
ALTER TABLE mapping_job ADD COLUMN catalog VARCHAR(32) NOT NULL DEFAULT 'alation';
DROP INDEX mapping_job_one_running_per_tenant;
CREATE UNIQUE INDEX mapping_job_one_running_per_tenant_and_catalog ON mapping_job (tenant_id, catalog)
    WHERE status = 'IN_PROGRESS';
-- The job engine's task is the core's too: queued or running executions of the Alation-only task keep their place.
UPDATE scheduled_tasks SET task_name = 'auto-mapping' WHERE task_name = 'alation-auto-mapping';
