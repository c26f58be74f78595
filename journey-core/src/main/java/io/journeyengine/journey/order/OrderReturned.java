package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A whole order came back. */
@Revision("1")
public record OrderReturned(String customerId, Touchpoint touchpoint, String orderId, String storeId,
                            @PersonalData String reason)
        implements TouchpointEvent {
}
