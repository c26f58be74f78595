package io.journeyengine.views.support;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs an answer's reads in one read-only snapshot, so figures read by several statements (the channel table and
 * the switch matrix; the totals and the median) belong to the same set of committed batches even while the views
 * are being written. SERIALIZABLE because it is the level that gives a whole-database snapshot on both databases:
 * H2's REPEATABLE READ snapshots each table only when it is first read. The view writers run at READ COMMITTED,
 * so a serializable reader neither blocks them nor makes them fail.
 */
@Component
public class SnapshotReads {

    private final TransactionTemplate snapshot;

    public SnapshotReads(PlatformTransactionManager transactions) {
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T read(Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }
}
