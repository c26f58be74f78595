package io.journeyengine.api.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How a journey's state is written down: for Axon's snapshots and for the time-travel checkpoints alike.
 * <p>
 * The aggregate and its members keep their state in private fields without getters (the rules are their only
 * interface), so this mapper reads and writes fields, never getters; records are read through their canonical
 * constructors. It is a copy of the stored-event mapper (ISO instants, exact decimals), kept apart from the
 * serializers Axon resolves by type, so nothing else is written with field access by accident.
 */
public final class JourneySnapshots {

    private final JacksonSerializer serializer;

    public JourneySnapshots(ObjectMapper storedEventMapper) {
        ObjectMapper fields = storedEventMapper.copy()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        this.serializer = JacksonSerializer.builder().objectMapper(fields).build();
    }

    public JacksonSerializer serializer() {
        return serializer;
    }
}
