-- Customer-facing read side: timeline (group "timeline"), lifecycle and funnel (group "lifecycle"), customer 360 and
-- listing (group "customer-360"). Rows keyed by (customer_id, sequence_number) are written once per event, so an event
-- delivered twice finds its row and changes nothing; counters move only with a claimed last_sequence.

-- timeline: one row per applied touchpoint.
CREATE TABLE timeline_entry (
    customer_id     VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    touchpoint_id   VARCHAR(100)             NOT NULL,
    touchpoint_type VARCHAR(40)              NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    summary         VARCHAR(1000)            NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);
CREATE INDEX timeline_entry_order ON timeline_entry (customer_id, occurred_at, sequence_number);

-- lifecycle: current stage and history per customer, what each touchpoint tells the rules (for the funnel of a
-- time range), and the number of customers currently in each stage (the funnel without a range).
CREATE TABLE lifecycle_customer (
    customer_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    stage         VARCHAR(20),
    last_sequence BIGINT       NOT NULL
);

CREATE TABLE lifecycle_step (
    customer_id     VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    stage           VARCHAR(20)              NOT NULL,
    stage_rule      VARCHAR(40)              NOT NULL,
    touchpoint_id   VARCHAR(100)             NOT NULL,
    reached_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);

CREATE TABLE lifecycle_touchpoint (
    customer_id      VARCHAR(100)             NOT NULL,
    sequence_number  BIGINT                   NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    lifecycle_signal VARCHAR(30)              NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);
CREATE INDEX lifecycle_touchpoint_time ON lifecycle_touchpoint (occurred_at);

CREATE TABLE lifecycle_stage_count (
    stage     VARCHAR(20) NOT NULL PRIMARY KEY,
    customers BIGINT      NOT NULL
);
INSERT INTO lifecycle_stage_count (stage, customers) VALUES
    ('REACH', 0), ('ACQUISITION', 0), ('CONVERSION', 0), ('RETENTION', 0), ('LOYALTY', 0);

-- customer-360: the profile and the listing.
CREATE TABLE customer_profile (
    customer_id        VARCHAR(100)             NOT NULL PRIMARY KEY,
    stage              VARCHAR(20),
    touchpoints        BIGINT                   NOT NULL,
    last_touchpoint_at TIMESTAMP WITH TIME ZONE,
    last_sequence      BIGINT                   NOT NULL
);
CREATE INDEX customer_profile_stage ON customer_profile (stage, customer_id);

CREATE TABLE customer_channel (
    customer_id    VARCHAR(100)             NOT NULL,
    channel        VARCHAR(20)              NOT NULL,
    touchpoints    BIGINT                   NOT NULL,
    first_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    first_sequence BIGINT                   NOT NULL,
    PRIMARY KEY (customer_id, channel)
);

CREATE TABLE customer_identity (
    customer_id     VARCHAR(100) NOT NULL,
    identity_type   VARCHAR(20)  NOT NULL,
    identity_value  VARCHAR(200) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    PRIMARY KEY (customer_id, identity_type, identity_value)
);

CREATE TABLE customer_consent (
    customer_id VARCHAR(100)             NOT NULL,
    channel     VARCHAR(20)              NOT NULL,
    granted     BOOLEAN                  NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, channel)
);

CREATE TABLE customer_loyalty (
    customer_id VARCHAR(100)             NOT NULL,
    program_id  VARCHAR(100)             NOT NULL,
    enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, program_id)
);

CREATE TABLE customer_conversation (
    customer_id     VARCHAR(100)             NOT NULL,
    conversation_id VARCHAR(100)             NOT NULL,
    topic           VARCHAR(200)             NOT NULL,
    closed          BOOLEAN                  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    PRIMARY KEY (customer_id, conversation_id)
);

-- The channels a conversation has been on: where it started, then each handover's target.
CREATE TABLE customer_conversation_channel (
    customer_id     VARCHAR(100) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    conversation_id VARCHAR(100) NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);

CREATE TABLE customer_message (
    customer_id     VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    conversation_id VARCHAR(100)             NOT NULL,
    direction       VARCHAR(10)              NOT NULL,
    message_text    VARCHAR(4000)            NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);

CREATE TABLE customer_promotion (
    customer_id     VARCHAR(100)             NOT NULL,
    code            VARCHAR(100)             NOT NULL,
    promotion_id    VARCHAR(100)             NOT NULL,
    sent_via        VARCHAR(20)              NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    redeemed_via    VARCHAR(20),
    PRIMARY KEY (customer_id, code)
);

CREATE TABLE customer_order (
    customer_id     VARCHAR(100)             NOT NULL,
    order_id        VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    placed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    currency        VARCHAR(3)               NOT NULL,
    total           NUMERIC(19, 4)           NOT NULL,
    promo_code      VARCHAR(100),
    fulfilment      VARCHAR(20)              NOT NULL,
    store_id        VARCHAR(100),
    picked_up       BOOLEAN                  NOT NULL,
    returned        BOOLEAN                  NOT NULL,
    PRIMARY KEY (customer_id, order_id)
);

CREATE TABLE customer_order_line (
    customer_id VARCHAR(100)   NOT NULL,
    order_id    VARCHAR(100)   NOT NULL,
    line_number INTEGER        NOT NULL,
    sku         VARCHAR(100)   NOT NULL,
    quantity    INTEGER        NOT NULL,
    unit_price  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (customer_id, order_id, line_number)
);
