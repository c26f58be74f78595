package io.journeyengine.api.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The right to erasure, for administrators (on behalf of the privacy officer). */
@RestController
@Tag(name = "Identities")
public class ErasureController {

    private final Erasure erasure;

    public ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @Operation(summary = "Erase a customer's personal data",
               description = "Makes the personal data of the customer, and of every profile merged into it, "
                       + "unreadable for good (crypto-shredding): identity values, message texts, topics, "
                       + "resolutions and return reasons read [erased] in events and views; the identities no "
                       + "longer lead to the customer. Counts and the replayable history stay. Repeatable. 404 for "
                       + "an unknown customer. See docs/privacy.md.")
    @DeleteMapping("/api/customers/{customerId}/personal-data")
    public Erasure.Result erase(@PathVariable String customerId,
                                @RequestHeader(value = "X-Request-Id", required = false) String requestId) {
        String correlation = requestId != null && !requestId.isBlank() && requestId.length() <= 100 ? requestId
                : UUID.randomUUID().toString();
        return erasure.erase(customerId, correlation);
    }
}
