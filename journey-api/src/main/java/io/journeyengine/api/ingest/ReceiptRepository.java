package io.journeyengine.api.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The receipts of applied touchpoints ({@code touchpoint_receipt}): a touchpointId seen before is answered with its
 * original outcome. A receipt is written in the transaction that appends the touchpoint's events, so either both
 * exist or neither does.
 */
@Repository
public class ReceiptRepository {

    /** What the engine answered when it applied a touchpoint. */
    public record Receipt(String touchpointId, String customerId, List<String> events) {
    }

    private final JdbcTemplate jdbc;

    public ReceiptRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Receipt> find(String touchpointId) {
        return jdbc.query("SELECT customer_id, events FROM touchpoint_receipt WHERE touchpoint_id = ?",
                          (rs, n) -> new Receipt(touchpointId, rs.getString(1), split(rs.getString(2))),
                          touchpointId).stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another request recorded it first */
    public void record(Receipt receipt, Instant receivedAt) {
        jdbc.update("INSERT INTO touchpoint_receipt (touchpoint_id, customer_id, events, received_at) "
                            + "VALUES (?, ?, ?, ?)",
                    receipt.touchpointId(), receipt.customerId(), String.join(",", receipt.events()),
                    Timestamp.from(receivedAt));
    }

    private static List<String> split(String events) {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }
}
