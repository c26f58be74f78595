package io.journeyengine.api.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * One open stream of one customer's updates.
 * <p>
 * Updates reach it from two sides: the catch-up read of the store (after {@code Last-Event-ID}) and the live tail.
 * While the catch-up runs, live updates wait aside; afterwards they follow, and any update at or below the last
 * position already queued is dropped, so each update is sent once and in order (a customer's positions only grow).
 * Sending happens on a small shared pool, never on the live tail's thread: a slow client cannot hold up the others.
 * A client that falls more than {@code maxQueued} updates behind is disconnected; it reconnects with its
 * {@code Last-Event-ID} and catches up from the store.
 */
final class Subscription {

    private final String customerId;
    private final Set<String> topics;
    private final SseEmitter emitter;
    private final Executor senders;
    private final int maxQueued;
    private final Runnable onClose;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final List<CustomerUpdate> heldDuringCatchUp = new ArrayList<>();
    private long lastQueued;
    private boolean catchingUp = true;
    private boolean draining;
    private boolean closed;

    /** A keep-alive comment, queued like an update so that it never interleaves with one being written. */
    private static final Object KEEP_ALIVE = new Object();

    Subscription(String customerId, Set<String> topics, long after, SseEmitter emitter, Executor senders,
                 int maxQueued, Runnable onClose) {
        this.customerId = customerId;
        this.topics = topics;
        this.lastQueued = after;
        this.emitter = emitter;
        this.senders = senders;
        this.maxQueued = maxQueued;
        this.onClose = onClose;
    }

    String customerId() {
        return customerId;
    }

    /** An update from the live tail. */
    synchronized void live(CustomerUpdate update) {
        if (catchingUp) {
            heldDuringCatchUp.add(update);
        } else {
            enqueue(update);
        }
    }

    /** An update read from the store during the catch-up. */
    synchronized void caughtUp(CustomerUpdate update) {
        enqueue(update);
    }

    /** The catch-up is over: the live updates that arrived meanwhile follow, duplicates dropped. */
    synchronized void live() {
        catchingUp = false;
        heldDuringCatchUp.forEach(this::enqueue);
        heldDuringCatchUp.clear();
    }

    /**
     * A first comment, sent at once: it puts the response's headers on the wire, so the client knows the stream is
     * open (until the first write, the container holds them back).
     */
    synchronized void open(String comment) {
        queue.add(new Comment(comment));
        scheduleDrain();
    }

    private record Comment(String text) {
    }

    synchronized void keepAlive() {
        if (!closed && queue.isEmpty()) {
            queue.add(KEEP_ALIVE);
            scheduleDrain();
        }
    }

    private void enqueue(CustomerUpdate update) {
        if (closed || update.position() <= lastQueued) {
            return;
        }
        lastQueued = update.position();
        if (!topics.contains(update.topic())) {
            return;
        }
        if (queue.size() >= maxQueued) {
            // Too far behind: let it reconnect and read the rest from the store.
            closed = true;
            queue.clear();
            senders.execute(() -> {
                emitter.complete();
                onClose.run();
            });
            return;
        }
        queue.add(update);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!draining) {
            draining = true;
            senders.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Object next;
            synchronized (this) {
                next = queue.poll();
                if (next == null || closed) {
                    draining = false;
                    return;
                }
            }
            try {
                if (next == KEEP_ALIVE) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } else if (next instanceof Comment comment) {
                    emitter.send(SseEmitter.event().comment(comment.text()));
                } else {
                    CustomerUpdate update = (CustomerUpdate) next;
                    emitter.send(SseEmitter.event().id(Long.toString(update.position())).name(update.topic())
                                           .data(update, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException gone) {
                close();
                return;
            }
        }
    }

    /** The client went away (or the emitter timed out): stop queueing for it. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            draining = false;
        }
        try {
            // Ends the response, so a client of a node that shuts down reconnects (to another node) at once.
            emitter.complete();
        } catch (RuntimeException alreadyOver) {
            // the response had already ended
        }
        onClose.run();
    }
}
