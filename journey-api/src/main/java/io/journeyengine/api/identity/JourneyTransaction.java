package io.journeyengine.api.identity;

import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs an administrative change of several journeys (an unmerge, an erasure) the way ingestion runs a request: one
 * root unit of work with one database transaction, so the commands' events and the rows written beside them (identity
 * index, aliases, keys) commit together or not at all, and the journeys stay locked until then. A conflict with a
 * concurrent writer (another node, or a request wanting the same journeys in the other order) is retried on fresh
 * state.
 */
@Component
public class JourneyTransaction {

    private static final Logger log = LoggerFactory.getLogger(JourneyTransaction.class);
    private static final int ATTEMPTS = 10;

    private final SpringTransactionManager transaction;

    public JourneyTransaction(PlatformTransactionManager transactionManager) {
        this.transaction = new SpringTransactionManager(transactionManager);
    }

    public <T> T run(String name, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(name));
            try {
                unit.attachTransaction(transaction);
                T result = work.get();
                unit.commit();
                return result;
            } catch (ConcurrencyException | DeadlockException e) {
                rollback(unit, e);
                if (attempt == ATTEMPTS) {
                    log.warn("Giving up {} after {} concurrent-write conflicts", name, attempt, e);
                    throw new ProblemException(Problem.of(503, "CONCURRENT_UPDATE", "Try again",
                                                          "The journeys changed concurrently; send it again"));
                }
                pause(attempt);
            } catch (RuntimeException e) {
                rollback(unit, e);
                throw e;
            }
        }
    }

    private static void rollback(UnitOfWork<?> unit, RuntimeException cause) {
        if (unit.isActive()) {
            unit.rollback(cause);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", interrupted);
        }
    }
}
