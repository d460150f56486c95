-- The observability assets a tenant registered: the tables the platform monitors.
CREATE TABLE asset (
    tenant_id        VARCHAR(64)  NOT NULL,
    asset_id         VARCHAR(255) NOT NULL,
    data_source_name TEXT,
    data_source_type TEXT,
    host             TEXT,
    port             INTEGER,
    database_name    TEXT,
    schema_name      TEXT         NOT NULL,
    table_name       TEXT         NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, asset_id)
);

-- Which Alation data source holds an observability data source's tables (matching rule 1a).
CREATE TABLE alation_data_source_link (
    tenant_id              VARCHAR(64) NOT NULL REFERENCES alation_integration (tenant_id) ON DELETE CASCADE,
    data_source_name       TEXT        NOT NULL,
    alation_data_source_id BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, data_source_name)
);

-- An asset's Alation table. Removing the asset removes its mapping.
CREATE TABLE alation_mapping (
    tenant_id        VARCHAR(64)  NOT NULL,
    asset_id         VARCHAR(255) NOT NULL,
    data_source_id   BIGINT       NOT NULL,
    data_source_name TEXT,
    schema_id        BIGINT       NOT NULL,
    schema_name      TEXT         NOT NULL,
    table_id         BIGINT       NOT NULL,
    table_name       TEXT         NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, asset_id),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES asset (tenant_id, asset_id) ON DELETE CASCADE
);

-- Automatic mapping jobs. At most one runs per tenant, across every replica: the partial unique index says so.
CREATE TABLE mapping_job (
    job_id           UUID        PRIMARY KEY,
    tenant_id        VARCHAR(64) NOT NULL,
    status           VARCHAR(16) NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'FAILED')),
    should_overwrite BOOLEAN     NOT NULL,
    error_message    TEXT,
    plan             TEXT,
    pages_read       BIGINT      NOT NULL DEFAULT 0,
    tables_read      BIGINT      NOT NULL DEFAULT 0,
    assets           INTEGER,
    mapped           INTEGER,
    unchanged        INTEGER,
    ambiguous        INTEGER,
    unmatched        INTEGER,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX mapping_job_one_running_per_tenant ON mapping_job (tenant_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX mapping_job_tenant ON mapping_job (tenant_id, created_at);

-- What a job found per asset: the mapping it created or changed, or why it mapped nothing.
CREATE TABLE mapping_job_asset (
    job_id              UUID         NOT NULL REFERENCES mapping_job (job_id) ON DELETE CASCADE,
    asset_id            VARCHAR(255) NOT NULL,
    outcome             VARCHAR(16)  NOT NULL CHECK (outcome IN ('MAPPED', 'AMBIGUOUS', 'UNMATCHED')),
    reason              TEXT,
    candidate_table_ids BIGINT[],
    data_source_id      BIGINT,
    data_source_name    TEXT,
    schema_id           BIGINT,
    schema_name         TEXT,
    table_id            BIGINT,
    table_name          TEXT,
    PRIMARY KEY (job_id, asset_id)
);

-- db-scheduler's table (its documented PostgreSQL schema): the durable queue of one-time job executions.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
