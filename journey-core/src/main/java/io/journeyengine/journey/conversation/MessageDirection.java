package io.journeyengine.journey.conversation;

/** Whether the customer ({@code INBOUND}) or the retailer ({@code OUTBOUND}) wrote a message. */
public enum MessageDirection {
    INBOUND, OUTBOUND
}
