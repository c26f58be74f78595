package io.journeyengine.api.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.journey.promotion.ChannelScope;
import io.journeyengine.journey.promotion.PromoCodeSent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * {@link PromoCodeSent} revision 1 (stored with revision null or "1") to revision 2: {@code validChannels}, a list
 * of channel names in which {@code "ALL"} meant every channel, becomes {@code validOn: {allChannels, channels}}.
 * <p>
 * {@code ["ALL"]} (or a list holding it) becomes {@code {"allChannels": true, "channels": []}}; a list of names becomes
 * {@code {"allChannels": false, "channels": [the names]}}; a missing list meant every channel, as ingestion defaulted
 * it. Every other field, the money in {@code discount} included, is copied as the stored JSON tree holds it (the
 * stored-event mapper keeps decimals exact: 5.00 stays 5.00). Registered with Axon as a Spring bean; the event store,
 * the views, exports and imports all read through it.
 */
@Component
@Order(0)
public class PromoCodeSentUpcaster extends SingleEventUpcaster {

    private static final String TYPE = PromoCodeSent.class.getName();
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPE.equals(representation.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(REVISION_2, JsonNode.class, PromoCodeSentUpcaster::toRevision2,
                                     Function.identity());
    }

    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        JsonNode names = event.remove("validChannels");
        boolean all = names == null || names.isNull() || names.isEmpty();
        if (names != null && names.isArray()) {
            for (JsonNode name : names) {
                all |= ChannelScope.ALL.equals(name.asText());
            }
        }
        ObjectNode validOn = event.putObject("validOn");
        validOn.put("allChannels", all);
        ArrayNode channels = validOn.putArray("channels");
        if (!all) {
            names.forEach(channels::add);
        }
        return event;
    }
}
