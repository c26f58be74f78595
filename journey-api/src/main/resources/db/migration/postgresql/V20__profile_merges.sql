-- Profile merges (one customer found under two ids) and the views' part of them.

-- Which profile was merged into which, written in the transaction of the touchpoint that merged them, like the
-- identity index: an active row (unmerged_at NULL) makes merged_id an alias, and touchpoints naming it land on the
-- survivor. Undone merges stay as history (erasure uses it to find every journey that held a profile's data).
CREATE TABLE profile_merge (
    merged_id     VARCHAR(100)             NOT NULL,
    survivor_id   VARCHAR(100)             NOT NULL,
    merged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    touchpoint_id VARCHAR(100)             NOT NULL,
    unmerged_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (merged_id, merged_at)
);
CREATE INDEX ix_profile_merge_survivor ON profile_merge (survivor_id);

-- timeline: the survivor's timeline shows the entries of the profiles merged into it.
CREATE TABLE timeline_merge (
    customer_id VARCHAR(100) NOT NULL,
    merged_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (customer_id, merged_id)
);

-- lifecycle: a merged-away profile is not a customer (merged_into set); its touchpoints count as the survivor's,
-- as copies under the survivor (merged_from set, negative sequence numbers after the survivor's own).
ALTER TABLE lifecycle_customer ADD COLUMN merged_into VARCHAR(100);
ALTER TABLE lifecycle_touchpoint ADD COLUMN merged_from VARCHAR(100);
ALTER TABLE lifecycle_touchpoint ADD COLUMN merged_into VARCHAR(100);

-- customer-360: merged-away profiles leave the listing; the survivor's profile reads the rows of the profiles
-- merged into it (customer_merge); codes and orders are copied to the survivor by the merge.
ALTER TABLE customer_profile ADD COLUMN merged_into VARCHAR(100);
CREATE TABLE customer_merge (
    customer_id     VARCHAR(100)             NOT NULL,
    merged_id       VARCHAR(100)             NOT NULL,
    merged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence_type   VARCHAR(20)              NOT NULL,
    touchpoint_id   VARCHAR(100)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    PRIMARY KEY (customer_id, merged_id)
);
-- A conversation closed by another profile of the family than the one it was started on.
CREATE TABLE customer_conversation_closed (
    customer_id     VARCHAR(100) NOT NULL,
    conversation_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (customer_id, conversation_id)
);

-- channel and journey analytics: the same copies and marks as lifecycle_touchpoint.
ALTER TABLE channel_touchpoint ADD COLUMN merged_from VARCHAR(100);
ALTER TABLE channel_touchpoint ADD COLUMN merged_into VARCHAR(100);
ALTER TABLE journey_touchpoint ADD COLUMN merged_from VARCHAR(100);
ALTER TABLE journey_touchpoint ADD COLUMN merged_into VARCHAR(100);
ALTER TABLE journey_customer ADD COLUMN merged_into VARCHAR(100);
