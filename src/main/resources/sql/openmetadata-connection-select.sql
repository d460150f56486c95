SELECT tenant_id, url, jwt_token_encrypted, version FROM openmetadata_integration WHERE tenant_id = :#tenant
