package io.journeyengine.api.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What administrators did, by which key and when ({@code audit_log}). Never a secret. */
@Repository
public class AuditLog {

    /** One recorded admin action. */
    public record Entry(long id, Instant at, String keyId, String keyName, String action, String target,
                        String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String action, String target, String detail) {
        ApiKey by = ApiKeyAuthentication.current().orElse(null);
        jdbc.update("INSERT INTO audit_log (at, key_id, key_name, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
                    Timestamp.from(clock.instant()), by == null ? null : by.id(), by == null ? "system" : by.name(),
                    action, target, detail);
    }

    public List<Entry> newest(int limit) {
        return jdbc.query("SELECT id, at, key_id, key_name, action, target, detail FROM audit_log "
                                  + "ORDER BY id DESC LIMIT ?",
                          (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                               rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                          limit);
    }
}
