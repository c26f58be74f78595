package io.journeyengine.api.ingest;

import io.journeyengine.api.problem.Problem;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;

import java.util.List;

/**
 * One item of a request after validation: either a touchpoint ready to become a command, or the reasons it is
 * invalid. {@code touchpointId} and {@code customerId} are echoed in the answer whenever they could be read.
 */
public sealed interface ParsedTouchpoint {

    String touchpointId();

    String customerId();

    /** Why the touchpoint cannot be applied, or null when it can. */
    Problem refusal();

    /** The channel it came from, when it could be read (for the metrics' tags). */
    Channel channel();

    /** Its type, when it could be read (for the metrics' tags). */
    TouchpointType type();

    /** Builds the journey command once the customer is known. */
    interface CommandFactory {
        TouchpointCommand create(String customerId, Touchpoint touchpoint, Identity addressedBy);
    }

    /**
     * @param identity       the identity the channel named the customer by, if any
     * @param linkedIdentity for IDENTITY_LINKED, the identity being linked
     */
    record Valid(String touchpointId, String customerId, Identity identity, Touchpoint touchpoint,
                 TouchpointType type, Identity linkedIdentity, CommandFactory command) implements ParsedTouchpoint {
        @Override
        public Problem refusal() {
            return null;
        }

        @Override
        public Channel channel() {
            return touchpoint.channel();
        }
    }

    record Invalid(String touchpointId, String customerId, Channel channel, TouchpointType type,
                   List<Problem.FieldError> errors) implements ParsedTouchpoint {
        @Override
        public Problem refusal() {
            return Problem.validation(errors);
        }
    }

    /** Well-formed, but refused before it reaches the journey (a channel key speaking for another channel). */
    record Refused(String touchpointId, String customerId, Channel channel, TouchpointType type, Problem refusal)
            implements ParsedTouchpoint {
    }
}
