package io.journeyengine.journey.merge;

import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.identity.Identity;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Profile {@code mergedCustomerId} was merged into this customer, because {@code touchpoint} linked {@code evidence},
 * one of the merged profile's identities, to this customer. {@code profile} is everything this customer took over:
 * all identities, consent decisions and touchpoints of the merged profile, and its codes, conversations, orders and
 * programmes that this customer did not have already. {@code cartLines} are the lines of this customer's cart the
 * merge set (a product in both carts keeps the larger quantity). A consequence of the touchpoint, not a touchpoint.
 */
@Revision("1")
public record ProfileMerged(String customerId, Touchpoint touchpoint, String mergedCustomerId, Identity evidence,
                            MergedProfile profile, List<CartLine> cartLines) implements JourneyEvent {

    public ProfileMerged {
        cartLines = cartLines == null ? List.of() : List.copyOf(cartLines);
    }
}
