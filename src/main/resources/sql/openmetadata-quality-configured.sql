-- OpenMetadata takes the tenant's quality results: its integration exists and its quality push is on.
SELECT tenant_id FROM openmetadata_integration WHERE tenant_id = :#tenant AND quality_push
