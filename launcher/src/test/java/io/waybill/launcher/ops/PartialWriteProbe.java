package io.waybill.launcher.ops;

import io.waybill.api.order.OrderCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test-only projection that writes a row for every order and then, while {@link #failing} is set, fails on orders
 * of the vendor "half-done": after its write, as a real handler might. Its group parks failures (the default).
 */
class PartialWriteProbe {

    static final String GROUP = "partial-write-probe";
    static final String VENDOR = "half-done";
    static final AtomicBoolean failing = new AtomicBoolean(true);

    @Bean
    Handler partialWriteProbeHandler(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS partial_probe_row (order_sid VARCHAR(64) NOT NULL)");
        return new Handler(jdbc);
    }

    @ProcessingGroup(GROUP)
    static class Handler {

        private final JdbcTemplate jdbc;

        Handler(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(OrderCreated event) {
            jdbc.update("INSERT INTO partial_probe_row (order_sid) VALUES (?)", event.orderSid());
            if (failing.get() && VENDOR.equals(event.details().vendorName())) {
                throw new IllegalStateException("the probe fails after its write");
            }
        }
    }
}
