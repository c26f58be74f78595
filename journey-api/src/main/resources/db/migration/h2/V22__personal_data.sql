-- Crypto-shredding: the key each customer's personal values are encrypted with (one current key per customer).
-- Erasure deletes the customer's rows here; the values sealed with them are unreadable from then on.
CREATE TABLE personal_data_key (
    key_id     VARCHAR(40)              NOT NULL PRIMARY KEY,
    subject_id VARCHAR(100)             NOT NULL,
    key_bytes  BINARY VARYING           NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_personal_data_key_subject UNIQUE (subject_id)
);

-- timeline: what an entry's summary reads once the customer's personal data is erased (topics, resolutions and
-- return reasons are free text), so erasure can blank the rows without the events.
ALTER TABLE timeline_entry ADD COLUMN summary_erased VARCHAR(1000);
