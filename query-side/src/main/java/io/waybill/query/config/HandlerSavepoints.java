package io.waybill.query.config;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs every projection event handler in a savepoint of the batch's transaction. When a handler fails, what it
 * wrote so far is rolled back to the savepoint, and the batch goes on: the failing event is parked, and the rest of
 * the batch, the dead letter and the token commit together. Without it a parked event's partial writes would be
 * committed with the batch, and on PostgreSQL the failed statement would abort the whole transaction.
 * <p>
 * Only handlers of projections ({@link ProcessingGroup} classes) are wrapped, not aggregates' event-sourcing
 * handlers. The cost is a savepoint and its release per event and handler.
 */
class HandlerSavepoints implements HandlerEnhancerDefinition {

    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    private final PlatformTransactionManager transactions;

    HandlerSavepoints(PlatformTransactionManager transactions) {
        this.transactions = transactions;
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

    private static boolean inProjection(MessageHandlingMember<?> member) {
        try {
            return member.declaringClass().isAnnotationPresent(ProcessingGroup.class);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
