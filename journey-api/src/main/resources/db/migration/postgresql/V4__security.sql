-- API keys: only the SHA-256 hash of a key is stored, never the key itself.
CREATE TABLE api_key (
    id                    VARCHAR(60)              NOT NULL PRIMARY KEY,
    name                  VARCHAR(100)             NOT NULL,
    key_hash              CHAR(64)                 NOT NULL,
    roles                 VARCHAR(200)             NOT NULL,
    channels              VARCHAR(500)             NOT NULL,
    rate_limit_per_second INTEGER,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at            TIMESTAMP WITH TIME ZONE,
    bootstrap             BOOLEAN                  NOT NULL,
    CONSTRAINT uk_api_key_hash UNIQUE (key_hash)
);

-- What administrators did, by which key and when.
CREATE TABLE audit_log (
    id       BIGSERIAL PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id   VARCHAR(60),
    key_name VARCHAR(100)             NOT NULL,
    action   VARCHAR(50)              NOT NULL,
    target   VARCHAR(200),
    detail   VARCHAR(1000)
);
