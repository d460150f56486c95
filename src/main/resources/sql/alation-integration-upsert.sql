INSERT INTO alation_integration (tenant_id, url, given_url, user_id, refresh_token_encrypted, quality_push,
                                 quality_trust_flags, quality_rich_text_field_id)
VALUES (:#tenant_id, :#url, :#given_url, :#user_id, :#refresh_token_encrypted, :#quality_push, :#quality_trust_flags,
        CAST(:#quality_rich_text_field_id AS BIGINT))
ON CONFLICT (tenant_id) DO UPDATE
SET url = EXCLUDED.url,
    given_url = EXCLUDED.given_url,
    user_id = EXCLUDED.user_id,
    refresh_token_encrypted = EXCLUDED.refresh_token_encrypted,
    quality_push = EXCLUDED.quality_push,
    quality_trust_flags = EXCLUDED.quality_trust_flags,
    quality_rich_text_field_id = EXCLUDED.quality_rich_text_field_id,
    version = alation_integration.version + 1,
    updated_at = now()
