package io.journeyengine.views.timeline;

/** Query: the latest {@code limit} touchpoints of a customer (in timeline order), or none for an unknown customer. */
public record FindTimeline(String customerId, int limit) {
}
