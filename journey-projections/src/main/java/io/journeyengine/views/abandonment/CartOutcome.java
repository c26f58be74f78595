package io.journeyengine.views.abandonment;

/** What can happen to a cart that the abandoned-cart figures count; stored by name in {@code kind} columns. */
enum CartOutcome {
    /** A non-empty cart without cart or checkout activity for the abandonment delay. */
    ABANDONED,
    /** The engine sent a reminder for it, on the channel of the reminder. */
    REMINDED,
    /** A checkout, in any channel, within 7 days of the reminder; counted at the checkout's channel. */
    RECOVERED
}
