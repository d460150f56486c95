-- Alation's quality settings (issue 11), per integration: whether results are pushed at all, whether an asset with
-- an alerting result gets a trust flag on its table, and the rich-text custom field (an id, none by default) that
-- holds a summary of its results. Rows stored before keep the defaults: push and flags on, no rich text.
ALTER TABLE alation_integration
    ADD COLUMN quality_push               BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN quality_trust_flags        BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN quality_rich_text_field_id BIGINT CHECK (quality_rich_text_field_id > 0);

-- What the bridge put on an asset's Alation table besides Data Quality values: the trust flag it created (its id, the
-- table it is on, the reason it carries) and the rich-text summary it wrote (the table and field, and a hash of the
-- value, so that an unchanged summary is not written again). Only a flag whose id is recorded here is ever deleted.
-- No foreign key to the asset: a deleted asset's flag and summary must still be removed from its table. The rows go
-- with the integration (without it nothing can be removed, and another instance's ids mean nothing).
CREATE TABLE alation_quality_asset (
    tenant_id          VARCHAR(64)  NOT NULL REFERENCES alation_integration (tenant_id) ON DELETE CASCADE,
    asset_id           VARCHAR(255) NOT NULL,
    flag_table_id      BIGINT,
    flag_id            BIGINT,
    flag_reason        TEXT,
    rich_text_table_id BIGINT,
    rich_text_field_id BIGINT,
    rich_text_hash     TEXT,
    PRIMARY KEY (tenant_id, asset_id)
);
