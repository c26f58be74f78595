package io.journeyengine.api.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.cluster.NodeIdentity;
import io.journeyengine.api.config.AxonStorageConfiguration;
import io.journeyengine.api.config.BackgroundTask;
import io.journeyengine.api.debug.JourneyEvents;
import io.journeyengine.api.debug.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the queued webhook deliveries, on every node.
 * <p>
 * Each poll takes due deliveries that are the earliest undelivered one of their webhook and customer, so a customer's
 * events arrive in order and one at a time, while different customers go in parallel. A node claims a delivery
 * in the database before sending it (another node skips it until the claim lapses, which also hands over the
 * deliveries of a node that died mid-send: at least once). A failure is retried after {@code retry-backoff},
 * doubling each time, and after {@code max-attempts} the delivery is parked with its reason; the customer's later
 * events for that webhook wait behind it until an admin redelivers it.
 */
@Component
public class WebhookDeliverer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final int BATCH = 100;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Webhooks webhooks;
    private final JourneyEvents events;
    private final String nodeId;
    private final Duration pollInterval;
    private final Duration retryBackoff;
    private final int maxAttempts;
    private final Duration timeout;
    /** Delivered rows are kept this long (for operators to look at), then deleted. */
    private final Duration keepDelivered;
    private final Duration pruneInterval;
    private volatile long nextPruneNanos = System.nanoTime();
    private final ObjectMapper json = AxonStorageConfiguration.storedForm().build();
    private final HttpClient http;
    private final ExecutorService senders;
    private BackgroundTask poller;
    private volatile boolean running;

    public WebhookDeliverer(JdbcTemplate jdbc, Webhooks webhooks, JourneyEvents events, NodeIdentity node,
                            @Value("${journey.webhooks.poll-interval:500ms}") Duration pollInterval,
                            @Value("${journey.webhooks.retry-backoff:5s}") Duration retryBackoff,
                            @Value("${journey.webhooks.max-attempts:10}") int maxAttempts,
                            @Value("${journey.webhooks.timeout:10s}") Duration timeout,
                            @Value("${journey.webhooks.threads:4}") int threads,
                            @Value("${journey.webhooks.keep-delivered:P7D}") Duration keepDelivered,
                            @Value("${journey.webhooks.prune-interval:1m}") Duration pruneInterval) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.events = events;
        this.nodeId = node.id();
        this.pollInterval = pollInterval;
        this.retryBackoff = retryBackoff;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        this.keepDelivered = keepDelivered;
        this.pruneInterval = pruneInterval;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "journey-webhook-send-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    private record Due(String webhookId, long position, String customerId, long sequence, String eventType,
                       int attempts) {
    }

    /**
     * Claims and hands out due deliveries; a full batch means more are waiting, so it looks again at once (up to 20
     * batches) instead of after the poll interval, which would cap a node at {@value #BATCH} per interval.
     */
    void poll() {
        pruneDelivered();
        for (int round = 0; round < 20 && running && pollOnce() == BATCH; round++) {
            // the next batch
        }
    }

    /** Every {@code prune-interval}: deletes deliveries done longer ago than {@code keep-delivered}. */
    private void pruneDelivered() {
        if (System.nanoTime() - nextPruneNanos < 0) {
            return;
        }
        nextPruneNanos = System.nanoTime() + pruneInterval.toNanos();
        jdbc.update("DELETE FROM webhook_delivery WHERE status = 'DELIVERED' AND delivered_at < ?",
                    Timestamp.from(Instant.now().minus(keepDelivered)));
    }

    private int pollOnce() {
        Instant now = Instant.now();
        List<Due> due = jdbc.query(
                "SELECT d.webhook_id, d.position, d.customer_id, d.sequence_number, d.event_type, d.attempts "
                        + "FROM webhook_delivery d WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? "
                        + "AND (d.claimed_until IS NULL OR d.claimed_until < ?) "
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.webhook_id = d.webhook_id "
                        + "AND e.customer_id = d.customer_id AND e.status <> 'DELIVERED' AND e.position < d.position) "
                        + "ORDER BY d.position FETCH FIRST " + BATCH + " ROWS ONLY",
                (rs, i) -> new Due(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                                   rs.getInt(6)),
                Timestamp.from(now), Timestamp.from(now));
        Timestamp until = Timestamp.from(now.plus(timeout).plusSeconds(30));
        for (Due delivery : due) {
            int claimed = jdbc.update("UPDATE webhook_delivery SET claimed_by = ?, claimed_until = ? "
                                              + "WHERE webhook_id = ? AND position = ? AND status = 'PENDING' "
                                              + "AND (claimed_until IS NULL OR claimed_until < ?)",
                                      nodeId, until, delivery.webhookId(), delivery.position(), Timestamp.from(now));
            if (claimed == 1) {
                senders.execute(() -> send(delivery));
            }
        }
        return due.size();
    }

    private void send(Due delivery) {
        Optional<Webhooks.Webhook> webhook = webhooks.find(delivery.webhookId());
        if (webhook.isEmpty()) {
            return;
        }
        String failure;
        try {
            String body = body(delivery);
            long now = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.get().url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json")
                    .header("User-Agent", "journey-engine-webhooks")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.get().secret(), now, body))
                    .header("X-Journey-Webhook", delivery.webhookId())
                    .header("X-Journey-Delivery", delivery.webhookId() + ":" + delivery.position())
                    .header("X-Journey-Attempt", Integer.toString(delivery.attempts() + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                delivered(delivery);
                return;
            }
            String answer = response.body() == null ? "" : response.body();
            failure = "HTTP " + response.statusCode() + (answer.isBlank() ? ""
                    : ": " + answer.substring(0, Math.min(200, answer.length())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        failed(delivery, failure);
    }

    private String body(Due delivery) throws Exception {
        List<StoredEvent> page = events.page(delivery.customerId(), delivery.sequence(), 1).events();
        if (page.isEmpty()) {
            throw new IllegalStateException("event " + delivery.customerId() + "#" + delivery.sequence()
                                                    + " is not in the store");
        }
        StoredEvent event = page.get(0);
        StoredEvent positioned = new StoredEvent(event.customerId(), event.sequence(), delivery.position(),
                                                 event.eventId(), event.type(), event.payloadType(), event.revision(),
                                                 event.occurredAt(), event.recordedAt(), event.payload(),
                                                 event.metadata());
        return json.writeValueAsString(OutboundEvent.of(positioned, json));
    }

    private void delivered(Due delivery) {
        jdbc.update("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?, "
                            + "claimed_by = NULL, claimed_until = NULL, last_error = NULL "
                            + "WHERE webhook_id = ? AND position = ?",
                    Timestamp.from(Instant.now()), delivery.webhookId(), delivery.position());
    }

    private void failed(Due delivery, String failure) {
        int attempts = delivery.attempts() + 1;
        String reason = failure.length() > 2000 ? failure.substring(0, 2000) : failure;
        if (attempts >= maxAttempts) {
            log.warn("Webhook {} delivery of position {} parked after {} attempts: {}", delivery.webhookId(),
                     delivery.position(), attempts, reason);
            jdbc.update("UPDATE webhook_delivery SET status = 'PARKED', attempts = ?, last_error = ?, "
                                + "claimed_by = NULL, claimed_until = NULL WHERE webhook_id = ? AND position = ?",
                        attempts, reason, delivery.webhookId(), delivery.position());
            return;
        }
        Duration wait = retryBackoff.multipliedBy(1L << Math.min(20, attempts - 1));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        jdbc.update("UPDATE webhook_delivery SET attempts = ?, last_error = ?, next_attempt_at = ?, "
                            + "claimed_by = NULL, claimed_until = NULL WHERE webhook_id = ? AND position = ?",
                    attempts, reason, Timestamp.from(Instant.now().plus(wait)), delivery.webhookId(),
                    delivery.position());
    }

    @Override
    public synchronized void start() {
        running = true;
        poller = BackgroundTask.every(pollInterval, "journey-webhook-poll", log, this::poll);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.stop();
        }
        senders.shutdown();
        try {
            // Sends in flight finish and record their outcome; a claim left behind lapses and is taken again.
            senders.awaitTermination(timeout.toSeconds() + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
