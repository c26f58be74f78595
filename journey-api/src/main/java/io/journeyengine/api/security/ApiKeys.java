package io.journeyengine.api.security;

import io.journeyengine.journey.Channel;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
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
 */
@Service
public class ApiKeys {

    static final String PREFIX = "jek_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository repository;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
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
        return repository.findByHash(hash)
                         .filter(stored -> MessageDigest.isEqual(
                                 stored.keyHash().getBytes(StandardCharsets.US_ASCII),
                                 hash.getBytes(StandardCharsets.US_ASCII)))
                         .map(ApiKeyRepository.StoredKey::key)
                         .filter(key -> key.revokedAt() == null);
    }

    public boolean revoke(String id) {
        return repository.revoke(id, clock.instant());
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
