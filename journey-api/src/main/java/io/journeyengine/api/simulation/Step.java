package io.journeyengine.api.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** One touchpoint a simulated customer causes, before it is addressed: what, where, when, with which data. */
record Step(String type, String channel, Instant occurredAt, ObjectNode data) {

    String text(String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }
}
