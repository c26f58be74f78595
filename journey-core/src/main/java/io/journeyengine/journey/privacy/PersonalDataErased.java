package io.journeyengine.journey.privacy;

import io.journeyengine.journey.JourneyEvent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The customer's personal data was erased at {@code erasedAt}: its key is gone, so every {@link PersonalData} value
 * of its earlier events now reads as {@link PersonalData#ERASED}. Views blank what they copied of those values; the
 * journey forgets them in memory too. Not a touchpoint: it counts nowhere.
 */
@Revision("1")
public record PersonalDataErased(String customerId, Instant erasedAt) implements JourneyEvent {
}
