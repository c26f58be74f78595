package io.journeyengine.journey;

import io.journeyengine.journey.privacy.DataSubject;

/** Every event of a customer journey names its customer, whose personal data it may hold. */
public interface JourneyEvent extends DataSubject {
    @Override
    String customerId();
}
