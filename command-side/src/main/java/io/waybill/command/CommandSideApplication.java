package io.waybill.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The command side on its own: aggregates and the write API. */
@SpringBootApplication(scanBasePackages = {"io.waybill.platform", "io.waybill.command"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CommandSideApplication.class);
        // Commands run on JDBC; the reactive pool serves only authentication here (README, "Database connections").
        // Its processes read its own events at the next poll, not after each commit (docs/design.md, "Performance").
        app.setDefaultProperties(Map.of("server.port", "8081", "spring.application.name", "waybill-command",
                "waybill.db.jdbc-pool", "10", "waybill.db.r2dbc-pool", "4",
                "waybill.event-store.read-on-commit", "false"));
        app.run(args);
    }
}
