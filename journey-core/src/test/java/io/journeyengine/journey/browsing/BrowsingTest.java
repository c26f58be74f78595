package io.journeyengine.journey.browsing;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.StageRule;
import org.junit.jupiter.api.Test;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.JourneyFixtures.*;

/** PRODUCT_VIEWED. */
class BrowsingTest {

    @Test
    void aProductViewReachesANewCustomer() {
        Touchpoint view = tp("tp-1", WEB, 0);
        fixture().givenNoPriorActivity()
                 .when(view(view, "BOOTS-42"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT));
    }

    @Test
    void theSameProductMayBeViewedAgainInAnotherChannel() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint again = tp("tp-2", APP, 10);
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT))
                 .when(view(again, "BOOTS-42"))
                 .expectEvents(viewed(again, "BOOTS-42"));
    }
}
