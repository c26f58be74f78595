package io.journeyengine.api.security;

import io.journeyengine.journey.Channel;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, checks and revokes API keys.
 * <p>
 * A key is 32 random bytes (256 bits), so a fast hash is enough to store it safely: SHA-256, looked up by hash and
 * compared in constant time. A password hash (bcrypt, argon2) would cost milliseconds on every request and buy
 * nothing against a secret nobody can guess.
 * <p>
 * Keys that authenticated are remembered for {@code journey.security.key-cache-ttl} (default 1 s): a channel sends
 * hundreds of requests a second with one key, and a database lookup per request was a third of the cost of a
 * request that does nothing else. A revocation on this node empties the memory at once; another node of a cluster
 * (same database) notices within the TTL. Unknown keys are never remembered, so a new key works at once.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "jek_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Enough for every key a retailer has; past it the memory starts over rather than grow without end. */
    private static final int MAX_REMEMBERED = 10_000;

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final long ttlNanos;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Moves on at every revocation: a lookup that overlapped one must not remember what it read. */
    private final AtomicLong revocations = new AtomicLong();

    public ApiKeys(ApiKeyRepository repository, Clock clock, SecurityProperties properties) {
        this.repository = repository;
        this.clock = clock;
        this.ttlNanos = properties.keyCacheTtl().toNanos();
    }

    /** An active key as the database had it at {@code loadedAt} ({@link System#nanoTime()}). */
    private record Remembered(ApiKey key, long loadedAt) {
    }

    /** A newly created key and its secret, which is shown this once and never stored. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String name, Set<Role> roles, Set<Channel> channels, Integer rateLimitPerSecond) {
        String secret = newSecret();
        ApiKey key = new ApiKey("key-" + UUID.randomUUID(), name, Set.copyOf(roles), Set.copyOf(channels),
                                rateLimitPerSecond, clock.instant(), null, false);
        repository.insert(key, hash(secret));
        return new Created(key, secret);
    }

    /** Installs the bootstrap key: every role, every channel, no rate limit. */
    public ApiKey installBootstrap(String secret) {
        remembered.clear();
        if (repository.updateBootstrapHash(hash(secret))) {
            return repository.all().stream().filter(ApiKey::bootstrap).findFirst().orElseThrow();
        }
        ApiKey key = new ApiKey("key-bootstrap", "bootstrap", Set.of(Role.values()), Set.of(Channel.values()), null,
                                clock.instant(), null, true);
        repository.insert(key, hash(secret));
        return key;
    }

    /** The active key with this secret, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        String hash = hash(secret);
        long now = System.nanoTime();
        Remembered known = remembered.get(hash);
        if (known != null && now - known.loadedAt() < ttlNanos) {
            return Optional.of(known.key());
        }
        long generation = revocations.get();
        Optional<ApiKey> key = lookUp(hash);
        if (key.isPresent() && ttlNanos > 0) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(hash, new Remembered(key.get(), now));
            if (revocations.get() != generation) {
                // A revocation overlapped the lookup: what we read may predate it. Forget it; this request
                // still goes through, as it would have had it arrived a moment earlier.
                remembered.remove(hash);
            }
        } else {
            remembered.remove(hash);
        }
        return key;
    }

    private Optional<ApiKey> lookUp(String hash) {
        return repository.findByHash(hash)
                         .filter(stored -> MessageDigest.isEqual(
                                 stored.keyHash().getBytes(StandardCharsets.US_ASCII),
                                 hash.getBytes(StandardCharsets.US_ASCII)))
                         .map(ApiKeyRepository.StoredKey::key)
                         .filter(key -> key.revokedAt() == null);
    }

    public boolean revoke(String id) {
        // The update commits at once (no surrounding transaction); only then is the memory emptied, and a lookup
        // that overlapped it sees the generation move on and does not remember what it read.
        boolean revoked = repository.revoke(id, clock.instant());
        revocations.incrementAndGet();
        remembered.clear();
        return revoked;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
