package io.waybill.query.config;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps a failing projection handler's partial writes out of the batch it runs in, with a savepoint only where one
 * is needed. When a handler fails, what it wrote so far must be undone alone: the failing event is parked, and the
 * rest of the batch, the dead letter and the token commit together (and on PostgreSQL a failed statement aborts the
 * whole transaction unless a savepoint is rolled back to).
 * <p>
 * A processor's batch (up to 200 events, 500 in a replay) runs its handlers without savepoints: a savepoint and its
 * release are two statements per event and handler (docs/design.md, "Performance"). When a handler fails in such a
 * batch, the batch is marked to roll back (its writes and its token), the dead-letter policy refuses to park the
 * event there ({@link #failedWithoutSavepoint()}), and this thread runs its next batches with a savepoint around
 * each handler until one of them commits. The processor retries the batch after its error back-off (1 s): the
 * failing event's writes roll back to its savepoint, the event is parked, and the rest of the batch commits.
 * <p>
 * Outside a processor's batch (a parked event retried) every handler runs in a savepoint. Only handlers of
 * projections ({@link ProcessingGroup} classes) are wrapped, not aggregates' event-sourcing handlers.
 * <p>
 * Writes a handler leaves for the batch's commit ({@link io.waybill.query.support.BatchRows}) wait only where no
 * savepoint is taken ({@link #writesMayWait()}); if they fail, the batch's retry takes the savepoint path too
 * ({@link #waitedWritesFailed()}).
 */
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    private final JdbcTransactionManager transactions;
    /** This thread's batches run with savepoints until one commits. */
    private final ThreadLocal<Boolean> careful = new ThreadLocal<>();
    /** A handler failed without a savepoint in this thread's current transaction. */
    private final ThreadLocal<Boolean> failedUnprotected = new ThreadLocal<>();
    private final TransactionSynchronization completion = new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
            failedUnprotected.remove();
            if (status == STATUS_COMMITTED) {
                careful.remove();
            }
        }
    };

    public HandlerSavepoints(JdbcTransactionManager transactions) {
        this.transactions = transactions;
    }

    /** Whether a handler failed in this thread's transaction with no savepoint to roll its writes back to. */
    boolean failedWithoutSavepoint() {
        return Boolean.TRUE.equals(failedUnprotected.get());
    }

    /**
     * Whether this thread's handler runs in a processor's batch without savepoints, so that its writes may wait
     * for the batch's commit: a failure of theirs rolls the whole batch back, as a handler's own would.
     */
    public boolean writesMayWait() {
        return TransactionSynchronizationManager.isActualTransactionActive() && inBatch()
                && !Boolean.TRUE.equals(careful.get());
    }

    /**
     * Writes that waited for the batch's commit failed, so the batch rolls back: its retry, and this thread's
     * batches after it until one commits, run each handler in a savepoint and write at once.
     */
    public void waitedWritesFailed() {
        careful.set(Boolean.TRUE);
        completeOnce();
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !inProjection(original)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                boolean batch = inBatch();
                if (batch && !Boolean.TRUE.equals(careful.get())) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception | Error e) {
                        failedInBatch();
                        throw e;
                    }
                }
                if (batch) {
                    completeOnce();
                }
                TransactionStatus savepoint = transactions.getTransaction(NESTED);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    transactions.rollback(savepoint);
                    throw e;
                }
                transactions.commit(savepoint);
                return result;
            }
        };
    }

    private void failedInBatch() {
        waitedWritesFailed();
        failedUnprotected.set(Boolean.TRUE);
        ConnectionHolder connection =
                (ConnectionHolder) TransactionSynchronizationManager.getResource(transactions.getDataSource());
        if (connection != null) {
            connection.setRollbackOnly();
        }
    }

    private void completeOnce() {
        if (!TransactionSynchronizationManager.getSynchronizations().contains(completion)) {
            TransactionSynchronizationManager.registerSynchronization(completion);
        }
    }

    private static boolean inBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork;
    }

    private static boolean inProjection(MessageHandlingMember<?> member) {
        try {
            return member.declaringClass().isAnnotationPresent(ProcessingGroup.class);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
