-- Every change of a tenant's integration bumps its version: a cached Alation access token belongs to one version,
-- so a change made on any replica retires the token cached on every other.
ALTER TABLE alation_integration ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
