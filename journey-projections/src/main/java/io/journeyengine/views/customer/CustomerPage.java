package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.lifecycle.LifecycleStage;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A page of the customer listing: {@code total} customers match, {@code items} are those of page {@code page}. */
public record CustomerPage(List<Item> items, int page, int size, long total) {

    /**
     * One customer in the listing: channels in order of first use, the number of applied touchpoints and the latest
     * {@code occurredAt} among them.
     */
    public record Item(String customerId, LifecycleStage stage, List<Identity> identities, List<Channel> channels,
                       long touchpoints, Instant lastTouchpointAt) {
    }

    /** The same page with every identity shown as {@code show} turns it out (masking for callers without AGENT). */
    public CustomerPage showingIdentities(UnaryOperator<Identity> show) {
        return new CustomerPage(items.stream().map(i -> new Item(i.customerId(), i.stage(),
                                                                 i.identities().stream().map(show).toList(),
                                                                 i.channels(), i.touchpoints(),
                                                                 i.lastTouchpointAt())).toList(),
                                page, size, total);
    }
}
