package io.journeyengine.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.config.BackgroundTask;
import io.journeyengine.api.config.JourneyEventSource;
import io.journeyengine.api.debug.JourneyEvents;
import io.journeyengine.api.debug.StoredEvent;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live updates per customer ({@code GET /api/customers/{id}/updates}).
 * <p>
 * Each node tails the shared event store from its head (the same gap-aware stream the views read), so an update
 * reaches a subscriber whichever node appended the event. Only events of customers someone listens to are
 * deserialised. A subscriber that names a position ({@code Last-Event-ID}) first gets the customer's later events
 * read from the store, then the live ones, each once.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final JourneyEventSource source;
    private final JourneyEvents events;
    private final JdbcTemplate jdbc;
    private final int maxSubscribers;
    private final int maxQueued;
    private final Duration keepAlive;
    private final Duration timeout;
    private final ConcurrentHashMap<String, Set<Subscription>> byCustomer = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService senders = Executors.newFixedThreadPool(4, daemon("journey-live-send"));
    private BackgroundTask keepAlives;
    private volatile boolean running;
    private Thread tail;

    public LiveUpdates(JourneyEventSource source, JourneyEvents events, JdbcTemplate jdbc,
                       @Value("${journey.live.max-subscribers:10000}") int maxSubscribers,
                       @Value("${journey.live.max-queued:1000}") int maxQueued,
                       @Value("${journey.live.keep-alive:15s}") Duration keepAlive,
                       @Value("${journey.live.timeout:30m}") Duration timeout) {
        this.source = source;
        this.events = events;
        this.jdbc = jdbc;
        this.maxSubscribers = maxSubscribers;
        this.maxQueued = maxQueued;
        this.keepAlive = keepAlive;
        this.timeout = timeout;
    }

    /** Open streams on this node. */
    public int subscribers() {
        return open.get();
    }

    /**
     * Opens a stream of {@code customerId}'s updates after {@code after} (a position; -1: only what happens from
     * now), limited to {@code topics}. Empty when this node already serves its maximum of streams.
     */
    public java.util.Optional<SseEmitter> subscribe(String customerId, long after, Set<String> topics) {
        if (open.incrementAndGet() > maxSubscribers) {
            open.decrementAndGet();
            return java.util.Optional.empty();
        }
        if (after < 0) {
            // "From now" is after the customer's latest event, not after whatever the tail has reached.
            Long latest = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry "
                                                      + "WHERE aggregate_identifier = ?", Long.class, customerId);
            after = latest == null ? -1 : latest;
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscription[] self = new Subscription[1];
        AtomicInteger closed = new AtomicInteger();
        Runnable forget = () -> {
            if (closed.getAndIncrement() == 0) {
                open.decrementAndGet();
                byCustomer.computeIfPresent(customerId, (c, set) -> {
                    set.remove(self[0]);
                    return set.isEmpty() ? null : set;
                });
            }
        };
        Subscription subscription = new Subscription(customerId, topics, after, emitter, senders, maxQueued, forget);
        self[0] = subscription;
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(e -> subscription.close());
        subscription.open("updates of " + customerId + " after position " + after);
        // Listen first, then read the store: an event appended in between is in one or both, never in neither.
        byCustomer.computeIfAbsent(customerId, c -> ConcurrentHashMap.newKeySet()).add(subscription);
        catchUp(subscription, customerId, after);
        subscription.live();
        return java.util.Optional.of(emitter);
    }

    private void catchUp(Subscription subscription, String customerId, long after) {
        Long fromSequence = jdbc.queryForObject(
                "SELECT MIN(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND global_index > ?", Long.class, customerId, after);
        if (fromSequence == null) {
            return;
        }
        long from = fromSequence;
        while (true) {
            JourneyEvents.Page page = events.page(customerId, from, 500);
            for (StoredEvent event : page.events()) {
                CustomerUpdate update = update(event);
                if (update != null) {
                    subscription.caughtUp(update);
                }
            }
            if (!page.more()) {
                return;
            }
            from = page.events().get(page.events().size() - 1).sequence() + 1;
        }
    }

    private CustomerUpdate update(StoredEvent event) {
        Class<?> type;
        try {
            type = Class.forName(event.payloadType());
        } catch (ClassNotFoundException e) {
            return null;
        }
        String topic = UpdateTopics.of(type);
        if (topic == null || event.position() == null) {
            return null;
        }
        JsonNode payload = event.payload();
        JsonNode touchpoint = payload.path("touchpoint");
        ObjectNode data = payload.isObject() ? ((ObjectNode) payload).deepCopy() : null;
        if (data != null) {
            data.remove("customerId");
            data.remove("touchpoint");
        }
        return new CustomerUpdate(event.position(), event.sequence(), event.customerId(), topic, event.type(),
                                  textOrNull(touchpoint, "id"), textOrNull(touchpoint, "channel"),
                                  event.occurredAt(), data);
    }

    private static String textOrNull(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private void follow() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
                while (running) {
                    if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        continue;
                    }
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    if (!(message instanceof DomainEventMessage<?> domain)) {
                        continue;
                    }
                    Set<Subscription> listeners = byCustomer.get(domain.getAggregateIdentifier());
                    if (listeners == null || listeners.isEmpty() || UpdateTopics.of(domain.getPayloadType()) == null) {
                        continue;
                    }
                    long position = message.trackingToken().position().orElse(-1);
                    CustomerUpdate update = update(events.describe(domain, position));
                    if (update != null) {
                        listeners.forEach(listener -> listener.live(update));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database went away for a moment: reopen at the head. Subscribers that missed updates meanwhile
                // are not told; their next reconnect with Last-Event-ID reads them from the store.
                log.warn("Live updates lost the event stream, reopening: {}", e.getMessage());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        tail = new Thread(this::follow, "journey-live-tail");
        tail.setDaemon(true);
        tail.start();
        keepAlives = BackgroundTask.every(keepAlive, "journey-live-keepalive", log,
                                          () -> byCustomer.values().forEach(set -> set.forEach(Subscription::keepAlive)));
    }

    @Override
    public void stop() {
        running = false;
        if (tail != null) {
            tail.interrupt();
        }
        if (keepAlives != null) {
            keepAlives.stop();
        }
        byCustomer.values().forEach(set -> set.forEach(Subscription::close));
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
