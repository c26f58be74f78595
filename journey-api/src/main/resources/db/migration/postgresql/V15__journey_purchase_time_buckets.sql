-- Journey analytics: converted customers counted per time-to-first-purchase bucket (views/journey/PurchaseTimeBuckets),
-- so the median reads one bucket's stretch of the index instead of half the customers. Every bucket row exists
-- from here on: concurrent segments only add to rows.
CREATE TABLE journey_purchase_time_bucket (
    bucket    VARCHAR(4) NOT NULL PRIMARY KEY,
    customers BIGINT     NOT NULL
);
INSERT INTO journey_purchase_time_bucket (bucket, customers)
SELECT LPAD(n::text, 4, '0'), 0 FROM generate_series(0, 1008) AS n;

-- The buckets of customers already counted are not known here: the journey-analytics view is rebuilt from the
-- event store, as a replay would (its tables emptied, its tokens removed; the processor starts again at the first
-- event on the next start).
DELETE FROM journey_touchpoint;
DELETE FROM journey_customer;
UPDATE journey_stats SET customers = 0, omnichannel_customers = 0, converted_customers = 0,
                         converted_customer_channels = 0;
DELETE FROM token_entry WHERE processor_name = 'journey-analytics';
