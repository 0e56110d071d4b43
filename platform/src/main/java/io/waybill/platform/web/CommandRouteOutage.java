package io.waybill.platform.web;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.waybill.platform.Causes;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;

import java.util.Set;

/**
 * Tells a command that could not reach its handler, or whose handler went away before it answered, from other
 * failures (Axon Server mode: Axon Server out of reach, the command side handling it stopped or lost its
 * connection, no event store leader). The condition passes, so such a request answers {@code 503 unavailable},
 * not an internal error. The command may or may not have been applied; sending it again is safe: a create with
 * the same client id is answered with what the first one made, an update with {@code If-Match} is refused if the
 * first went through.
 */
final class CommandRouteOutage {

    /** Axon Server's codes: the handler's connection lost, a connection failed, no event store leader. */
    private static final Set<String> TRANSIENT = Set.of("AXONIQ-4001", "AXONIQ-3001", "AXONIQ-2100");

    private CommandRouteOutage() {
    }

    static boolean causes(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof AxonServerCommandDispatchException
                || cause instanceof AxonServerException server && TRANSIENT.contains(server.code())
                || cause instanceof StatusRuntimeException grpc
                && grpc.getStatus().getCode() == Status.Code.UNAVAILABLE);
    }
}
