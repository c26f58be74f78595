package io.journeyengine.api.cluster;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the nodes on one database split each view's work: a node claims at most {@code ceil(segments / live nodes)}
 * segments of a view. With two nodes and four segments, each processes two; when one dies the other's share becomes
 * four and it claims the dead node's segments once their claims have expired (the claim timeout); when a node joins
 * or comes back, the others' share falls and Axon's coordinator releases the surplus, which the newcomer claims.
 * <p>
 * Without it, whichever node starts first claims every segment (Axon's pooled processors take all they can) and the
 * others only wait as hot standbys.
 */
@Configuration
public class FairShareOfSegments {

    /** The share while the number of segments is not known yet (the view's tokens do not exist before it starts). */
    static final int UNKNOWN = Short.MAX_VALUE;

    static MaxSegmentProvider share(ClusterNodes nodes) {
        return processor -> {
            ClusterNodes.View view = nodes.view();
            Integer segments = view.segmentsPerProcessor().get(processor);
            if (segments == null || segments == 0) {
                return UNKNOWN;
            }
            return Math.max(1, (segments + view.liveNodes() - 1) / view.liveNodes());
        };
    }

    @Bean
    public ConfigurerModule fairShareOfViewSegments(ClusterNodes nodes) {
        MaxSegmentProvider share = share(nodes);
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.maxSegmentProvider(share));
    }
}
