-- The OpenMetadata wing's tables: a tenant's integration, its data-source links, and its assets' tables.

-- A tenant's OpenMetadata integration. The bot JWT is stored encrypted (AES-256-GCM, see TokenCipher), never in clear;
-- its expiry (the JWT's exp, null when it has none or cannot be read) is kept in clear to warn before refusals start.
-- Every change bumps version, as for alation_integration: what a replica caches for an integration belongs to one
-- version of it.
CREATE TABLE openmetadata_integration (
    tenant_id           VARCHAR(64) PRIMARY KEY,
    url                 TEXT        NOT NULL,
    given_url           TEXT        NOT NULL,
    jwt_token_encrypted TEXT        NOT NULL,
    jwt_expires_at      TIMESTAMPTZ,
    version             BIGINT      NOT NULL DEFAULT 1,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Which OpenMetadata database service (by its name, OpenMetadata's stable key) holds an observability data source's
-- tables (matching rule 1a).
CREATE TABLE openmetadata_data_source_link (
    tenant_id        VARCHAR(64) NOT NULL REFERENCES openmetadata_integration (tenant_id) ON DELETE CASCADE,
    data_source_name TEXT        NOT NULL,
    service_name     TEXT        NOT NULL,
    PRIMARY KEY (tenant_id, data_source_name)
);

-- An asset's OpenMetadata table. Removing the asset removes its mapping; the index finds the assets of a table (a
-- quality result or a re-created table is known by its id).
CREATE TABLE openmetadata_mapping (
    tenant_id     VARCHAR(64)  NOT NULL,
    asset_id      VARCHAR(255) NOT NULL,
    service_name  TEXT         NOT NULL,
    database_name TEXT         NOT NULL,
    schema_name   TEXT         NOT NULL,
    table_id      UUID         NOT NULL,
    table_name    TEXT         NOT NULL,
    table_fqn     TEXT         NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, asset_id),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES asset (tenant_id, asset_id) ON DELETE CASCADE
);
CREATE INDEX openmetadata_mapping_table ON openmetadata_mapping (tenant_id, table_id);
