package io.waybill.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The command side on its own: aggregates and the write API. */
@SpringBootApplication(scanBasePackages = {"io.waybill.platform", "io.waybill.command"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CommandSideApplication.class);
        app.setDefaultProperties(Map.of("server.port", "8081", "spring.application.name", "waybill-command"));
        app.run(args);
    }
}
