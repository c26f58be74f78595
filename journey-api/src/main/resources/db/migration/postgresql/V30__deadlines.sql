-- Persistent deadlines (cart abandonment, promo code expiry, idle conversations).
--
-- scheduled_tasks is db-scheduler's own table (version 16), on which Axon's DbSchedulerDeadlineManager stores each
-- deadline as one execution of the task "AxonDeadline"; task_data holds the deadline's name, scope and payload in
-- Axon's binary form. Column names and types are db-scheduler's.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(100)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);

-- What each pending deadline is for, readable without decoding task_data: its customer, name and kind, and when it
-- is due; parked_at, failures and last_error once it failed too often (journey-api deadline/TrackedDeadlineManager).
-- A journey cancels its deadlines by (customer_id, deadline_name) through this index; Axon's own
-- cancelAllWithinScope would decode every pending deadline of every customer.
CREATE TABLE journey_deadline (
    schedule_id   VARCHAR(100)             NOT NULL PRIMARY KEY,
    customer_id   VARCHAR(100)             NOT NULL,
    deadline_name VARCHAR(300)             NOT NULL,
    kind          VARCHAR(50)              NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    parked_at     TIMESTAMP WITH TIME ZONE,
    failures      INT,
    last_error    VARCHAR(2000)
);
CREATE INDEX journey_deadline_customer ON journey_deadline (customer_id, deadline_name);
CREATE INDEX journey_deadline_kind ON journey_deadline (kind, due_at);
