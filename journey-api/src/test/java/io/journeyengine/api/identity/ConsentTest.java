package io.journeyengine.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.journeyengine.api.identity.Touch.code;
import static io.journeyengine.api.identity.Touch.identity;
import static io.journeyengine.api.identity.Touch.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Marketing consent per channel over HTTP: what a send needs, and the consent history of the customer 360. */
class ConsentTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void aCodeNeedsConsentOnTheChannelItIsSentOnAndTheHistoryShowsEveryDecision() {
        Touch touch = new Touch(api, "consent-1");
        String c = "cust-consent-1";
        // No decision yet: refused, naming the channel; nothing stored, so the same touchpoint may come again.
        Answer refused = touch.post(c, null, "SMS", "2026-11-20T08:00:00Z", "PROMO_CODE_SENT", code("C-0"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CONSENT_REQUIRED");
        assertThat(refused.json().get("channel").asText()).isEqualTo("SMS");
        assertThat(engine.eventCount(c)).isZero();

        String grant = "consent-1-2";
        touch.send(c, null, "WEB", "2026-11-20T09:00:00Z", "CONSENT_CHANGED", Map.of("channel", "SMS", "granted", true));
        touch.send(c, null, "SMS", "2026-11-20T09:01:00Z", "PROMO_CODE_SENT", code("C-1"));
        // Consent for SMS is not consent for e-mail.
        Answer email = touch.post(c, null, "EMAIL", "2026-11-20T09:02:00Z", "PROMO_CODE_SENT", code("C-2"));
        assertThat(email.code()).isEqualTo("CONSENT_REQUIRED");
        // The customer answers STOP: later sends by SMS are refused.
        touch.send(c, null, "SMS", "2026-11-20T10:00:00Z", "CONSENT_CHANGED",
                   Map.of("channel", "SMS", "granted", false));
        assertThat(touch.post(c, null, "SMS", "2026-11-20T10:05:00Z", "PROMO_CODE_SENT", code("C-3")).code())
                .isEqualTo("CONSENT_REQUIRED");
        // An older grant reported late does not override the newer withdrawal; it takes its place in the history.
        touch.send(c, null, "STORE", "2026-11-20T09:30:00Z", "CONSENT_CHANGED",
                   Map.of("channel", "SMS", "granted", true));
        assertThat(touch.post(c, null, "SMS", "2026-11-20T10:06:00Z", "PROMO_CODE_SENT", code("C-4")).code())
                .isEqualTo("CONSENT_REQUIRED");

        JsonNode customer = touch.read("/api/customers/" + c).json();
        assertThat(customer.get("consents").get("SMS").asBoolean()).isFalse();
        JsonNode history = customer.get("consentHistory");
        assertThat(texts(history, "at")).containsExactly("2026-11-20T09:00:00Z", "2026-11-20T09:30:00Z",
                                                         "2026-11-20T10:00:00Z");
        assertThat(texts(history, "granted")).containsExactly("true", "true", "false");
        assertThat(texts(history, "reportedVia")).containsExactly("WEB", "STORE", "SMS");
        assertThat(history.get(0).get("channel").asText()).isEqualTo("SMS");
        assertThat(history.get(0).get("touchpointId").asText()).isEqualTo(grant);
        assertThat(customer.get("preferredChannel").isNull()).isTrue();
    }

    @Test
    void consentGivenToAMergedProfileCountsForTheSurvivor() {
        Touch touch = new Touch(api, "consent-2");
        touch.send(null, identity("PHONE", "+31 6 4444 0001"), "WHATSAPP", "2026-11-21T09:00:00Z",
                   "CONSENT_CHANGED", Map.of("channel", "WHATSAPP", "granted", true));
        String a = "cust-consent-2";
        touch.send(a, null, "WEB", "2026-11-21T09:10:00Z", "CONSENT_CHANGED",
                   Map.of("channel", "EMAIL", "granted", true));
        assertThat(touch.post(a, null, "WHATSAPP", "2026-11-21T09:15:00Z", "PROMO_CODE_SENT", code("W-1")).code())
                .isEqualTo("CONSENT_REQUIRED");
        touch.send(a, null, "WEB", "2026-11-21T09:20:00Z", "IDENTITY_LINKED",
                   Map.of("type", "PHONE", "value", "+31644440001"));
        touch.send(a, null, "WHATSAPP", "2026-11-21T09:25:00Z", "PROMO_CODE_SENT", code("W-1"));
        JsonNode customer = touch.read("/api/customers/" + a).json();
        assertThat(customer.get("consents").get("WHATSAPP").asBoolean()).isTrue();
        assertThat(customer.get("consents").get("EMAIL").asBoolean()).isTrue();
        assertThat(texts(customer.get("consentHistory"), "channel")).containsExactly("WHATSAPP", "EMAIL");
    }
}
