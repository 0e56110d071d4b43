package io.waybill.launcher.reliability;

import io.waybill.api.order.OrderCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only projection that writes a row for every order and then, while {@link #failing} is set, fails on
 * orders from the vendor "explode": after its write, as a real handler might.
 * Not a component (the launcher scans io.waybill): tests pass it to the application as an extra source.
 */
class RollbackProbe {

    static final String GROUP = "rollback-probe";
    static final AtomicBoolean failing = new AtomicBoolean();
    static final AtomicInteger failures = new AtomicInteger();

    @Bean
    Handler failingProbeHandler(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS probe_row (order_sid VARCHAR(64) NOT NULL)");
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
            jdbc.update("INSERT INTO probe_row (order_sid) VALUES (?)", event.orderSid());
            if (failing.get() && "explode".equals(event.details().vendorName())) {
                failures.incrementAndGet();
                throw new IllegalStateException("the probe fails after its write");
            }
        }
    }
}
