package io.journeyengine.journey.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityNormalisationTest {

    @Test
    void aPhoneNumberWithBlanksBecomesE164() {
        assertThat(Identity.of(IdentityType.PHONE, "+31 6 1234 5678"))
                .isEqualTo(new Identity(IdentityType.PHONE, "+31612345678"));
    }

    @Test
    void aPhoneNumberWithTheInternationalPrefix00BecomesE164() {
        assertThat(Identity.of(IdentityType.PHONE, "0031612345678").value()).isEqualTo("+31612345678");
    }

    @Test
    void aPhoneNumberWithPunctuationBecomesE164() {
        assertThat(Identity.of(IdentityType.PHONE, " (+31) 6-1234.5678 ").value()).isEqualTo("+31612345678");
        assertThat(Identity.of(IdentityType.PHONE, "+1 (415) 555/0100").value()).isEqualTo("+14155550100");
    }

    @Test
    void twoSpellingsOfOnePhoneNumberAreOneIdentity() {
        assertThat(Identity.of(IdentityType.PHONE, "+31 6 1234 5678"))
                .isEqualTo(Identity.of(IdentityType.PHONE, "0031612345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "+0612345678", "+3161", "+31 6 1234 5678 9012 34", "phone", "+31-6-abc"})
    void aPhoneNumberNotInInternationalFormatIsRejected(String raw) {
        assertThatThrownBy(() -> Identity.of(IdentityType.PHONE, raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("international format");
    }

    @Test
    void anEmailAddressIsTrimmedAndLowerCased() {
        assertThat(Identity.of(IdentityType.EMAIL, "  Jane.Doe@Example.COM "))
                .isEqualTo(new Identity(IdentityType.EMAIL, "jane.doe@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "@example.com", "jane@example", "jane doe@example.com", "a@b@c.com"})
    void aMalformedEmailAddressIsRejected(String raw) {
        assertThatThrownBy(() -> Identity.of(IdentityType.EMAIL, raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e-mail");
    }

    @Test
    void otherIdentifiersAreTrimmedButKeepTheirCase() {
        assertThat(Identity.of(IdentityType.COOKIE_ID, "  Ck-77AbC ").value()).isEqualTo("Ck-77AbC");
        assertThat(Identity.of(IdentityType.DEVICE_ID, "dev-1").value()).isEqualTo("dev-1");
        assertThat(Identity.of(IdentityType.LOYALTY_CARD, " LC-1 ").value()).isEqualTo("LC-1");
    }

    @Test
    void aBlankValueIsRejected() {
        for (IdentityType type : IdentityType.values()) {
            assertThatThrownBy(() -> Identity.of(type, "   ")).isInstanceOf(IllegalArgumentException.class)
                                                            .hasMessageContaining("blank");
            assertThatThrownBy(() -> Identity.of(type, null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aValueOverTwoHundredCharactersIsRejected() {
        String longValue = "x".repeat(Identity.MAX_LENGTH + 1);
        assertThatThrownBy(() -> Identity.of(IdentityType.COOKIE_ID, longValue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
        assertThat(Identity.of(IdentityType.COOKIE_ID, "x".repeat(Identity.MAX_LENGTH)).value())
                .hasSize(Identity.MAX_LENGTH);
    }
}
