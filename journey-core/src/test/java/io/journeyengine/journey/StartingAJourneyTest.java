package io.journeyengine.journey;

import io.journeyengine.journey.browsing.ProductViewed;
import io.journeyengine.journey.browsing.ViewProduct;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityCaptured;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.lifecycle.StageRule;
import org.junit.jupiter.api.Test;

import static io.journeyengine.journey.JourneyFixtures.*;

class StartingAJourneyTest {

    @Test
    void theFirstTouchpointStartsTheJourneyAndReachesTheCustomer() {
        Touchpoint view = tp("tp-1", Channel.WEB, 0);
        fixture().givenNoPriorActivity()
                 .when(new ViewProduct(CUSTOMER, view, null, "BOOTS-42"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(started(view),
                               new ProductViewed(CUSTOMER, view, "BOOTS-42"),
                               advanced(view, null, StageRule.ANY_TOUCHPOINT));
    }

    @Test
    void anIdentityTheChannelAddressedTheCustomerByIsCapturedOnce() {
        Identity phone = Identity.of(IdentityType.PHONE, "+31 6 1234 5678");
        Touchpoint first = tp("tp-1", Channel.SMS, 0);
        Touchpoint second = tp("tp-2", Channel.SMS, 5);
        fixture().given(started(first), new IdentityCaptured(CUSTOMER, first, phone),
                        new ProductViewed(CUSTOMER, first, "A"),
                        advanced(first, null, StageRule.ANY_TOUCHPOINT))
                 .when(new ViewProduct(CUSTOMER, second, phone, "B"))
                 .expectEvents(new ProductViewed(CUSTOMER, second, "B"));
    }

    @Test
    void aNewCustomerAddressedByIdentityGetsTheIdentityCaptured() {
        Identity phone = Identity.of(IdentityType.PHONE, "0031612345678");
        Touchpoint first = tp("tp-1", Channel.SMS, 0);
        fixture().givenNoPriorActivity()
                 .when(new ViewProduct(CUSTOMER, first, phone, "A"))
                 .expectEvents(started(first), new IdentityCaptured(CUSTOMER, first, phone),
                               new ProductViewed(CUSTOMER, first, "A"),
                               advanced(first, null, StageRule.ANY_TOUCHPOINT));
    }

    @Test
    void aFirstCartAddSkipsReachAndGoesStraightToAcquisition() {
        Touchpoint add = tp("tp-1", Channel.WEB, 0);
        fixture().givenNoPriorActivity()
                 .when(addItem(add, "BOOTS-42", 2, "89.90"))
                 .expectEvents(started(add), itemAdded(add, "BOOTS-42", 2, "89.90"),
                               advanced(add, null, StageRule.CART_ITEM_ADDED));
    }

    @Test
    void aStageAlreadyReachedIsNotAnnouncedAgain() {
        Touchpoint add = tp("tp-1", Channel.WEB, 0);
        Touchpoint view = tp("tp-2", Channel.APP, 1);
        fixture().given(started(add), itemAdded(add, "A", 1, "1.00"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED))
                 .when(new ViewProduct(CUSTOMER, view, null, "B"))
                 .expectEvents(new ProductViewed(CUSTOMER, view, "B"));
    }
}
