INSERT INTO openmetadata_integration (tenant_id, url, given_url, jwt_token_encrypted, jwt_expires_at, quality_push)
VALUES (:#tenant_id, :#url, :#given_url, :#jwt_token_encrypted, CAST(:#jwt_expires_at AS TIMESTAMPTZ),
        CAST(:#quality_push AS BOOLEAN))
ON CONFLICT (tenant_id) DO UPDATE
SET url = EXCLUDED.url,
    given_url = EXCLUDED.given_url,
    jwt_token_encrypted = EXCLUDED.jwt_token_encrypted,
    jwt_expires_at = EXCLUDED.jwt_expires_at,
    quality_push = EXCLUDED.quality_push,
    version = openmetadata_integration.version + 1,
    updated_at = now()
