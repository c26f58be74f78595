package io.journeyengine.journey.deadline;

import org.axonframework.deadline.DeadlineManager;

import java.util.Map;

/**
 * The journey's deadlines are derived from its state: after every command the journey compares what it waits for
 * now with what it waited for before, and cancels and schedules the difference. A late touchpoint that does not move
 * the cart's last activity therefore leaves the abandonment deadline alone, and no handler has to remember to cancel.
 */
public final class JourneyDeadlines {

    /** A non-empty cart's abandonment; one per customer. */
    public static final String CART_ABANDONMENT = "cart-abandonment";
    /** An unredeemed code's expiry; one per code ({@code promo-expiry:CODE}). */
    public static final String PROMO_EXPIRY = "promo-expiry";
    /** An open conversation's idle close; one per conversation ({@code conversation-idle:ID}). */
    public static final String CONVERSATION_IDLE = "conversation-idle";

    private static final char SEPARATOR = ':';

    private JourneyDeadlines() {
    }

    /** The name of the deadline of {@code kind} about {@code subject} (a code, a conversation id). */
    public static String name(String kind, String subject) {
        return kind + SEPARATOR + subject;
    }

    /** The kind of a deadline named by {@link #name} (or the name itself for one-per-customer kinds). */
    public static String kindOf(String deadlineName) {
        int separator = deadlineName.indexOf(SEPARATOR);
        return separator < 0 ? deadlineName : deadlineName.substring(0, separator);
    }

    /**
     * Cancels the deadlines of {@code before} that are gone or changed in {@code after}, and schedules those of
     * {@code after} that are new or changed. Both maps are keyed by deadline name.
     */
    public static void reconcile(Map<String, JourneyDeadline> before, Map<String, JourneyDeadline> after,
                                 DeadlineManager deadlines) {
        before.forEach((name, deadline) -> {
            if (!deadline.equals(after.get(name))) {
                deadlines.cancelAllWithinScope(name);
            }
        });
        after.forEach((name, deadline) -> {
            if (!deadline.equals(before.get(name))) {
                deadlines.schedule(deadline.dueAt(), name, deadline);
            }
        });
    }
}
