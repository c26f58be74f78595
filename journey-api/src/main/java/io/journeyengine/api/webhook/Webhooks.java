package io.journeyengine.api.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The registered webhooks ({@code webhook}), and a short-lived copy for matching events on every batch. */
@Repository
public class Webhooks {

    /** A registered webhook; {@code eventTypes} empty means every event. */
    public record Webhook(String id, String name, String url, String secret, Set<String> eventTypes,
                          long fromPosition, Instant createdAt) {
        public boolean wants(String eventType) {
            return eventTypes.isEmpty() || eventTypes.contains(eventType);
        }
    }

    /** Other nodes see a registration or removal within this time. */
    private static final long CACHE_MILLIS = 1000;

    private final JdbcTemplate jdbc;
    private volatile List<Webhook> cached;
    private volatile long cachedAt;

    public Webhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Webhook webhook) {
        jdbc.update("INSERT INTO webhook (webhook_id, name, url, secret, event_types, from_position, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    webhook.id(), webhook.name(), webhook.url(), webhook.secret(),
                    webhook.eventTypes().isEmpty() ? "*" : String.join(",", webhook.eventTypes()),
                    webhook.fromPosition(), Timestamp.from(webhook.createdAt()));
        cached = null;
    }

    /** Removes the webhook and its deliveries; false when there was none. */
    public boolean remove(String id) {
        jdbc.update("DELETE FROM webhook_delivery WHERE webhook_id = ?", id);
        boolean removed = jdbc.update("DELETE FROM webhook WHERE webhook_id = ?", id) > 0;
        cached = null;
        return removed;
    }

    public List<Webhook> all() {
        return jdbc.query("SELECT webhook_id, name, url, secret, event_types, from_position, created_at "
                                  + "FROM webhook ORDER BY created_at, webhook_id",
                          (rs, n) -> new Webhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                                 types(rs.getString(5)), rs.getLong(6),
                                                 rs.getTimestamp(7).toInstant()));
    }

    public Optional<Webhook> find(String id) {
        return all().stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** The webhooks as of at most a second ago: read on every batch of the enqueuing processor. */
    List<Webhook> current() {
        List<Webhook> copy = cached;
        if (copy == null || System.currentTimeMillis() - cachedAt > CACHE_MILLIS) {
            copy = all();
            cached = copy;
            cachedAt = System.currentTimeMillis();
        }
        return copy;
    }

    private static Set<String> types(String raw) {
        return "*".equals(raw) ? Set.of() : new LinkedHashSet<>(Arrays.asList(raw.split(",")));
    }
}
