-- Webhooks (issue 10): channel systems registered by an admin, and one delivery row per matching event and webhook.
-- A delivery names its event (customer, sequence, position) instead of holding the body: the body is rendered from
-- the event store when it is sent, so an erased customer's personal data is not kept here in clear.
CREATE TABLE webhook (
    webhook_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    url          VARCHAR(2000) NOT NULL,
    -- HMAC-SHA256 key of the signatures; the receiver holds the same secret, so it is stored as given.
    secret       VARCHAR(200)  NOT NULL,
    -- comma-separated event types, or * for every event
    event_types  VARCHAR(4000) NOT NULL,
    -- the store's last position when it was registered: it receives the events after it
    from_position BIGINT       NOT NULL,
    created_at   TIMESTAMP     NOT NULL
);

CREATE TABLE webhook_delivery (
    webhook_id      VARCHAR(64)   NOT NULL,
    position        BIGINT        NOT NULL,
    customer_id     VARCHAR(255)  NOT NULL,
    sequence_number BIGINT        NOT NULL,
    event_type      VARCHAR(255)  NOT NULL,
    -- PENDING (to send, or waiting behind an earlier one of the same customer), DELIVERED, PARKED
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    claimed_by      VARCHAR(255),
    claimed_until   TIMESTAMP,
    last_error      VARCHAR(2000),
    delivered_at    TIMESTAMP,
    created_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (webhook_id, position)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_order ON webhook_delivery (webhook_id, customer_id, position);
