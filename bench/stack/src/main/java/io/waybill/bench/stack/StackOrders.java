package io.waybill.bench.stack;

import io.waybill.bench.stack.StackOrder.CreateOrder;
import io.waybill.bench.stack.StackOrder.OrderCreated;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Map;

/** The HTTP endpoint and the projection. */
class StackOrders {

    private StackOrders() {
    }

    @RestController
    static class Endpoint {

        private final CommandGateway commands;

        Endpoint(CommandGateway commands) {
            this.commands = commands;
        }

        /** The command runs off the event loop: the JDBC store blocks. */
        @PostMapping("/orders")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Map<String, String>> create(@RequestBody CreateOrder order) {
            return Mono.fromCallable(() -> {
                commands.sendAndWait(order);
                return Map.of("id", order.id());
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }

    @Component
    @ProcessingGroup("orders")
    static class Projection {

        private final JdbcTemplate jdbc;

        Projection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(OrderCreated event, @Timestamp Instant at) {
            jdbc.update("INSERT INTO stack_order_view (id, name, created) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    event.id(), event.name(), java.sql.Timestamp.from(at));
        }
    }
}
