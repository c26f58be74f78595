-- Analytics views for analysts: channels, journeys, promotions, abandoned carts. Each view is its own processing
-- group with its own tables, so it can be rebuilt alone. Counter tables ("*_stats") are pre-aggregated figures that
-- events only ever add to; the other tables hold per-customer or per-event rows that handlers recompute from and
-- that time-range questions are answered from.

-- Channel analytics (processing group "channel-analytics").
-- Every applied touchpoint: its customer, sequence number in the customer's stream (arrival), business time,
-- channel, and whether it is a purchase (CheckoutCompleted, InStorePurchaseMade).
CREATE TABLE channel_touchpoint (
    customer_id     VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    purchase        BOOLEAN                  NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);
CREATE INDEX channel_touchpoint_occurred_at ON channel_touchpoint (occurred_at);

-- One row per channel and one per ordered pair of different channels, created here so that concurrent segments
-- only ever add to existing rows. A channel added to the Channel enum needs its rows added by a migration.
CREATE TABLE channel_stats (
    channel                 VARCHAR(20) NOT NULL PRIMARY KEY,
    touchpoints             BIGINT      NOT NULL,
    customers               BIGINT      NOT NULL,
    first_touch_conversions BIGINT      NOT NULL,
    last_touch_conversions  BIGINT      NOT NULL
);
INSERT INTO channel_stats (channel, touchpoints, customers, first_touch_conversions, last_touch_conversions)
VALUES ('SMS', 0, 0, 0, 0), ('WHATSAPP', 0, 0, 0, 0), ('EMAIL', 0, 0, 0, 0), ('WEB', 0, 0, 0, 0),
       ('APP', 0, 0, 0, 0), ('STORE', 0, 0, 0, 0), ('MESSENGER', 0, 0, 0, 0), ('WEBCHAT', 0, 0, 0, 0),
       ('VOICE', 0, 0, 0, 0), ('VIDEO', 0, 0, 0, 0), ('SOCIAL', 0, 0, 0, 0), ('MARKETPLACE', 0, 0, 0, 0),
       ('KIOSK', 0, 0, 0, 0);

CREATE TABLE channel_switch_stats (
    from_channel VARCHAR(20) NOT NULL,
    to_channel   VARCHAR(20) NOT NULL,
    switches     BIGINT      NOT NULL,
    PRIMARY KEY (from_channel, to_channel)
);
INSERT INTO channel_switch_stats (from_channel, to_channel, switches)
SELECT a.channel, b.channel, 0 FROM channel_stats a CROSS JOIN channel_stats b WHERE a.channel <> b.channel;

-- Journey analytics (processing group "journey-analytics").
CREATE TABLE journey_touchpoint (
    customer_id     VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    purchase        BOOLEAN                  NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);
CREATE INDEX journey_touchpoint_occurred_at ON journey_touchpoint (occurred_at);

-- A customer's journey summary; time_to_first_purchase_ms (null until the first purchase) is indexed so the median
-- is read at an offset of the index.
CREATE TABLE journey_customer (
    customer_id               VARCHAR(100)             NOT NULL PRIMARY KEY,
    last_sequence             BIGINT                   NOT NULL,
    first_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    first_purchase_at         TIMESTAMP WITH TIME ZONE,
    channels                  VARCHAR(300)             NOT NULL,
    time_to_first_purchase_ms BIGINT
);
CREATE INDEX journey_customer_time_to_first_purchase ON journey_customer (time_to_first_purchase_ms);

CREATE TABLE journey_stats (
    scope                       VARCHAR(10) NOT NULL PRIMARY KEY,
    customers                   BIGINT      NOT NULL,
    omnichannel_customers       BIGINT      NOT NULL,
    converted_customers         BIGINT      NOT NULL,
    converted_customer_channels BIGINT      NOT NULL
);
INSERT INTO journey_stats (scope, customers, omnichannel_customers, converted_customers, converted_customer_channels)
VALUES ('ALL', 0, 0, 0, 0);

-- Promotion analytics (processing group "promotion-analytics", one segment).
CREATE TABLE promotion_customer (
    customer_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    last_sequence BIGINT       NOT NULL
);

CREATE TABLE promotion_send (
    customer_id  VARCHAR(100)             NOT NULL,
    code         VARCHAR(100)             NOT NULL,
    promotion_id VARCHAR(100)             NOT NULL,
    channel      VARCHAR(20)              NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, code)
);
CREATE INDEX promotion_send_promotion ON promotion_send (promotion_id, occurred_at);

-- Current redemptions: a full return that reinstates the code deletes its row. channel = the purchase's channel.
CREATE TABLE promotion_redemption (
    customer_id  VARCHAR(100)             NOT NULL,
    order_id     VARCHAR(100)             NOT NULL,
    promotion_id VARCHAR(100)             NOT NULL,
    channel      VARCHAR(20)              NOT NULL,
    sent_via     VARCHAR(20)              NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, order_id)
);
CREATE INDEX promotion_redemption_promotion ON promotion_redemption (promotion_id, occurred_at);

CREATE TABLE promotion_stats (
    promotion_id              VARCHAR(100) NOT NULL,
    channel                   VARCHAR(20)  NOT NULL,
    issued                    BIGINT       NOT NULL,
    redeemed                  BIGINT       NOT NULL,
    cross_channel_redemptions BIGINT       NOT NULL,
    PRIMARY KEY (promotion_id, channel)
);

-- Abandoned-cart analytics (processing group "cart-analytics", one segment). Fed once the engine produces
-- abandonment, reminder and recovery events; kind is ABANDONED, REMINDED or RECOVERED.
CREATE TABLE cart_analytics_customer (
    customer_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    last_sequence BIGINT       NOT NULL
);

CREATE TABLE cart_analytics_event (
    customer_id     VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);
CREATE INDEX cart_analytics_event_occurred_at ON cart_analytics_event (occurred_at);

CREATE TABLE cart_analytics_stats (
    kind    VARCHAR(20) NOT NULL,
    channel VARCHAR(20) NOT NULL,
    events  BIGINT      NOT NULL,
    PRIMARY KEY (kind, channel)
);
