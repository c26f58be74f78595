package io.journeyengine.views.customer;

import io.journeyengine.journey.lifecycle.LifecycleStage;

/** Query: one page of customers ordered by id, optionally only those in {@code stage} (null: all). */
public record FindCustomers(LifecycleStage stage, int page, int size) {
}
