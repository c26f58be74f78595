package io.journeyengine.journey;

import io.journeyengine.journey.identity.Identity;

/**
 * A touchpoint sent by a channel, addressed to one customer's journey.
 * <p>
 * {@link #addressedBy()} is the identity the channel named the customer by (a phone number, a cookie), or
 * {@code null}; the journey records it the first time it sees it.
 */
public interface TouchpointCommand {
    String customerId();

    Touchpoint touchpoint();

    Identity addressedBy();
}
