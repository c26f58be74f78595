package io.journeyengine.api.customer;

import io.journeyengine.api.identity.Aliases;
import io.journeyengine.views.cart.CartView;
import io.journeyengine.views.cart.FindCart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The customer's one cart, the same from every channel. */
@RestController
@Tag(name = "Customers", description = "What agents and channels read about a customer")
public class CartController {

    private final QueryGateway queries;
    private final Aliases aliases;

    public CartController(QueryGateway queries, Aliases aliases) {
        this.queries = queries;
        this.aliases = aliases;
    }

    @Operation(summary = "The cross-channel cart",
               description = "Items added on any channel, with the channel each was first added on. 404 for an "
                       + "unknown customer. A profile merged into another answers with the survivor's cart.")
    @GetMapping("/api/customers/{customerId}/cart")
    public CartView cart(@PathVariable String customerId) {
        return queries.query(new FindCart(aliases.canonical(customerId)), ResponseTypes.optionalInstanceOf(CartView.class))
                      .join()
                      .orElseThrow(() -> CustomerNotFound.of(customerId));
    }
}
