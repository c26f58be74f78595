package io.journeyengine.api.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.readside.Recomputation;
import io.journeyengine.api.simulation.Outcome;
import io.journeyengine.api.simulation.PlannedTouchpoint;
import io.journeyengine.api.support.RunningEngine;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the shared database holds after a run, read with plain JDBC (not through the engine): every event with the
 * touchpoint that caused it, and the receipts. The checks are the issue's: every acknowledged touchpoint produced its
 * events exactly once, no touchpoint was half applied, and every customer's sequence is 0..n-1.
 */
final class StoreAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored event: its global position, customer, sequence number and the touchpoint behind it (or null). */
    record StoredEvent(long position, String customerId, long sequence, String touchpointId, String type) {
    }

    record Receipt(String touchpointId, String customerId, List<String> events) {
    }

    final List<StoredEvent> events = new ArrayList<>();
    final Map<String, Receipt> receipts = new HashMap<>();

    StoreAudit(String databaseUrl) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection(databaseUrl, RunningEngine.postgresUser(), "");
             Statement statement = db.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT global_index, aggregate_identifier, sequence_number, meta_data, payload_type "
                            + "FROM domain_event_entry ORDER BY global_index")) {
                while (rs.next()) {
                    JsonNode metaData = JSON.readTree(rs.getBytes(4));
                    String type = rs.getString(5);
                    events.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3),
                                               metaData.path("touchpointId").asText(null),
                                               type.substring(type.lastIndexOf('.') + 1)));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT touchpoint_id, customer_id, events FROM touchpoint_receipt")) {
                while (rs.next()) {
                    String names = rs.getString(3);
                    receipts.put(rs.getString(1), new Receipt(rs.getString(1), rs.getString(2),
                                                              names.isEmpty() ? List.of()
                                                                      : Arrays.asList(names.split(","))));
                }
            }
        }
    }

    /** Problems found; empty when the store is as the issue demands. */
    List<String> problems(Map<String, Outcome> answers) {
        List<String> problems = new ArrayList<>();
        Map<String, List<StoredEvent>> byTouchpoint = new HashMap<>();
        Map<String, List<Long>> sequences = new TreeMap<>();
        for (StoredEvent event : events) {
            if (event.touchpointId() != null) {
                byTouchpoint.computeIfAbsent(event.touchpointId(), t -> new ArrayList<>()).add(event);
            }
            sequences.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(event.sequence());
        }
        answers.forEach((touchpointId, outcome) -> {
            boolean acknowledged = outcome.applied() || "DUPLICATE".equals(outcome.status());
            Receipt receipt = receipts.get(touchpointId);
            if (acknowledged && receipt == null) {
                problems.add(touchpointId + " was answered " + outcome.status() + " but the store has no receipt");
            }
            if (outcome.applied() && receipt != null && !receipt.events().equals(outcome.events())) {
                problems.add(touchpointId + " answered events " + outcome.events() + ", receipt says "
                                     + receipt.events());
            }
            if ("REJECTED".equals(outcome.status()) && receipt != null) {
                problems.add(touchpointId + " was refused (" + outcome.code() + ") yet has a receipt");
            }
        });
        receipts.values().forEach(receipt -> {
            List<String> stored = byTouchpoint.getOrDefault(receipt.touchpointId(), List.of()).stream()
                                              .map(StoredEvent::type).toList();
            if (receipt.events().isEmpty() || stored.size() != receipt.events().size()) {
                problems.add(receipt.touchpointId() + ": receipt names " + receipt.events() + ", the store holds "
                                     + stored + " (exactly once means one stored event per named event)");
            }
        });
        byTouchpoint.keySet().stream().filter(t -> !receipts.containsKey(t))
                    .forEach(t -> problems.add(t + " has events but no receipt: a half-applied touchpoint"));
        sequences.forEach((customer, seqs) -> {
            for (int i = 0; i < seqs.size(); i++) {
                if (seqs.get(i) != i) {
                    // Events are read in global order, which for one journey is its sequence order.
                    problems.add(customer + ": sequence numbers " + seqs + " are not 0.." + (seqs.size() - 1));
                    return;
                }
            }
        });
        return problems;
    }

    /** The applied touchpoints as the store ordered them, for the independent recomputation of the views. */
    List<Recomputation.Applied> applied(List<PlannedTouchpoint> planned) {
        Map<String, Long> firstPosition = new HashMap<>();
        for (StoredEvent event : events) {
            if (event.touchpointId() != null) {
                firstPosition.putIfAbsent(event.touchpointId(), event.position());
            }
        }
        Map<String, PlannedTouchpoint> bodies = new HashMap<>();
        planned.forEach(p -> bodies.putIfAbsent(p.touchpointId(), p));
        List<Recomputation.Applied> applied = new ArrayList<>();
        receipts.values().forEach(receipt -> applied.add(new Recomputation.Applied(
                bodies.get(receipt.touchpointId()).body(), receipt.customerId(),
                firstPosition.get(receipt.touchpointId()))));
        return applied;
    }

    long customers() {
        return events.stream().map(StoredEvent::customerId).distinct().count();
    }
}
