-- What the deadlines add to the views.

-- Customer 360: a code that expired unused (PromoCodeExpired; a late-reported purchase that used it clears it).
ALTER TABLE customer_promotion ADD COLUMN expired BOOLEAN DEFAULT FALSE NOT NULL;

-- Promotion analytics: codes that expired unused, per promotion and sending channel, with their expiry for ranges.
ALTER TABLE promotion_stats ADD COLUMN expired BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE promotion_expiry (
    customer_id  VARCHAR(100)             NOT NULL,
    code         VARCHAR(100)             NOT NULL,
    promotion_id VARCHAR(100)             NOT NULL,
    channel      VARCHAR(20)              NOT NULL,
    expired_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, code)
);
CREATE INDEX promotion_expiry_promotion ON promotion_expiry (promotion_id, expired_at);
