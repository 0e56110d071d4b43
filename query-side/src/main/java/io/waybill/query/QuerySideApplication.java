package io.waybill.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The query side on its own: projections, the read API and timelines. */
@SpringBootApplication(scanBasePackages = {"io.waybill.platform", "io.waybill.query"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(QuerySideApplication.class);
        // Projections write on JDBC, up to one transaction per segment at once; the API reads on the reactive pool
        // (README, "Database connections").
        app.setDefaultProperties(Map.of("server.port", "8082", "spring.application.name", "waybill-query",
                "waybill.db.jdbc-pool", "10", "waybill.db.r2dbc-pool", "8"));
        app.run(args);
    }
}
