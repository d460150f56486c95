-- Quality results (issue 11): the latest result per asset, rule and column, and the durable queue that delivers each
-- one to every catalog the tenant has configured. Both are the core's and name no catalog: a queue row's catalog is
-- the catalog's id ('alation', 'openmetadata', ...), as in mapping_job.catalog.

-- The latest result of a rule on an asset (column_name '' for a table-level result, so that it can be part of the
-- primary key; the API shows it as "column": null). value is the JSON value as text; value_type says how it is read
-- back (NUMERIC a number, BOOLEAN true or false, STRING the text). Removing the asset removes its results.
CREATE TABLE quality_result (
    tenant_id        VARCHAR(64)  NOT NULL,
    asset_id         VARCHAR(255) NOT NULL,
    rule_key         VARCHAR(255) NOT NULL,
    column_name      VARCHAR(255) NOT NULL DEFAULT '',
    rule_name        TEXT,
    rule_description TEXT,
    value_type       VARCHAR(16)  NOT NULL CHECK (value_type IN ('NUMERIC', 'STRING', 'BOOLEAN')),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('GOOD', 'WARNING', 'ALERT')),
    value            TEXT,
    url              TEXT,
    measured_at      TIMESTAMPTZ  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, asset_id, rule_key, column_name),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES asset (tenant_id, asset_id) ON DELETE CASCADE
);

-- What each catalog has of each result, and what it still has to get: one row per result (or removed result) and
-- catalog. A newer result replaces an undelivered older one in place (upsert, version + 1), so a catalog never gets a
-- stale value after a newer one. PENDING rows are due at next_attempt_at; a claim (sql/quality-delivery-claim.sql)
-- moves next_attempt_at forward by a lease, so a worker that dies leaves its rows to be claimed again.
-- NOT_MAPPED: the asset had no table in that catalog when the result came; nothing is delivered.
-- removal: the result was deleted, and the catalog's copy of it is to be removed.
-- measured_at is the result's (null for a removal); delivered_measured_at the measured_at the catalog last got.
-- Removing the asset removes its queue rows (its mappings go with it, so nothing could be delivered any more).
CREATE TABLE quality_delivery (
    tenant_id             VARCHAR(64)  NOT NULL,
    asset_id              VARCHAR(255) NOT NULL,
    rule_key              VARCHAR(255) NOT NULL,
    column_name           VARCHAR(255) NOT NULL DEFAULT '',
    catalog               VARCHAR(32)  NOT NULL,
    state                 VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED', 'NOT_MAPPED')),
    removal               BOOLEAN      NOT NULL DEFAULT false,
    measured_at           TIMESTAMPTZ,
    version               BIGINT       NOT NULL DEFAULT 1,
    attempts              INTEGER      NOT NULL DEFAULT 0,
    queued_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    next_attempt_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at          TIMESTAMPTZ,
    delivered_measured_at TIMESTAMPTZ,
    error                 TEXT,
    PRIMARY KEY (tenant_id, asset_id, rule_key, column_name, catalog),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES asset (tenant_id, asset_id) ON DELETE CASCADE
);
-- the workers' claim and the gauges read only the due PENDING rows of one catalog
CREATE INDEX quality_delivery_pending ON quality_delivery (catalog, next_attempt_at) WHERE state = 'PENDING';
