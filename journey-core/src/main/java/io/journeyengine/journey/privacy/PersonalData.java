package io.journeyengine.journey.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component of an event (or of state stored with one) as personal data: an identity value, a message
 * text, a free-text topic, resolution or reason. The storage layer keeps such values encrypted under a key of the
 * {@link DataSubject} they belong to; erasing the customer deletes that key, and the value then reads as
 * {@link #ERASED} everywhere, while the rest of the event stays readable and replayable.
 * <p>
 * Which values are personal, and why the others (customer ids, SKUs, order ids, codes, amounts, channels, times) are
 * not, is written down in docs/privacy.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What an erased personal value reads as. */
    String ERASED = "[erased]";
}
