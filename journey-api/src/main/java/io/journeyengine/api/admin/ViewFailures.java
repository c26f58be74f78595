package io.journeyengine.api.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which segments of which views failed on this node and have not processed a batch since: the views' error state.
 * <p>
 * Axon's own error state is not enough: a pooled processor marks a failed segment's status as errored, then
 * releases the segment and removes its status within moments, and retries it after a growing backoff; in between,
 * {@code processingStatus()} simply no longer lists the segment. A batch that cannot commit (the view's database
 * write or its token update fails) does not reach Axon's message monitors either, which count a message as
 * handled before the commit. So every view gets an interceptor that watches each batch's unit of work: a rollback
 * marks the batch's segment as failing, with its cause; a commit clears it. An event a view cannot handle is
 * parked by the dead-letter queue and the batch commits, so parked events are not failures here.
 */
@Component
public class ViewFailures {

    /** A segment's latest failure on this node, at wall-clock time (not the engine's business clock). */
    public record Failure(int segment, Instant at, String error) {
    }

    private static final String WATCHED = ViewFailures.class.getName() + ".watched";
    private static final int MAX_ERROR_LENGTH = 500;

    private final Map<String, Map<Integer, Failure>> failing = new ConcurrentHashMap<>();

    /** The interceptor for one view's processor (ViewProcessingConfiguration installs it on every view). */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String view) {
        String segmentKey = "Processor[" + view + "]/SegmentId";
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                 InterceptorChain interceptorChain) throws Exception {
                // Once per batch: the batch's messages share one unit of work and its resources.
                if (unitOfWork.resources().putIfAbsent(WATCHED, Boolean.TRUE) == null
                        && unitOfWork.getResource(segmentKey) instanceof Integer segment) {
                    unitOfWork.afterCommit(u -> succeeded(view, segment));
                    unitOfWork.onRollback(u -> failed(view, segment, u.getExecutionResult().getExceptionResult()));
                }
                return interceptorChain.proceed();
            }
        };
    }

    /** The view's segments whose latest batch on this node failed, by segment. */
    public Map<Integer, Failure> failing(String view) {
        return Map.copyOf(failing.getOrDefault(view, Map.of()));
    }

    /** Another node processes the segment now: whatever failed here is no longer this node's error. */
    public void forget(String view, int segment) {
        Map<Integer, Failure> segments = failing.get(view);
        if (segments != null) {
            segments.remove(segment);
        }
    }

    private void succeeded(String view, int segment) {
        Map<Integer, Failure> segments = failing.get(view);
        if (segments != null && !segments.isEmpty()) {
            segments.remove(segment);
        }
    }

    private void failed(String view, int segment, Throwable cause) {
        failing.computeIfAbsent(view, v -> new ConcurrentHashMap<>())
               .put(segment, new Failure(segment, Instant.now(), describe(cause)));
    }

    /** The innermost cause's type and message: what an operator needs to see first. */
    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
