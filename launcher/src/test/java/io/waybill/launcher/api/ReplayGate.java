package io.waybill.launcher.api;

import io.waybill.api.itemgroup.ItemGroupEvent;
import io.waybill.query.support.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only part of the item-groups projection that holds a replay's rebuild at its first event until the browser
 * has seen the replay running ({@link #seen}), so that the console's bar can be seen between 0 and 100 % however
 * fast the rebuild is. The live projection passes through. Not a component (the launcher scans io.waybill): the
 * test passes it to the application as an extra source.
 */
class ReplayGate {

    /** Counted down once the browser saw the bar running. */
    static final CountDownLatch seen = new CountDownLatch(1);

    @Bean
    Holder replayGateHolder(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS replay_gate (id INT)");
        return new Holder();
    }

    @ProcessingGroup("item-groups")
    @ReadModelTables({"replay_gate"})
    static class Holder {

        @EventHandler
        void on(ItemGroupEvent event) throws InterruptedException {
            if (Thread.currentThread().getName().contains("@rebuild")) {
                seen.await(1, TimeUnit.MINUTES);
            }
        }
    }
}
