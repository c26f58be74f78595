package io.journeyengine.api.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/**
 * This node's name: the owner it writes into {@code token_entry} for the segments it claims and its row in
 * {@code journey_node}. By default {@code <pid>@<host>} (Axon's own default), unique among processes on one
 * database; {@code journey.node.id} names it otherwise, e.g. after the container or pod. Two running nodes must never
 * share a name: each would take the other's claims for its own.
 */
@Component
public class NodeIdentity {

    private final String id;

    public NodeIdentity(@Value("${journey.node.id:}") String configured) {
        this.id = configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                : configured.trim();
    }

    public String id() {
        return id;
    }
}
