package io.journeyengine.journey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A touchpoint the journey refuses because it breaks a business rule. Thrown by the aggregate before anything is
 * applied, so a refused touchpoint leaves no trace in the event store.
 * <p>
 * {@link #details()} carries facts a channel can act on (for a code already redeemed: when, where and in which
 * order), published as extension members of the problem answer.
 */
public class JourneyRuleViolation extends RuntimeException {

    private final RuleCode code;
    private final Map<String, Object> details;

    public JourneyRuleViolation(RuleCode code, String message) {
        this(code, message, Map.of());
    }

    public JourneyRuleViolation(RuleCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public RuleCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
