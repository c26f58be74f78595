package io.journeyengine.api.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the views read it: the same streams, plus a wake-up call when new events are committed.
 * <p>
 * Axon's pooled processors poll a stream that cannot announce new events every 500 ms, which made a cart change
 * visible up to half a second late. This source announces every commit of this node at once (after the
 * transaction, so the events are readable), and ticks every {@value #TICK_MILLIS} ms for events that other nodes
 * append to the shared database.
 */
@Component("journeyEventSource")
public class JourneyEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    static final long TICK_MILLIS = 200;

    private final EventStore eventStore;
    private final Set<AnnouncingStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "journey-event-source-tick");
        thread.setDaemon(true);
        return thread;
    });

    public JourneyEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        // Subscribers are called while the events are being committed; announce them once the commit is done.
        eventStore.subscribe(events -> CurrentUnitOfWork.ifStarted(
                unitOfWork -> unitOfWork.root().afterCommit(u -> announce(true))));
        ticker.scheduleWithFixedDelay(() -> announce(false), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void announce(boolean committedHere) {
        streams.forEach(stream -> stream.announce(committedHere));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new AnnouncingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }

    private final class AnnouncingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        private volatile boolean committedHere;

        AnnouncingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        void announce(boolean committed) {
            Runnable wakeUp = callback;
            if (wakeUp != null) {
                committedHere |= committed;
                wakeUp.run();
            }
        }

        /**
         * The embedded store fetches committed events on its own thread: right after a commit here, give it a moment
         * instead of answering "nothing yet" and sleeping until the next announcement.
         */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout == 0 && committedHere) {
                committedHere = false;
                return delegate.hasNextAvailable(50, TimeUnit.MILLISECONDS);
            }
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            streams.add(this);
            return true;
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
