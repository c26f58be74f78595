package io.journeyengine.api.config;

import io.journeyengine.views.support.HandlerScope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every event handler of a view ({@code @ProcessingGroup} class) runs in a savepoint of the view's batch
 * transaction. A view processes events in batches, one transaction per batch; without the savepoint, a handler
 * that fails after its first statement would leave that statement in place while the dead-letter queue parks the
 * event, and the parked event, retried later, would apply it twice.
 */
@Component
public class AtomicViewHandlers implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

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

    /** Carries a checked exception out of the transaction callback. */
    private static final class Checked extends RuntimeException {
        private final Exception cause;

        Checked(Exception cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
