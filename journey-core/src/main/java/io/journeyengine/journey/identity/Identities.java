package io.journeyengine.journey.identity;

import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.privacy.PersonalData;
import io.journeyengine.journey.privacy.PersonalDataErased;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The identities known for one customer, its own and those of the profiles merged into it. */
public class Identities {

    private final Set<Identity> known = new LinkedHashSet<>();

    public boolean knows(Identity identity) {
        return known.contains(identity);
    }

    public Set<Identity> all() {
        return Set.copyOf(known);
    }

    /** In the order they were first seen. */
    public List<Identity> inOrder() {
        return List.copyOf(known);
    }

    @EventSourcingHandler
    void on(IdentityLinked event) {
        known.add(event.identity());
    }

    @EventSourcingHandler
    void on(IdentityCaptured event) {
        known.add(event.identity());
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        known.addAll(event.profile().identities());
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        // Every identity the merged profile brought goes back with it, the one that caused the merge included.
        event.returned().identities().forEach(known::remove);
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        // The values are unreadable from now on; the journey keeps no copy of them in memory either.
        List<Identity> erased = known.stream().map(i -> new Identity(i.type(), PersonalData.ERASED)).toList();
        known.clear();
        known.addAll(erased);
    }
}
