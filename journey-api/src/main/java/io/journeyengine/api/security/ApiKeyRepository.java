package io.journeyengine.api.security;

import io.journeyengine.journey.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code api_key} table: names, roles, channels and SHA-256 hashes of keys. Never a secret. */
@Repository
public class ApiKeyRepository {

    private static final String COLUMNS =
            "id, name, roles, channels, rate_limit_per_second, created_at, revoked_at, bootstrap";

    private final JdbcTemplate jdbc;

    public ApiKeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredKey> findByHash(String keyHash) {
        return jdbc.query("SELECT " + COLUMNS + ", key_hash FROM api_key WHERE key_hash = ?", STORED, keyHash)
                   .stream().findFirst();
    }

    public List<ApiKey> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id", KEY);
    }

    public Optional<ApiKey> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key WHERE id = ?", KEY, id).stream().findFirst();
    }

    public boolean isEmpty() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class);
        return n == null || n == 0;
    }

    public void insert(ApiKey key, String keyHash) {
        jdbc.update("INSERT INTO api_key (id, name, key_hash, roles, channels, rate_limit_per_second, created_at, "
                            + "revoked_at, bootstrap) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                    key.id(), key.name(), keyHash, join(key.roles()), join(key.channels()),
                    key.rateLimitPerSecond(), Timestamp.from(key.createdAt()), key.bootstrap());
    }

    /** Replaces the hash of the bootstrap key (the environment may hand the nodes a new one). */
    public boolean updateBootstrapHash(String keyHash) {
        return jdbc.update("UPDATE api_key SET key_hash = ?, revoked_at = NULL WHERE bootstrap = TRUE", keyHash) > 0;
    }

    public boolean revoke(String id, Instant at) {
        return jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                           Timestamp.from(at), id) == 1;
    }

    /** A key row with its hash, for the constant-time comparison at authentication. */
    public record StoredKey(ApiKey key, String keyHash) {
    }

    private static final RowMapper<ApiKey> KEY = (rs, n) -> new ApiKey(
            rs.getString("id"), rs.getString("name"), roles(rs.getString("roles")), channels(rs.getString("channels")),
            (Integer) rs.getObject("rate_limit_per_second"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
            rs.getBoolean("bootstrap"));

    private static final RowMapper<StoredKey> STORED =
            (rs, n) -> new StoredKey(KEY.mapRow(rs, n), rs.getString("key_hash"));

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String csv) {
        return csv.isEmpty() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(csv.split(",")).map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Set<Channel> channels(String csv) {
        return csv.isEmpty() ? EnumSet.noneOf(Channel.class)
                : Arrays.stream(csv.split(",")).map(Channel::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }
}
