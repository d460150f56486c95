-- The OpenMetadata integration's quality settings (its body's "quality" object). quality_push: the tenant's quality
-- results are delivered to OpenMetadata as test cases and results; off, they are kept but not queued there
-- (sql/openmetadata-quality-configured.sql answers no row). Existing integrations keep delivering.
ALTER TABLE openmetadata_integration ADD COLUMN quality_push BOOLEAN NOT NULL DEFAULT true;
