package io.journeyengine.api.customer;

import io.journeyengine.api.identity.Aliases;
import io.journeyengine.api.problem.QueryParameters;
import io.journeyengine.api.security.PersonalData;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.views.cart.CartView;
import io.journeyengine.views.cart.FindCart;
import io.journeyengine.views.customer.Customer360;
import io.journeyengine.views.customer.CustomerPage;
import io.journeyengine.views.customer.CustomerProfile;
import io.journeyengine.views.customer.FindCustomer;
import io.journeyengine.views.customer.FindCustomers;
import io.journeyengine.views.lifecycle.CustomerLifecycle;
import io.journeyengine.views.lifecycle.FindLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The customer 360 for agents and the customer listing for agents and analysts. */
@RestController
@Tag(name = "Customers")
public class CustomerController {

    private final QueryGateway queries;
    private final Clock clock;
    private final Aliases aliases;

    public CustomerController(QueryGateway queries, Clock clock, Aliases aliases) {
        this.queries = queries;
        this.clock = clock;
        this.aliases = aliases;
    }

    @Operation(summary = "Customer 360",
               description = "Stage and its history, identities, consents, cart, conversations, codes, orders, "
                       + "channels, preferred channel, the next best action and the profiles merged into the "
                       + "customer. 404 for an unknown customer. A merged profile's id answers with its survivor.")
    @GetMapping("/api/customers/{customerId}")
    public Customer360 customer(@PathVariable("customerId") String requestedId) {
        // A profile merged into another is that customer now: answer with the survivor (its customerId says so).
        String customerId = aliases.canonical(requestedId);
        // The three views are asked at once; the profile decides whether the customer exists.
        CompletableFuture<Optional<CustomerProfile>> profile = queries.query(
                new FindCustomer(customerId), ResponseTypes.optionalInstanceOf(CustomerProfile.class));
        CompletableFuture<Optional<CustomerLifecycle>> lifecycle = queries.query(
                new FindLifecycle(customerId), ResponseTypes.optionalInstanceOf(CustomerLifecycle.class));
        CompletableFuture<Optional<CartView>> cart = queries.query(
                new FindCart(customerId), ResponseTypes.optionalInstanceOf(CartView.class));
        // Only AGENT keys reach this endpoint, and they see identities in full (SecurityConfiguration).
        return Customer360.of(profile.join().orElseThrow(() -> CustomerNotFound.of(customerId)),
                              lifecycle.join().orElse(null), cart.join().orElse(null), clock.instant());
    }

    @Operation(summary = "Customers, a page at a time",
               description = "Ordered by customerId, optionally only one lifecycle stage. page from 0, size 1-500 "
                       + "(default 50). Identity values are masked for callers without the AGENT role.")
    @GetMapping("/api/customers")
    public CustomerPage customers(@RequestParam(required = false) String stage,
                                  @RequestParam(required = false) String page,
                                  @RequestParam(required = false) String size) {
        QueryParameters parameters = new QueryParameters();
        LifecycleStage only = parameters.oneOf("stage", stage, LifecycleStage.class);
        FindCustomers query = new FindCustomers(only, parameters.page(page), parameters.size(size));
        parameters.check();
        return queries.query(query, ResponseTypes.instanceOf(CustomerPage.class)).join()
                      .showingIdentities(id -> new Identity(id.type(), PersonalData.forCaller(id)));
    }
}
