package io.journeyengine.api.webhook;

import io.journeyengine.journey.JourneyEvent;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.Set;
import java.util.TreeSet;

/** The names of the journey's events (docs/events.md), which a webhook may subscribe to. */
public final class EventTypes {

    private static final Set<String> NAMES = scan();

    private EventTypes() {
    }

    public static Set<String> names() {
        return NAMES;
    }

    private static Set<String> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                // Records are final, concrete classes; interfaces (JourneyEvent itself) are not events.
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(JourneyEvent.class));
        Set<String> names = new TreeSet<>();
        scanner.findCandidateComponents("io.journeyengine.journey").forEach(definition -> {
            String name = definition.getBeanClassName();
            names.add(name.substring(name.lastIndexOf('.') + 1));
        });
        return Set.copyOf(names);
    }
}
