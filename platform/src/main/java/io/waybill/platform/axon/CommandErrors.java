package io.waybill.platform.axon;

import io.waybill.api.CreationCommand;
import io.waybill.api.DomainError;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.RecordStreams;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Map;

/**
 * Turns a command's business failure into a {@link CommandExecutionException} whose details carry the
 * {@link DomainError}: the form that survives the trip back through Axon Server, so the caller maps it by code.
 */
public class CommandErrors implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** What a command that lost a race with concurrent ones on every attempt is told. */
    public static final String RACE_LOST =
            "the resource was changed by another request at the same time; read it and try again";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw refusal(e.toError(), null);
        } catch (AggregateDeletedException e) {
            String id = recordId(e);
            throw failure(isCreation(unitOfWork) ? ErrorCode.CONFLICT : ErrorCode.NOT_FOUND,
                    isCreation(unitOfWork) ? "id " + id + " belonged to a deleted resource" : "no such resource: " + id,
                    id);
        } catch (AggregateNotFoundException e) {
            throw failure(ErrorCode.NOT_FOUND, "no such resource: " + recordId(e), recordId(e));
        }
    }

    /** Whether a command's failure is a refusal with this code, as this interceptor turned it into one. */
    public static boolean refusedWith(Throwable failure, ErrorCode code) {
        return failure instanceof CommandExecutionException refused && refused.getDetails()
                .filter(DomainError.class::isInstance).map(error -> ((DomainError) error).code())
                .filter(code.code()::equals).isPresent();
    }

    /** The id the client knows, not the stream's ({@link RecordStreams}). */
    public static String recordId(AggregateNotFoundException e) {
        return RecordStreams.recordId(String.valueOf(e.getAggregateIdentifier()));
    }

    private static boolean isCreation(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        return unitOfWork.getMessage().getPayload() instanceof CreationCommand;
    }

    /** The refusal in the form that survives Axon Server: its error in the details, what caused it as cause. */
    public static CommandExecutionException refusal(DomainError error, Throwable cause) {
        return new CommandExecutionException(error.message(), cause, error);
    }

    private static CommandExecutionException failure(ErrorCode code, String message, String id) {
        return refusal(new DomainError(code.code(), message, Map.of("id", String.valueOf(id))), null);
    }
}
