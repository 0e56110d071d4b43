package io.waybill.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Set;

/**
 * Creates sent as the creates of new aggregates. Before a create Axon reads the history of its id, to tell a repeated
 * create (answered with the record it made) from a new one; nearly every create is new, so the command side
 * assumes so, says it in the command's metadata, and the store reads no history for that id. Where the assumption
 * is wrong the attempt cannot succeed: the registry refuses the id, or the first event collides with the stored
 * history. The attempt rolls back and the command is decided again without the mark, reading the history
 * ({@code DecidingCommandBus}). Only the service sets the mark: a client cannot send command metadata. It is not
 * copied into events.
 */
public final class NewAggregates {

    private static final String KEY = "newAggregateId";

    private NewAggregates() {
    }

    /** The metadata that marks a command as the create of the new aggregate {@code id}. */
    public static MetaData marking(String id) {
        return MetaData.with(KEY, id);
    }

    /** The id a command is marked to create as new, or null. */
    public static String markedId(CommandMessage<?> command) {
        return (String) command.getMetaData().get(KEY);
    }

    /** The command without the mark: decided against the history of its id. */
    public static <C> CommandMessage<C> unmarked(CommandMessage<C> command) {
        return command.withMetaData(command.getMetaData().withoutKeys(Set.of(KEY)));
    }

    /** Whether the command being handled is marked to create {@code aggregateId} as new. */
    static boolean isNew(String aggregateId) {
        return CurrentUnitOfWork.isStarted()
                && aggregateId.equals(CurrentUnitOfWork.get().getMessage().getMetaData().get(KEY));
    }
}
