package io.waybill.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** Both sides in one JVM: the embedded default, and any profile for a single-process deployment. */
@SpringBootApplication(scanBasePackages = "io.waybill")
public class WaybillApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(WaybillApplication.class);
        app.setDefaultProperties(Map.of("server.port", "8080", "spring.application.name", "waybill"));
        app.run(args);
    }
}
