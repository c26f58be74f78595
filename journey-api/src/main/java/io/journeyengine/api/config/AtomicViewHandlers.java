package io.journeyengine.api.config;

import io.journeyengine.views.support.HandlerScope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event handler of a view ({@code @ProcessingGroup} class) runs in a savepoint of the view's batch
 * transaction. A view processes events in batches, one transaction per batch; without the savepoint, a handler
 * that fails after its first statement would leave that statement in place while the dead-letter queue parks the
 * event, and the parked event, retried later, would apply it twice.
 * <p>
 * A replay skips the savepoint: it costs two statements per handler (on PostgreSQL two round trips), and a replay
 * runs a million handlers into tables that were just emptied. Should a replayed handler fail, its whole batch is
 * rolled back instead (the batch is one transaction, so nothing of it stays), the event is remembered, and when the
 * processor takes the batch again that event runs in a savepoint as usual, so it is parked cleanly and the others go
 * on. Live events always run in a savepoint.
 */
@Component
public class AtomicViewHandlers implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(AtomicViewHandlers.class);
    /**
     * Failed replayed events remembered at once (until their retry in a savepoint); with this many, replays run
     * every handler in a savepoint until some are retried.
     */
    private static final int MAX_REMEMBERED = 10_000;

    private final TransactionTemplate savepoint;
    /** Identifiers of replayed events that failed without a savepoint: they run in one when they come again. */
    private final Set<String> careful = ConcurrentHashMap.newKeySet();

    public AtomicViewHandlers(PlatformTransactionManager transactionManager) {
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (ReplayToken.isReplay(message) && careful.size() < MAX_REMEMBERED
                        && !careful.contains(message.getIdentifier()) && CurrentUnitOfWork.isStarted()) {
                    return HandlerScope.run(() -> {
                        try {
                            return super.handle(message, target);
                        } catch (Exception e) {
                            abortBatch(message, e);
                            throw e;
                        }
                    });
                }
                careful.remove(message.getIdentifier());
                // Memory the handler changed for its batch counts only if the savepoint was kept (HandlerScope).
                return HandlerScope.run(() -> {
                    try {
                        return savepoint.execute(status -> {
                            try {
                                return super.handle(message, target);
                            } catch (RuntimeException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new Checked(e);
                            }
                        });
                    } catch (Checked checked) {
                        throw checked.cause;
                    }
                });
            }
        };
    }

    /**
     * A replayed handler failed outside a savepoint, so its batch may hold half of what it wrote: the batch must not
     * commit. Failing its prepare-commit step rolls the whole batch back (whatever else the batch does meanwhile,
     * such as parking this event, goes with it); the processor then takes the batch again.
     */
    private void abortBatch(Message<?> message, Exception cause) {
        careful.add(message.getIdentifier());
        log.info("Replayed event {} failed in a view ({}); its batch is rolled back and taken again, the event in a "
                         + "savepoint", message.getIdentifier(), cause.toString());
        CurrentUnitOfWork.get().root().onPrepareCommit(u -> {
            throw new ReplayBatchAborted(message.getIdentifier());
        });
    }

    /** Rolls back a replay batch in which a handler failed without a savepoint. */
    static final class ReplayBatchAborted extends RuntimeException {
        ReplayBatchAborted(String eventId) {
            super("replay batch rolled back: event " + eventId + " failed without a savepoint and is retried in one",
                  null, false, false);
        }
    }

    /** Carries a checked exception out of the transaction callback. */
    private static final class Checked extends RuntimeException {
        private final Exception cause;

        Checked(Exception cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
