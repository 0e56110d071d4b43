package io.waybill.command.support;

import io.waybill.api.CreationCommand;
import io.waybill.command.config.CommandTargets;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.platform.axon.NewAggregates;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.RequestContext;
import org.axonframework.commandhandling.CommandMessage;
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
    private final CommandTargets targets;
    private final GroupCommit group;

    CommandSender(CommandGateway gateway, BlockingCalls blocking, CommandTargets targets, GroupCommit group) {
        this.gateway = gateway;
        this.blocking = blocking;
        this.targets = targets;
        this.group = group;
    }

    /**
     * Sends the command and waits for its answer. A command that lost a race is decided again where it is handled
     * ({@code DecidingCommandBus}), so its answer is final.
     */
    public <R> Mono<R> send(Object command, RequestContext context) {
        return send(command, MessageMetadata.of(context));
    }

    /**
     * Sends a create whose handler makes the aggregate if it is missing ({@code CREATE_IF_MISSING}), as the create of
     * a new one: its id's history is not read unless the id turns out to have one ({@link NewAggregates}). Creates
     * sent at the same moment are stored in one commit ({@link GroupCommit}).
     */
    public <R> Mono<R> create(CreationCommand command, RequestContext context) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        String id = targets.resolveTarget(message).getIdentifier();
        CommandMessage<?> marked = message.andMetaData(MessageMetadata.of(context)
                .mergedWith(NewAggregates.marking(id)));
        return group.isRunning() ? blocking.resumed(group.create(marked, id)) : send(marked);
    }

    private <R> Mono<R> send(Object command, MetaData metaData) {
        return send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private <R> Mono<R> send(CommandMessage<?> command) {
        return blocking.call(() -> gateway.sendAndWait(command));
    }

    public <R> Mono<R> blocking(Callable<R> work) {
        return blocking.call(work);
    }
}
