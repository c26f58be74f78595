package io.journeyengine.api.ingest;

import io.journeyengine.journey.identity.Identity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Which customer an identity belongs to ({@code identity_index}). Written in the same transaction as the
 * touchpoint that brings the identity, so the primary key settles races: of two touchpoints creating a customer
 * for the same new phone number, the second fails, is retried, and finds the first one's customer.
 */
@Repository
public class IdentityIndex {

    private final JdbcTemplate jdbc;

    public IdentityIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> customerOf(Identity identity) {
        return jdbc.queryForList("SELECT customer_id FROM identity_index WHERE identity_type = ? AND identity_value = ?",
                                 String.class, identity.type().name(), identity.value()).stream().findFirst();
    }

    /** A merge gives every identity of the merged profile to the survivor. */
    public void moveAll(String fromCustomerId, String toCustomerId) {
        jdbc.update("UPDATE identity_index SET customer_id = ? WHERE customer_id = ?", toCustomerId, fromCustomerId);
    }

    /** An unmerge gives an identity back to the profile it came with. */
    public void move(Identity identity, String fromCustomerId, String toCustomerId) {
        jdbc.update("UPDATE identity_index SET customer_id = ? WHERE identity_type = ? AND identity_value = ? "
                            + "AND customer_id = ?", toCustomerId, identity.type().name(), identity.value(),
                    fromCustomerId);
    }

    /** Erasure: these customers' identities no longer lead anywhere. Answers how many were forgotten. */
    public int forget(java.util.Collection<String> customerIds) {
        int forgotten = 0;
        for (String customerId : customerIds) {
            forgotten += jdbc.update("DELETE FROM identity_index WHERE customer_id = ?", customerId);
        }
        return forgotten;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the identity was claimed concurrently */
    public void claim(Identity identity, String customerId, Instant at) {
        jdbc.update("INSERT INTO identity_index (identity_type, identity_value, customer_id, linked_at) "
                            + "VALUES (?, ?, ?, ?)",
                    identity.type().name(), identity.value(), customerId, Timestamp.from(at));
    }
}
