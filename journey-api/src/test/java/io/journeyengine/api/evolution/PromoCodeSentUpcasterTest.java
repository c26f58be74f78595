package io.journeyengine.api.evolution;

import io.journeyengine.api.config.AxonStorageConfiguration;
import io.journeyengine.api.privacy.PersonalDataCipher;
import io.journeyengine.api.privacy.PersonalDataKeys;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.promotion.PromoCodeSent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 of PromoCodeSent, as the engine stored it before revision 2, read through the upcaster and the engine's
 * event serializer: the channel list becomes a scope, and money keeps its scale.
 */
class PromoCodeSentUpcasterTest {

    // The engine's stored-event mapper; PromoCodeSent holds no personal data, so its cipher never needs a key.
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new AxonStorageConfiguration().defaultAxonObjectMapper(
                    new PersonalDataCipher(new PersonalDataKeys(null, Duration.ofSeconds(5))))).build();

    @Test
    void allBecomesEveryChannel() {
        PromoCodeSent event = read(null, "\"validChannels\":[\"ALL\"]", "{\"percent\":12.50,\"amount\":null,\"currency\":null}");
        assertThat(event.validOn().allChannels()).isTrue();
        assertThat(event.validOn().channels()).isEmpty();
        assertThat(event.validOn().names()).containsExactly("ALL");
        // 12.50, not 12.5: the stored scale survives the JSON tree.
        assertThat(event.discount().percent()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void channelNamesBecomeTypedChannels() {
        PromoCodeSent event = read("1", "\"validChannels\":[\"STORE\",\"WEB\"]",
                                   "{\"percent\":null,\"amount\":5.00,\"currency\":\"EUR\"}");
        assertThat(event.validOn().allChannels()).isFalse();
        assertThat(event.validOn().channels()).containsExactly(Channel.STORE, Channel.WEB);
        assertThat(event.discount().amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(event.discount().amount().scale()).isEqualTo(2);
    }

    @Test
    void allAmongOtherNamesOrNoListAtAllMeantEveryChannel() {
        assertThat(read(null, "\"validChannels\":[\"WEB\",\"ALL\"]", "{\"percent\":10}").validOn().allChannels())
                .isTrue();
        assertThat(read(null, "\"validChannels\":null", "{\"percent\":10}").validOn().allChannels()).isTrue();
        assertThat(read(null, "\"other\":1", "{\"percent\":10}").validOn().allChannels()).isTrue();
    }

    @Test
    void revisionTwoIsLeftAlone() {
        PromoCodeSent event = read("2", "\"validOn\":{\"allChannels\":false,\"channels\":[\"APP\"]}", "{\"percent\":10}");
        assertThat(event.validOn().channels()).containsExactly(Channel.APP);
    }

    private PromoCodeSent read(String revision, String channels, String discount) {
        String payload = "{\"customerId\":\"cust-old\",\"touchpoint\":{\"id\":\"tp-2\",\"channel\":\"SMS\","
                + "\"occurredAt\":\"2026-11-20T09:15:00Z\"},\"promotionId\":\"winter\",\"code\":\"OLD-1\","
                + "\"discount\":" + discount + "," + channels + ",\"expiresAt\":\"2026-12-31T23:59:59Z\"}";
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "CustomerJourney", "cust-old", 3, "event-1", "2026-11-20T09:15:01Z", PromoCodeSent.class.getName(),
                revision, payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer,
                                                                  new PromoCodeSentUpcaster())).toList();
        assertThat(events).hasSize(1);
        return (PromoCodeSent) events.get(0).getPayload();
    }
}
