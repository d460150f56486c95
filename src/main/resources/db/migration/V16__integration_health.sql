-- The health of each tenant's integration of each catalog (issue 12): when the catalog last answered a call of the
-- bridge, and when and how it last failed one (after the call's retries). The core's table, naming no catalog
-- (catalog as in mapping_job.catalog). Replicas share it: every replica records its own calls here, successes at most
-- every few seconds per tenant and catalog (io.catalogbridge.status.IntegrationHealth), failures at once.
-- last_refused_at: the last time the catalog refused the stored credential (401/403 that no new token could cure);
-- cleared by a later success. last_error_message never holds a secret: the wings' messages name the call and the
-- catalog's words, and the stored token is redacted from them besides.
CREATE TABLE integration_health (
    tenant_id          VARCHAR(64) NOT NULL,
    catalog            VARCHAR(32) NOT NULL,
    last_success_at    TIMESTAMPTZ,
    last_error_at      TIMESTAMPTZ,
    last_error_message TEXT,
    last_refused_at    TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, catalog)
);
