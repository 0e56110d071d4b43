package io.waybill.command.support;

import io.waybill.platform.axon.MessageMetadata;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.RequestContext;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.concurrent.Callable;

/**
 * Sends commands with the request's organisation, actor and correlation id as metadata. Command handling and the
 * registry are blocking (JDBC), so both run on the bounded blocking scheduler, never on the event loop.
 */
@Component
public class CommandSender {

    private static final int RACE_RETRIES = 2;
    private final CommandGateway gateway;
    private final BlockingCalls blocking;

    CommandSender(CommandGateway gateway, BlockingCalls blocking) {
        this.gateway = gateway;
        this.blocking = blocking;
    }

    /**
     * Sends the command; when it lost a race with a concurrent command on the same aggregate, id or name (its
     * unit of work rolled back whole), sends it again, so it is decided against the state the other one left.
     */
    public <R> Mono<R> send(Object command, RequestContext context) {
        return blocking.call(() -> gateway.<R>sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(MessageMetadata.of(context))))
                .retryWhen(Retry.max(RACE_RETRIES).filter(CommandSender::lostARace));
    }

    private static boolean lostARace(Throwable failure) {
        return failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException;
    }

    public <R> Mono<R> blocking(Callable<R> work) {
        return blocking.call(work);
    }
}
