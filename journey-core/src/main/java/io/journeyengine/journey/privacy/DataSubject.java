package io.journeyengine.journey.privacy;

/**
 * Something that belongs to one customer: the {@link PersonalData} values inside it are that customer's, and are
 * sealed with that customer's key. Every journey event is one; so is a merged profile carried inside another
 * customer's event, whose personal values stay those of the merged customer.
 */
public interface DataSubject {
    String customerId();
}
