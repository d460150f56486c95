-- A mapping job is of one of two kinds: 'auto' (match the assets to the catalog's tables, as before) or 'verify'
-- (check the existing mappings against the catalog). An automatic job may be a preview (dry_run: it writes no
-- mapping); a verification may repair what it finds. Every kind shares the one-running-job index of its tenant and
-- catalog, so a preview, a real run and a verification of one tenant and catalog never run at the same time.
ALTER TABLE mapping_job
    ADD COLUMN kind    VARCHAR(16) NOT NULL DEFAULT 'auto' CHECK (kind IN ('auto', 'verify')),
    ADD COLUMN dry_run BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN repair  BOOLEAN     NOT NULL DEFAULT false,
    -- a verification's counts: the mappings it checked and what it found
    ADD COLUMN ok       INTEGER,
    ADD COLUMN renamed  INTEGER,
    ADD COLUMN moved    INTEGER,
    ADD COLUMN gone     INTEGER,
    ADD COLUMN repaired INTEGER;

-- A job's per-asset outcomes gain a preview's LEFT (an asset it would leave as it is) and a verification's findings.
-- previous_table_id: the table (the catalog's id, as JSON) an asset was mapped to before the job (a change or a
-- leave); previous_mapping: a verified mapping as it was before the verification; repaired: whether it was repaired.
ALTER TABLE mapping_job_asset DROP CONSTRAINT mapping_job_asset_outcome_check;
ALTER TABLE mapping_job_asset
    ADD CONSTRAINT mapping_job_asset_outcome_check
        CHECK (outcome IN ('MAPPED', 'AMBIGUOUS', 'UNMATCHED', 'LEFT', 'RENAMED', 'MOVED', 'GONE')),
    ADD COLUMN previous_table_id JSONB,
    ADD COLUMN previous_mapping  JSONB,
    ADD COLUMN repaired          BOOLEAN;

-- What the last verification (or a quality delivery the catalog refused for an unknown object) found of a mapping,
-- in any catalog. table_id is the catalog's id of the table (as text) the finding is about: a finding holds for a
-- mapping only while the mapping still points at that table, so a mapping set again elsewhere has no state.
CREATE TABLE mapping_state (
    tenant_id  VARCHAR(64)  NOT NULL,
    catalog    VARCHAR(32)  NOT NULL,
    asset_id   VARCHAR(255) NOT NULL,
    table_id   TEXT         NOT NULL,
    state      VARCHAR(16)  NOT NULL CHECK (state IN ('OK', 'RENAMED', 'MOVED', 'GONE')),
    reason     TEXT,
    job_id     UUID,
    checked_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, catalog, asset_id)
);
