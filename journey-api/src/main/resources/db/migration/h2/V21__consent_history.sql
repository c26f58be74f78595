-- customer-360: every consent decision, for the consent history of the customer 360 (customer_consent keeps only the
-- decision in force per channel). Keyed by the event's sequence number: a redelivered decision finds its row.
CREATE TABLE customer_consent_change (
    customer_id     VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    granted         BOOLEAN                  NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_via    VARCHAR(20)              NOT NULL,
    touchpoint_id   VARCHAR(100)             NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);
