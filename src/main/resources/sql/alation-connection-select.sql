SELECT tenant_id, url, user_id, refresh_token_encrypted, version FROM alation_integration WHERE tenant_id = :#tenant
