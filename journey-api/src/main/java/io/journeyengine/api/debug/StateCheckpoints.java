package io.journeyengine.api.debug;

import io.journeyengine.journey.JourneyEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Writes a time-travel checkpoint after every {@code journey.snapshot.every}-th event of each customer (sequence
 * 249, 499, ... by default), computed by {@link JourneyStates} from the previous checkpoint. It follows the event
 * store like a view (its own processing group and token), so it catches up after a restart, covers imported
 * journeys, and a replay rebuilds every checkpoint in the current shape.
 */
@Component
@ProcessingGroup(StateCheckpoints.GROUP)
public class StateCheckpoints {

    public static final String GROUP = "state-checkpoints";

    private final JourneyStates states;

    public StateCheckpoints(JourneyStates states) {
        this.states = states;
    }

    @EventHandler
    void on(JourneyEvent event, @SequenceNumber long sequence) {
        if ((sequence + 1) % states.every() == 0) {
            states.checkpoint(event.customerId(), sequence);
        }
    }

    @ResetHandler
    void reset() {
        states.deleteAllCheckpoints();
    }
}
