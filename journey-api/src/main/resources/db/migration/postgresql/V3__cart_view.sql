-- The cross-channel cart view (processing group "cart").
-- last_sequence is the sequence number of the customer's last event applied here: events delivered twice (after a
-- crash, before the token was stored) are recognised and skipped, so quantities are never counted twice.
CREATE TABLE cart_view (
    customer_id   VARCHAR(100)             NOT NULL PRIMARY KEY,
    currency      VARCHAR(3),
    updated_at    TIMESTAMP WITH TIME ZONE,
    last_sequence BIGINT                   NOT NULL
);

CREATE TABLE cart_view_line (
    customer_id VARCHAR(100)             NOT NULL,
    sku         VARCHAR(100)             NOT NULL,
    quantity    INTEGER                  NOT NULL,
    unit_price  DECIMAL(19, 4)           NOT NULL,
    added_via   VARCHAR(20)              NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, sku)
);
