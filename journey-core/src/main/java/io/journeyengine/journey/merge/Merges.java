package io.journeyengine.journey.merge;

import io.journeyengine.journey.privacy.PersonalDataErased;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The journey's merges: the profile it was merged into, if it is an alias now, and the profiles merged into it with
 * what each of them handed over (what an unmerge gives back).
 */
public class Merges {

    private String mergedInto;
    private final Map<String, MergedProfile> absorbed = new LinkedHashMap<>();

    /** The survivor this profile was merged into, or null while it is a customer of its own. */
    public String mergedInto() {
        return mergedInto;
    }

    public boolean hasAbsorbed(String customerId) {
        return absorbed.containsKey(customerId);
    }

    /** What {@code customerId} handed over when it was merged into this journey. */
    public Optional<MergedProfile> takenFrom(String customerId) {
        return Optional.ofNullable(absorbed.get(customerId));
    }

    public Map<String, MergedProfile> absorbed() {
        return Map.copyOf(absorbed);
    }

    @EventSourcingHandler
    void on(ProfileMergedInto event) {
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(ProfileRestored event) {
        mergedInto = null;
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        absorbed.put(event.mergedCustomerId(), event.profile());
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        absorbed.remove(event.mergedCustomerId());
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        absorbed.replaceAll((id, profile) -> profile.erased());
    }
}
