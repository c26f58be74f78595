package io.journeyengine.journey.consent;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

/** Marketing consent for {@code consentChannel} was granted or withdrawn (reported via {@code touchpoint.channel}). */
@Revision("1")
public record ConsentChanged(String customerId, Touchpoint touchpoint, Channel consentChannel, boolean granted)
        implements TouchpointEvent {
}
