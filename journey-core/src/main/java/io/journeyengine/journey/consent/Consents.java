package io.journeyengine.journey.consent;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marketing consent per channel.
 * <p>
 * Touchpoints may arrive late, so the consent in force is the one with the latest {@code occurredAt}, not the last
 * one received: a withdrawal made on Wednesday beats a grant made on Tuesday, and a withdrawal made on Monday but
 * reported only on Wednesday does not override that Tuesday grant.
 * <p>
 * Decisions of a merged profile are kept apart from the journey's own, under the merged profile's id: the same rule
 * picks the one in force among all of them, and undoing the merge simply drops that profile's decisions again. At the
 * same {@code occurredAt} the journey's own decision wins.
 */
public class Consents {

    private final Map<Channel, ConsentDecision> own = new EnumMap<>(Channel.class);
    private final Map<String, List<ConsentDecision>> merged = new LinkedHashMap<>();

    public boolean granted(Channel channel) {
        ConsentDecision decision = inForce().get(channel);
        return decision != null && decision.granted();
    }

    public Map<Channel, Boolean> asMap() {
        Map<Channel, Boolean> result = new EnumMap<>(Channel.class);
        inForce().forEach((channel, decision) -> result.put(channel, decision.granted()));
        return result;
    }

    /** The decision in force per channel, as a merge hands it over. */
    public List<ConsentDecision> decisions() {
        return List.copyOf(inForce().values());
    }

    private Map<Channel, ConsentDecision> inForce() {
        Map<Channel, ConsentDecision> result = new EnumMap<>(Channel.class);
        merged.values().forEach(decisions -> decisions.forEach(d -> decide(result, d)));
        own.values().forEach(d -> decide(result, d));
        return result;
    }

    private static void decide(Map<Channel, ConsentDecision> decisions, ConsentDecision decision) {
        ConsentDecision current = decisions.get(decision.channel());
        if (current == null || !decision.at().isBefore(current.at())) {
            decisions.put(decision.channel(), decision);
        }
    }

    @EventSourcingHandler
    void on(ConsentChanged event) {
        decide(own, new ConsentDecision(event.consentChannel(), event.granted(), event.touchpoint().occurredAt()));
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        merged.put(event.mergedCustomerId(), new ArrayList<>(event.profile().consents()));
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        merged.remove(event.mergedCustomerId());
    }
}
