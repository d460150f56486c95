INSERT INTO alation_integration (tenant_id, url, given_url, user_id, refresh_token_encrypted)
VALUES (:#tenant_id, :#url, :#given_url, :#user_id, :#refresh_token_encrypted)
ON CONFLICT (tenant_id) DO UPDATE
SET url = EXCLUDED.url,
    given_url = EXCLUDED.given_url,
    user_id = EXCLUDED.user_id,
    refresh_token_encrypted = EXCLUDED.refresh_token_encrypted,
    version = alation_integration.version + 1,
    updated_at = now()
