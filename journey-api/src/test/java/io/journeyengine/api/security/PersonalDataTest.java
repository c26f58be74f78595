package io.journeyengine.api.security;

import io.journeyengine.journey.identity.IdentityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @Test
    void aPhoneNumberKeepsOnlyItsCountryCodeAndLastTwoDigits() {
        assertThat(PersonalData.mask(IdentityType.PHONE, "+31612345678")).isEqualTo("+31*******78");
    }

    @Test
    void anEmailAddressKeepsItsFirstLetterAndDomain() {
        assertThat(PersonalData.mask(IdentityType.EMAIL, "ann@example.com")).isEqualTo("a***@example.com");
    }

    @Test
    void otherIdentifiersKeepTheirLastFourCharacters() {
        assertThat(PersonalData.mask(IdentityType.LOYALTY_CARD, "LC-0099887766")).isEqualTo("***7766");
        assertThat(PersonalData.mask(IdentityType.COOKIE_ID, "abc")).isEqualTo("***");
    }

    @Test
    void anErasedValueIsShownAsErasedWhateverItsType() {
        for (IdentityType type : IdentityType.values()) {
            assertThat(PersonalData.mask(type, "[erased]")).isEqualTo("[erased]");
        }
    }
}
