package io.waybill.platform.axon;

import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Creates under an id the service has just made up (a random UUID, when the client names none). Axon reads the
 * history of the id before such a create to find out whether the record exists already; under a new id none can, so
 * the command says so in its metadata and the store skips that read. Only the service sets the key: a client cannot
 * send command metadata. The key is not copied into events.
 */
public final class NewAggregates {

    static final String KEY = "newAggregateId";

    private NewAggregates() {
    }

    /** The metadata that marks a command as the create of the new aggregate {@code id}. */
    public static MetaData marking(String id) {
        return MetaData.with(KEY, id);
    }

    /** Whether the command being handled creates {@code aggregateId} under an id made for it. */
    static boolean isNew(String aggregateId) {
        return CurrentUnitOfWork.isStarted()
                && aggregateId.equals(CurrentUnitOfWork.get().getMessage().getMetaData().get(KEY));
    }
}
