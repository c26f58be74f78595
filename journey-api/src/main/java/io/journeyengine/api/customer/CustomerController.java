package io.journeyengine.api.customer;

import io.journeyengine.api.identity.Aliases;
import io.journeyengine.api.ingest.IdentityIndex;
import io.journeyengine.api.problem.QueryParameters;
import io.journeyengine.api.security.PersonalData;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityType;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The customer 360 for agents and the customer listing (and search by identity) for agents and analysts. */
@RestController
@Tag(name = "Customers")
public class CustomerController {

    private final QueryGateway queries;
    private final Clock clock;
    private final Aliases aliases;
    private final IdentityIndex identities;

    public CustomerController(QueryGateway queries, Clock clock, Aliases aliases, IdentityIndex identities) {
        this.queries = queries;
        this.clock = clock;
        this.aliases = aliases;
        this.identities = identities;
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
               description = "Ordered by customerId, optionally only one lifecycle stage, or only the customer an "
                       + "identity belongs to (identityType and identity together; the value normalised as ingestion "
                       + "does, e.g. a phone number to E.164). page from 0, size 1-500 (default 50). Identity values "
                       + "are masked for callers without the AGENT role.")
    @GetMapping("/api/customers")
    public CustomerPage customers(@RequestParam(required = false) String stage,
                                  @RequestParam(required = false) String identityType,
                                  @RequestParam(required = false) String identity,
                                  @RequestParam(required = false) String page,
                                  @RequestParam(required = false) String size) {
        QueryParameters parameters = new QueryParameters();
        LifecycleStage only = parameters.oneOf("stage", stage, LifecycleStage.class);
        Optional<Identity> searched = identity(parameters, identityType, identity);
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        parameters.check();
        String customerId = null;
        if (searched.isPresent()) {
            // The identity index is written with the touchpoint that brought the identity and follows merges; an
            // identity nobody has (or an erased one) is an empty page, as any filter that matches no one.
            Optional<String> owner = identities.customerOf(searched.get()).map(aliases::canonical);
            if (owner.isEmpty()) {
                return new CustomerPage(List.of(), pageNumber, pageSize, 0);
            }
            customerId = owner.get();
        }
        FindCustomers query = new FindCustomers(only, customerId, pageNumber, pageSize);
        return queries.query(query, ResponseTypes.instanceOf(CustomerPage.class)).join()
                      .showingIdentities(id -> new Identity(id.type(), PersonalData.forCaller(id)));
    }

    /** The identity searched for, normalised like an ingested one; both parameters or neither. */
    private static Optional<Identity> identity(QueryParameters parameters, String rawType, String rawValue) {
        boolean noType = rawType == null || rawType.isBlank();
        boolean noValue = rawValue == null || rawValue.isBlank();
        if (noType && noValue) {
            return Optional.empty();
        }
        if (noValue) {
            parameters.invalid("identity", "must be given with identityType");
            return Optional.empty();
        }
        if (noType) {
            parameters.invalid("identityType", "must be given with identity");
            return Optional.empty();
        }
        IdentityType type = parameters.oneOf("identityType", rawType, IdentityType.class);
        if (type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Identity.of(type, rawValue));
        } catch (IllegalArgumentException e) {
            parameters.invalid("identity", e.getMessage());
            return Optional.empty();
        }
    }
}
