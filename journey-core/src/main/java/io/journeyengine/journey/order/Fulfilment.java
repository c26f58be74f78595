package io.journeyengine.journey.order;

/** How an online order reaches the customer. */
public enum Fulfilment {
    DELIVERY, STORE_PICKUP
}
