package io.journeyengine.journey.identity;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import org.junit.jupiter.api.Test;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.JourneyFixtures.*;

/** IDENTITY_LINKED, and identities captured from the way a channel addressed the customer. */
class IdentityTest {

    private final Identity email = Identity.of(IdentityType.EMAIL, "Jane.Doe@Example.com");
    private final Identity phone = Identity.of(IdentityType.PHONE, "+31 6 1234 5678");

    @Test
    void linkingAnIdentityAcquiresANewCustomer() {
        Touchpoint login = tp("tp-1", WEB, 0);
        fixture().givenNoPriorActivity()
                 .when(new LinkIdentity(CUSTOMER, login, null, email))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(started(login), new IdentityLinked(CUSTOMER, login, email),
                               advanced(login, null, StageRule.IDENTITY_LINKED));
    }

    @Test
    void linkingAnIdentityAfterBrowsingMovesReachToAcquisition() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint card = tp("tp-2", STORE, 30);
        Identity loyaltyCard = Identity.of(IdentityType.LOYALTY_CARD, " LC-000123 ");
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT))
                 .when(new LinkIdentity(CUSTOMER, card, null, loyaltyCard))
                 .expectEvents(new IdentityLinked(CUSTOMER, card,
                                                  new Identity(IdentityType.LOYALTY_CARD, "LC-000123")),
                               advanced(card, LifecycleStage.REACH, StageRule.IDENTITY_LINKED));
    }

    @Test
    void aLinkAddressedByANewIdentityCapturesItFirst() {
        Touchpoint login = tp("tp-1", APP, 0);
        fixture().givenNoPriorActivity()
                 .when(new LinkIdentity(CUSTOMER, login, phone, email))
                 .expectEvents(started(login), new IdentityCaptured(CUSTOMER, login, phone),
                               new IdentityLinked(CUSTOMER, login, email),
                               advanced(login, null, StageRule.IDENTITY_LINKED));
    }

    @Test
    void aLinkedIdentityIsNotCapturedAgainWhenAChannelAddressesTheCustomerByIt() {
        Touchpoint login = tp("tp-1", WEB, 0);
        Touchpoint view = tp("tp-2", APP, 10);
        fixture().given(started(login), new IdentityLinked(CUSTOMER, login, email),
                        advanced(login, null, StageRule.IDENTITY_LINKED))
                 .when(new io.journeyengine.journey.browsing.ViewProduct(
                         CUSTOMER, view, Identity.of(IdentityType.EMAIL, " JANE.DOE@example.COM "), "BOOTS-42"))
                 .expectEvents(viewed(view, "BOOTS-42"));
    }

    @Test
    void anotherIdentityOfTheSameCustomerIsCaptured() {
        Touchpoint sms = tp("tp-1", SMS, 0);
        Touchpoint view = tp("tp-2", WEB, 10);
        Identity cookie = Identity.of(IdentityType.COOKIE_ID, "ck-77");
        fixture().given(started(sms), new IdentityCaptured(CUSTOMER, sms, phone), viewed(sms, "BOOTS-42"),
                        advanced(sms, null, StageRule.ANY_TOUCHPOINT))
                 .when(new io.journeyengine.journey.browsing.ViewProduct(CUSTOMER, view, cookie, "SOCKS-1"))
                 .expectEvents(new IdentityCaptured(CUSTOMER, view, cookie), viewed(view, "SOCKS-1"));
    }
}
