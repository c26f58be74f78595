-- One row per applied touchpoint, written in the same transaction as its events: the durable idempotency key.
CREATE TABLE touchpoint_receipt (
    touchpoint_id VARCHAR(100)             NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(100)             NOT NULL,
    events        VARCHAR(1000)            NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which customer an identity (a phone number, a cookie) belongs to. The primary key makes an identity belong to
-- one customer even when two touchpoints race to create a customer for the same new phone number.
CREATE TABLE identity_index (
    identity_type  VARCHAR(20)              NOT NULL,
    identity_value VARCHAR(200)             NOT NULL,
    customer_id    VARCHAR(100)             NOT NULL,
    linked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (identity_type, identity_value)
);
CREATE INDEX ix_identity_index_customer ON identity_index (customer_id);
