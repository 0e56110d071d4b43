package io.waybill.command.config;

import io.waybill.api.DomainError;
import io.waybill.api.ErrorCode;
import io.waybill.platform.Causes;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Map;

import static org.axonframework.axonserver.connector.ErrorCode.INVALID_EVENT_SEQUENCE;

/**
 * The command bus that handles this process's commands (Axon Server's local segment in that mode). A command is
 * decided again, against the state in the store, when:
 * <ul>
 * <li>it lost a race: its events collided on append with another command's on the same aggregate (the JDBC store
 * reports a {@link ConcurrencyException}, Axon Server an invalid sequence number), or another command claimed the
 * same id or unique name at the same moment. This is how a cached aggregate made stale by another command side's
 * write shows when the command would change it;</li>
 * <li>it was refused after reading a cached aggregate: the refusal may rest on a state another command side has
 * moved on from (an {@code If-Match} of the newer version, a line that was reactivated there).</li>
 * </ul>
 * The failed attempt rolled back whole, which took every aggregate it loaded out of the cache, so the next attempt
 * reads them from the store. Deciding here, where the command is handled, works the same in both modes: a sender
 * across Axon Server sees only the final answer. A race still lost after the last attempt answers {@code 409
 * conflict} in the form that survives that trip.
 */
final class DecidingCommandBus extends SimpleCommandBus {

    static final int ATTEMPTS = 3;

    DecidingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        attempt(command, handler, callback, 1);
    }

    private <C, R> void attempt(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                CommandCallback<? super C, ? super R> callback, int attempt) {
        long servedBefore = AggregateCache.servedOnThisThread();
        super.handle(command, handler, (CommandMessage<? extends C> message, CommandResultMessage<? extends R> result) -> {
            if (!result.isExceptional()) {
                callback.onResult(message, result);
                return;
            }
            Throwable failure = result.exceptionResult();
            boolean lostRace = lostRace(failure);
            boolean staleRefusal = refusal(failure) && AggregateCache.servedOnThisThread() != servedBefore;
            if ((lostRace || staleRefusal) && attempt < ATTEMPTS) {
                attempt(command, handler, callback, attempt + 1);
            } else if (lostRace) {
                callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage(conflict(failure)));
            } else {
                callback.onResult(message, result);
            }
        });
    }

    static boolean lostRace(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof ConcurrencyException
                || cause instanceof AggregateStreamCreationException
                || cause instanceof AxonServerException server
                && INVALID_EVENT_SEQUENCE.errorCode().equals(server.code())
                || String.valueOf(cause.getMessage()).contains("[" + INVALID_EVENT_SEQUENCE.errorCode() + "]"));
    }

    private static boolean refusal(Throwable failure) {
        return failure instanceof CommandExecutionException refused
                && refused.getDetails().filter(DomainError.class::isInstance).isPresent();
    }

    private static CommandExecutionException conflict(Throwable failure) {
        String message = "the resource was changed by another request at the same time; read it and try again";
        return new CommandExecutionException(message, failure,
                new DomainError(ErrorCode.CONFLICT.code(), message, Map.of()));
    }
}
