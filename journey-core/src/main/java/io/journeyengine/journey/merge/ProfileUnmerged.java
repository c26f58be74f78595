package io.journeyengine.journey.merge;

import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.cart.CartLine;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The merge of {@code mergedCustomerId} into this customer was undone at {@code at}: {@code returned} (what the merge
 * had taken over) went back to it. What happened on this customer since the merge stays here. {@code cartLines} are
 * the lines of this cart the merge had set, as they are again now (quantity 0: the product left the cart).
 */
@Revision("1")
public record ProfileUnmerged(String customerId, String mergedCustomerId, Instant at, MergedProfile returned,
                              List<CartLine> cartLines) implements JourneyEvent {

    public ProfileUnmerged {
        cartLines = cartLines == null ? List.of() : List.copyOf(cartLines);
    }
}
