package io.journeyengine.api.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery, in the header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>} where
 * {@code <hex>} is HMAC-SHA256, keyed with the webhook's secret, of {@code <t>.<body>}. Signing the timestamp with
 * the body lets a receiver refuse a captured delivery replayed later (docs/integration.md: accept 5 minutes).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Journey-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
