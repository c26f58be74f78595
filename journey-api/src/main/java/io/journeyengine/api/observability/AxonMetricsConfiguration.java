package io.journeyengine.api.observability;

import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.springboot.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's metrics (axon-micrometer) with tags ({@code axon.metrics.micrometer.dimensional=true}), as Axon's Spring
 * Boot auto-configuration registers them, with one change: the event processors' meters are tagged by
 * {@code processorName} only, not also by {@code payloadType}.
 * <p>
 * Axon tags them by both, so every view got about 40 series per event type it sees: some 11,000 lines per scrape
 * of one node for 9 views and 30 event types, and the capacity gauge per event type reads oddly (a processor's
 * capacity is one figure). Per view is what an operator watches; the command bus and the event store keep their
 * {@code payloadType} tag (a few dozen commands and events). docs/decisions.md.
 */
@Configuration
public class AxonMetricsConfiguration {

    static final String EVENT_PROCESSOR = "eventProcessor";
    static final String PROCESSOR_NAME = "processorName";

    @Bean
    public MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry,
                                                           MetricsProperties properties) {
        boolean dimensional = properties.getMicrometer().isDimensional();
        return new MetricsConfigurerModule(registry, dimensional) {
            @Override
            @SuppressWarnings("unchecked")
            public void configureModule(Configurer configurer) {
                if (!dimensional) {
                    super.configureModule(configurer);
                    return;
                }
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) -> {
                    if (EventProcessor.class.isAssignableFrom(componentType)) {
                        Tags tags = Tags.of(PROCESSOR_NAME, componentName);
                        return (MessageMonitor<Message<?>>) registry.registerEventProcessor(
                                EVENT_PROCESSOR, message -> tags, message -> tags);
                    }
                    return (MessageMonitor<Message<?>>) registry.registerComponentWithDefaultTags(componentType,
                                                                                                  componentName);
                });
            }
        };
    }
}
