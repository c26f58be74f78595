package io.journeyengine.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Undoing a wrong merge (administrators). */
@RestController
@Tag(name = "Identities", description = "Profile merges and personal data")
public class UnmergeController {

    private static final Pattern CUSTOMER_ID = Pattern.compile("[\\p{Alnum}._:@+\\-]{1,100}");

    private final Unmerging unmerging;

    public UnmergeController(Unmerging unmerging) {
        this.unmerging = unmerging;
    }

    @Operation(summary = "Undo a merge",
               description = "Body {\"mergedCustomerId\": \"...\"}: the profile merged into this customer gets back "
                       + "what came with it; what happened on this customer since stays here. 409 with a reason "
                       + "code where that cannot be done unambiguously (NOT_MERGED, UNMERGE_CODE_REDEEMED, "
                       + "UNMERGE_CART_CHANGED, UNMERGE_CONVERSATION_CONTINUED, UNMERGE_ORDER_CHANGED, "
                       + "CUSTOMER_MERGED). See docs/api.md.")
    @PostMapping(path = "/api/customers/{customerId}/unmerge", consumes = MediaType.APPLICATION_JSON_VALUE,
                 produces = MediaType.APPLICATION_JSON_VALUE)
    public Unmerging.Result unmerge(@PathVariable String customerId, @RequestBody JsonNode body,
                                    @RequestHeader(value = "X-Request-Id", required = false) String requestId) {
        JsonNode merged = body == null ? null : body.get("mergedCustomerId");
        if (body == null || !body.isObject() || merged == null || !merged.isTextual()
                || !CUSTOMER_ID.matcher(merged.asText()).matches()) {
            throw new ProblemException(Problem.validation("Invalid unmerge", List.of(new Problem.FieldError(
                    "mergedCustomerId", "must name the merged profile: 1-100 letters, digits or . _ : @ + -"))));
        }
        String correlation = requestId != null && !requestId.isBlank() && requestId.length() <= 100 ? requestId
                : UUID.randomUUID().toString();
        return unmerging.unmerge(customerId, merged.asText(), correlation);
    }
}
