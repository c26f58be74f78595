package io.journeyengine.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param bootstrapKey         the bootstrap key's secret (JOURNEY_BOOTSTRAP_KEY); generated and printed once on the
 *                             embedded default when absent
 * @param requireBootstrapKey  refuse to start without {@code bootstrapKey} (the postgres profile: every node must
 *                             share the same key, so none may invent its own)
 * @param channelRatePerSecond default request rate of a key with the CHANNEL role
 * @param otherRatePerSecond   default request rate of other keys (analysts, agents, developers, admins)
 * @param keyCacheTtl          how long a node trusts a key it checked without asking the database again; a revocation
 *                             takes effect at once on the node that revoked, on other nodes within this time
 */
@ConfigurationProperties("journey.security")
public record SecurityProperties(String bootstrapKey,
                                 @DefaultValue("false") boolean requireBootstrapKey,
                                 @DefaultValue("500") int channelRatePerSecond,
                                 @DefaultValue("50") int otherRatePerSecond,
                                 @DefaultValue("1s") Duration keyCacheTtl) {
}
