-- The engine nodes sharing this database (issue 8). Each node writes its row when it starts, refreshes last_seen every
-- few seconds and deletes it when it stops cleanly; a node whose last_seen is older than the token claim timeout is
-- taken for dead. Every node divides each view's segments by the number of live nodes and claims at most its share
-- (cluster/FairShareOfSegments), so two nodes split the work and a survivor takes a dead node's segments.
-- node_id is the owner name the node writes into token_entry, so the two tables join.
-- Times are the database's own clock (LOCALTIMESTAMP), never a node's: nodes' clocks may differ, and the engine's
-- business clock can be moved forward in tests and simulations.
CREATE TABLE journey_node (
    node_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    started_at  TIMESTAMP    NOT NULL,
    last_seen   TIMESTAMP    NOT NULL
);

-- A view being rebuilt (POST /api/admin/projections/{name}/replay): the node rebuilding it writes the row, every other
-- node stops its share of that view within a heartbeat (releasing the segments), the rebuilding node resets the
-- view's tokens once it can claim them all, starts it, and deletes the row; then the others start theirs again.
CREATE TABLE journey_view_pause (
    processor_name VARCHAR(255) NOT NULL PRIMARY KEY,
    requested_by   VARCHAR(255) NOT NULL,
    requested_at   TIMESTAMP    NOT NULL
);
