package io.journeyengine.journey.identity;

import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashSet;
import java.util.Set;

/** The identities known for one customer. */
public class Identities {

    private final Set<Identity> known = new LinkedHashSet<>();

    public boolean knows(Identity identity) {
        return known.contains(identity);
    }

    public Set<Identity> all() {
        return Set.copyOf(known);
    }

    @EventSourcingHandler
    void on(IdentityLinked event) {
        known.add(event.identity());
    }

    @EventSourcingHandler
    void on(IdentityCaptured event) {
        known.add(event.identity());
    }
}
