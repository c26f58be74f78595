package io.journeyengine.journey.identity;

/** The ways a channel knows a customer. */
public enum IdentityType {
    PHONE, EMAIL, DEVICE_ID, COOKIE_ID, LOYALTY_CARD
}
