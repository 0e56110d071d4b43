package io.waybill.query.events;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Picks the rule for holes in the global index by the database the event store is in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamSettings.class)
class StreamConfig {

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    Holes holes(JdbcTemplate jdbc, StreamSettings settings) throws SQLException {
        String product;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        return product.contains("postgres") ? new TransactionHoles(jdbc, settings.gapSettle())
                : new TimedHoles(settings.gapTimeout());
    }
}
