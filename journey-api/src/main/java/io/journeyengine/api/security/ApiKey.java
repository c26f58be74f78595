package io.journeyengine.api.security;

import io.journeyengine.journey.Channel;

import java.time.Instant;
import java.util.Set;

/**
 * A key as the engine keeps it: never the secret, only its SHA-256 hash (in the repository).
 *
 * @param channels           for CHANNEL keys, the channels it may speak for
 * @param rateLimitPerSecond requests per second, or null for the configured default of its kind
 */
public record ApiKey(String id, String name, Set<Role> roles, Set<Channel> channels, Integer rateLimitPerSecond,
                     Instant createdAt, Instant revokedAt, boolean bootstrap) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean maySpeakFor(Channel channel) {
        return bootstrap || channels.contains(channel);
    }
}
