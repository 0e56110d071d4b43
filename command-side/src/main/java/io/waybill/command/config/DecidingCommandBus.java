package io.waybill.command.config;

import io.waybill.api.CreationCommand;
import io.waybill.api.DomainError;
import io.waybill.api.ErrorCode;
import io.waybill.api.RecordStreams;
import io.waybill.platform.Causes;
import io.waybill.platform.axon.CommandErrors;
import io.waybill.platform.axon.NewAggregates;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Map;
import java.util.function.Predicate;

import static org.axonframework.axonserver.connector.ErrorCode.INVALID_EVENT_SEQUENCE;

/**
 * The command bus that handles this process's commands (Axon Server's local segment in that mode). A command that
 * lost a race is decided again, against the state in the store: its events collided on append with another
 * command's on the same aggregate (the JDBC store reports a {@link ConcurrencyException}, Axon Server an invalid
 * sequence number, {@code AXONIQ-2000}), or another command claimed the same id or unique name at the same moment.
 * The failed attempt rolled back whole, which took every aggregate it loaded out of the cache, so the next attempt
 * reads them from the store. Deciding here, where the command is handled, works the same in both modes: a sender
 * across Axon Server sees only the final answer (there a lost race arrives as a bare execution failure, its type
 * lost). A race still lost after the last attempt answers {@code 409 conflict} in the form that survives that trip.
 * <p>
 * A create sent as new ({@link NewAggregates}) that fails is decided again without that mark when its id turns out
 * to have a history (a repeated create, or an id another record holds): the failure came from taking it for new.
 */
final class DecidingCommandBus extends SimpleCommandBus {

    static final int ATTEMPTS = 3;
    private static final CommandTargetResolver TARGETS = new CommandTargets();

    private final Predicate<String> hasHistory;

    /** {@code hasHistory} tells whether the store holds events under an aggregate id. */
    DecidingCommandBus(Builder builder, Predicate<String> hasHistory) {
        super(builder);
        this.hasHistory = hasHistory;
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        attempt(command, handler, callback, 1);
    }

    private <C, R> void attempt(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                CommandCallback<? super C, ? super R> callback, int attempt) {
        CommandCallback<C, R> decided = (message, result) -> {
            String markedNew = NewAggregates.markedId(command);
            if (result.isExceptional() && markedNew != null
                    && (lostRace(result.exceptionResult()) || hasHistory.test(markedNew))) {
                attempt(NewAggregates.unmarked(command), handler, callback, attempt);
            } else if (!result.isExceptional() || !lostRace(result.exceptionResult())) {
                callback.onResult(message, result);
            } else if (attempt < ATTEMPTS) {
                attempt(command, handler, callback, attempt + 1);
            } else {
                callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage(
                        conflict(command, result.exceptionResult())));
            }
        };
        super.handle(command, handler, decided);
    }

    private static boolean lostRace(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof ConcurrencyException
                || cause instanceof AggregateStreamCreationException
                || cause instanceof AxonServerException server
                && INVALID_EVENT_SEQUENCE.errorCode().equals(server.code())
                || String.valueOf(cause.getMessage()).contains("[" + INVALID_EVENT_SEQUENCE.errorCode() + "]"));
    }

    /**
     * The answer to a race lost on every attempt. A create that collides each time names an id another kind of
     * record already holds (each aggregate reads only events of its own type, so it takes the id for new and its
     * first event collides): it is told the id is in use, as a create of a registered id is.
     */
    private static CommandExecutionException conflict(CommandMessage<?> command, Throwable failure) {
        if (command.getPayload() instanceof CreationCommand) {
            String id = RecordStreams.recordId(TARGETS.resolveTarget(command).getIdentifier());
            return CommandErrors.refusal(new DomainError(ErrorCode.CONFLICT.code(), "id " + id + " is already in use",
                    Map.of("id", id)), failure);
        }
        return CommandErrors.refusal(new DomainError(ErrorCode.CONFLICT.code(), CommandErrors.RACE_LOST, Map.of()),
                failure);
    }
}
