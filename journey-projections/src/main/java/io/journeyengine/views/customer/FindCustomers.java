package io.journeyengine.views.customer;

import io.journeyengine.journey.lifecycle.LifecycleStage;

/**
 * Query: one page of customers ordered by id, optionally only those in {@code stage} (null: all) and only the
 * customer {@code customerId} (null: all; the listing's search by identity resolves the identity to it first).
 */
public record FindCustomers(LifecycleStage stage, String customerId, int page, int size) {
}
