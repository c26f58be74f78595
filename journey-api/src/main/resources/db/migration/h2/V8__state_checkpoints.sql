-- Time travel: a customer's journey state after every journey.snapshot.every-th event (sequence 249, 499, ... by
-- default), written by the state-checkpoints processor with the aggregate's own code. The state endpoint starts from
-- the nearest checkpoint below the sequence asked for and folds at most that many events. Holds personal data (the
-- journey's identities): erasing a customer must delete its rows here too.
CREATE TABLE journey_state_checkpoint (
    customer_id      VARCHAR(255)   NOT NULL,
    sequence_number  BIGINT         NOT NULL,
    -- CustomerJourney's @Revision when the row was written; rows of another revision are ignored.
    journey_revision VARCHAR(50)    NOT NULL,
    state            BINARY VARYING NOT NULL,
    PRIMARY KEY (customer_id, sequence_number)
);
