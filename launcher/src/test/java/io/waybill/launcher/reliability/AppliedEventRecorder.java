package io.waybill.launcher.reliability;

import io.waybill.api.itemgroup.ItemGroupEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test-only handler in the item-groups projection's processing group: it records, in the projection's own
 * transaction, every event the projection applies and on which node, so a test can count applications.
 * Not a component (the launcher scans io.waybill): tests pass it to the application as an extra source.
 */
class AppliedEventRecorder {

    @Bean
    Recorder recordingHandler(JdbcTemplate jdbc, @Value("${test.node}") String node) {
        return new Recorder(jdbc, node);
    }

    @ProcessingGroup("item-groups")
    static class Recorder {

        private final JdbcTemplate jdbc;
        private final String node;

        Recorder(JdbcTemplate jdbc, String node) {
            this.jdbc = jdbc;
            this.node = node;
        }

        @EventHandler
        void on(ItemGroupEvent event, EventMessage<?> message) {
            jdbc.update("INSERT INTO applied_event (event_id, node) VALUES (?, ?)", message.getIdentifier(), node);
        }
    }
}
