package io.journeyengine.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes sure an administrator can get in, before the first request is served.
 * <p>
 * With {@code journey.security.bootstrap-key} (environment {@code JOURNEY_BOOTSTRAP_KEY}) that secret becomes the
 * bootstrap key on every start; all nodes of a cluster share it. Without it, the embedded default creates a random
 * key on its first start, prints it once on a line of its own and keeps only its hash; later starts print nothing.
 * Where {@code require-bootstrap-key} is set (the postgres profile) a missing key stops the start.
 */
@Component
public class BootstrapKey implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);
    static final int MIN_LENGTH = 32;

    private final ApiKeys keys;
    private final ApiKeyRepository repository;
    private final SecurityProperties properties;

    public BootstrapKey(ApiKeys keys, ApiKeyRepository repository, SecurityProperties properties) {
        this.keys = keys;
        this.repository = repository;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        String configured = properties.bootstrapKey();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalStateException("JOURNEY_BOOTSTRAP_KEY must be at least " + MIN_LENGTH
                                                        + " characters of random text");
            }
            keys.installBootstrap(configured.trim());
            log.info("Bootstrap key installed from configuration");
            return;
        }
        if (properties.requireBootstrapKey()) {
            throw new IllegalStateException("No bootstrap key: set JOURNEY_BOOTSTRAP_KEY (at least " + MIN_LENGTH
                                                    + " random characters, the same on every node)");
        }
        if (repository.isEmpty()) {
            String secret = ApiKeys.newSecret();
            keys.installBootstrap(secret);
            log.warn("First start: created the bootstrap key with every role. It is shown only now; store it "
                             + "safely and create narrower keys with it (see README).\n\nAdmin API key: {}\n",
                     secret);
        }
    }
}
