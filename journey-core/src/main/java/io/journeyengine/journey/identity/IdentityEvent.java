package io.journeyengine.journey.identity;

/** An event that attaches an identity to a customer, whichever way it arrived. */
public interface IdentityEvent {
    String customerId();

    Identity identity();
}
