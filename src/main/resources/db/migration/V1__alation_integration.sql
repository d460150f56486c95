-- A tenant's Alation integration. The refresh token is stored encrypted (AES-256-GCM, see TokenCipher), never in clear.
CREATE TABLE alation_integration (
    tenant_id               VARCHAR(64)  PRIMARY KEY,
    url                     TEXT         NOT NULL,
    user_id                 BIGINT       NOT NULL CHECK (user_id > 0),
    refresh_token_encrypted TEXT         NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now()
);
