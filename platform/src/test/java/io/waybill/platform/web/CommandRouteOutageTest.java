package io.waybill.platform.web;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.axoniq.axonserver.grpc.ErrorMessage;
import io.waybill.api.DomainException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon Server's ways of saying that a command's handler could not be reached or went away, as the connector raises
 * them, answer {@code 503 unavailable} with {@code Retry-After} in the envelope; other failures do not.
 */
class CommandRouteOutageTest {

    @Test
    void aHandlerThatWentAwayOrCouldNotBeReachedIsAnOutage() {
        // Axon Server's answer to commands in flight on a command side that stopped (a code the connector does
        // not know, so it arrives as a plain AxonServerException)
        assertThat(CommandRouteOutage.causes(new AxonServerException("AXONIQ-4001",
                "Connection lost while executing command on: command-1"))).isTrue();
        assertThat(CommandRouteOutage.causes(new AxonServerCommandDispatchException(
                ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(),
                ErrorMessage.newBuilder().setMessage("no connection to Axon Server").build()))).isTrue();
        assertThat(CommandRouteOutage.causes(new EventStoreException("append failed",
                new AxonServerException(ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE.errorCode(), "no leader"))))
                .isTrue();
        assertThat(CommandRouteOutage.causes(new CommandExecutionException("failed",
                new StatusRuntimeException(Status.UNAVAILABLE.withDescription("io exception"))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(CommandRouteOutage.causes(new AxonServerException("AXONIQ-4002", "a command failed"))).isFalse();
        assertThat(CommandRouteOutage.causes(new StatusRuntimeException(Status.OUT_OF_RANGE
                .withDescription("[AXONIQ-2000] Invalid sequence number")))).isFalse();
        assertThat(CommandRouteOutage.causes(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theAnswerIsUnavailableWithRetryAfterInTheEnvelope() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.patch("/api/item-groups/a"));

        handler().handle(exchange, new AxonServerException("AXONIQ-4001",
                "Connection lost while executing command on: command-1")).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"unavailable\"");
    }

    @Test
    void aRefusalKeepsItsOwnStatusAndNoRetryAfter() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.patch("/api/item-groups/a"));

        handler().handle(exchange,
                DomainException.conflict("at version 4, not 5", Map.of())).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(409);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNull();
    }

    private static ApiErrorHandler handler() {
        return new ApiErrorHandler(JsonMapper.builder().build(), List.of());
    }
}
