package io.journeyengine.api.config;

import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Axon's {@link SpringTransactionManager} that also ends the savepoints it opens.
 * <p>
 * Axon commits or rolls back only a transaction it started itself ({@code isNewTransaction()}); a
 * {@code PROPAGATION_NESTED} transaction inside an outer one is a savepoint, not a new transaction, so Axon left it
 * alone: a touchpoint's unit of work that rolled back did not roll back to its savepoint. On H2 this went unseen
 * (a failed statement leaves the transaction usable), but on PostgreSQL the first failed statement aborts the whole
 * transaction until a rollback to a savepoint: a losing identity claim answered {@code 503} instead of being retried,
 * and a refused touchpoint could keep the rows it had written before its refusal (an identity claim, a merge). This
 * one releases the savepoint on commit and rolls back to it on rollback.
 */
public class SavepointTransactionManager extends SpringTransactionManager {

    private final PlatformTransactionManager transactionManager;

    public SavepointTransactionManager(PlatformTransactionManager transactionManager,
                                       TransactionDefinition definition) {
        super(transactionManager, definition);
        this.transactionManager = transactionManager;
    }

    @Override
    protected void commitTransaction(TransactionStatus status) {
        if (status.hasSavepoint() && !status.isCompleted()) {
            transactionManager.commit(status);   // releases the savepoint; the outer transaction goes on
        } else {
            super.commitTransaction(status);
        }
    }

    @Override
    protected void rollbackTransaction(TransactionStatus status) {
        if (status.hasSavepoint() && !status.isCompleted()) {
            transactionManager.rollback(status); // back to the savepoint; the outer transaction is usable again
        } else {
            super.rollbackTransaction(status);
        }
    }
}
