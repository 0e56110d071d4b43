package io.waybill.command.support;

import io.waybill.platform.axon.MessageMetadata;
import io.waybill.platform.axon.NewAggregates;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.RequestContext;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.concurrent.Callable;

/**
 * Sends commands with the request's organisation, actor and correlation id as metadata. Command handling and the
 * registry are blocking (JDBC), so both run on the bounded blocking scheduler, never on the event loop.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final BlockingCalls blocking;

    CommandSender(CommandGateway gateway, BlockingCalls blocking) {
        this.gateway = gateway;
        this.blocking = blocking;
    }

    /**
     * Sends the command and waits for its answer. A command that lost a race is decided again where it is handled
     * ({@code DecidingCommandBus}), so its answer is final.
     */
    public <R> Mono<R> send(Object command, RequestContext context) {
        return send(command, MessageMetadata.of(context));
    }

    /** Sends the create of the record {@code id}; under an id made here no history is looked for. */
    public <R> Mono<R> create(Object command, NewRecordId id, RequestContext context) {
        MetaData metaData = MessageMetadata.of(context);
        return send(command, id.made() ? metaData.mergedWith(NewAggregates.marking(id.value())) : metaData);
    }

    private <R> Mono<R> send(Object command, MetaData metaData) {
        return blocking.call(() -> gateway.<R>sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(metaData)));
    }

    public <R> Mono<R> blocking(Callable<R> work) {
        return blocking.call(work);
    }
}
