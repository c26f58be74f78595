package io.journeyengine.views.lifecycle;

/** Query: the current stage and stage history of one customer. */
public record FindLifecycle(String customerId) {
}
