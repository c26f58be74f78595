package io.journeyengine.api.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-customer keys that personal data is encrypted with ({@code personal_data_key}): one current key per
 * customer, created with the customer's first personal value, in the same transaction as the events that use it (a
 * rolled-back touchpoint leaves no key behind). Erasure deletes a customer's keys; every value sealed with them is
 * unreadable from then on, in the event store, in snapshots, in dead letters and in backups of them.
 * <p>
 * Keys are remembered for {@code journey.privacy.key-cache-ttl} (5 s), only once their transaction committed. An
 * erasure forgets them at once on the node that erased; another node of a cluster may still decrypt with a deleted
 * key until its memory expires (docs/privacy.md).
 */
@Component
public class PersonalDataKeys {

    /** A key and its id, which sealed values carry so they can be opened without knowing their customer. */
    public record Key(String id, SecretKey secret) {
    }

    private record Remembered(Key key, long until) {
    }

    private static final int MAX_REMEMBERED = 100_000;

    private final JdbcTemplate jdbc;
    private final long ttlNanos;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Remembered> bySubject = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Remembered> byId = new ConcurrentHashMap<>();

    public PersonalDataKeys(JdbcTemplate jdbc,
                            @Value("${journey.privacy.key-cache-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    /** The customer's current key, created if it has none (in the caller's transaction). */
    public Key currentKey(String subjectId) {
        Remembered known = bySubject.get(subjectId);
        if (known != null && known.until() > System.nanoTime()) {
            return known.key();
        }
        Key key = jdbc.query("SELECT key_id, key_bytes FROM personal_data_key WHERE subject_id = ?",
                             (rs, n) -> new Key(rs.getString(1), secret(rs.getBytes(2))), subjectId)
                      .stream().findFirst().orElseGet(() -> create(subjectId));
        rememberAfterCommit(subjectId, key);
        return key;
    }

    /** The key with this id, or empty when it was erased. */
    public Optional<SecretKey> byId(String keyId) {
        Remembered known = byId.get(keyId);
        if (known != null && known.until() > System.nanoTime()) {
            return Optional.ofNullable(known.key()).map(Key::secret);
        }
        Optional<Key> key = jdbc.query("SELECT key_bytes FROM personal_data_key WHERE key_id = ?",
                                       (rs, n) -> new Key(keyId, secret(rs.getBytes(1))), keyId).stream().findFirst();
        remember(byId, keyId, key.orElse(null));
        return key.map(Key::secret);
    }

    /**
     * Deletes every key of these customers (in the caller's transaction) and forgets them, now and once the
     * transaction commits. Answers how many keys were deleted.
     */
    public int erase(Collection<String> subjectIds) {
        int deleted = 0;
        for (String subject : subjectIds) {
            deleted += jdbc.update("DELETE FROM personal_data_key WHERE subject_id = ?", subject);
        }
        forget(subjectIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(subjectIds);
                }
            });
        }
        return deleted;
    }

    private void forget(Collection<String> subjectIds) {
        subjectIds.forEach(bySubject::remove);
        // Ids are not indexed by subject in memory: an erasure is rare, so forget every id.
        byId.clear();
    }

    private Key create(String subjectId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        byte[] id = new byte[16];
        random.nextBytes(id);
        Key key = new Key(HexFormat.of().formatHex(id), secret(bytes));
        jdbc.update("INSERT INTO personal_data_key (key_id, subject_id, key_bytes, created_at) VALUES (?, ?, ?, ?)",
                    key.id(), subjectId, bytes, Timestamp.from(Instant.now()));
        return key;
    }

    /** A key created in a transaction that rolls back must never be used again, so it is remembered on commit. */
    private void rememberAfterCommit(String subjectId, Key key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(bySubject, subjectId, key);
                }
            });
        } else {
            remember(bySubject, subjectId, key);
        }
    }

    private void remember(ConcurrentHashMap<String, Remembered> memory, String id, Key key) {
        if (memory.size() >= MAX_REMEMBERED) {
            memory.clear();
        }
        // An erased key is remembered as absent too: a replay of an erased customer asks for it once per value.
        memory.put(id, new Remembered(key, System.nanoTime() + ttlNanos));
    }

    private static SecretKey secret(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }
}
