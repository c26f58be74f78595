package io.journeyengine.journey.consent;

import io.journeyengine.journey.Channel;

import java.time.Instant;

/** Marketing consent for {@code channel} granted or withdrawn at {@code at} (business time). */
public record ConsentDecision(Channel channel, boolean granted, Instant at) {
}
