-- Before an integration is saved with another instance URL: the flag ids and summaries recorded for the old instance
-- name nothing in the new one (and a flag id there may be someone else's), so they are forgotten.
DELETE FROM alation_quality_asset q
USING alation_integration i
WHERE q.tenant_id = :#tenant_id AND i.tenant_id = q.tenant_id AND i.url <> :#url
