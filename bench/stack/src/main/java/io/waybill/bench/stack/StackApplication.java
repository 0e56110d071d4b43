package io.waybill.bench.stack;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import javax.sql.DataSource;

/**
 * The stack on its own, as the benchmark measures it beside Waybill: {@code POST /orders} sends a command through
 * Axon's command gateway, an aggregate applies one event to the JDBC event store on PostgreSQL, and one tracking
 * projection writes a row per event. Same Spring Boot, Axon, serializer and store tables as Waybill; no
 * authentication, validation, registry or metrics. A measuring instrument, not a product.
 */
@SpringBootApplication
public class StackApplication {

    public static void main(String[] args) {
        SpringApplication.run(StackApplication.class, args);
    }

    // Boot 4 + Axon 4.13: Axon's JDBC configuration is evaluated before Boot's DataSource, and its transaction
    // configuration falls back to none: both declared here, as in Waybill.
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties dataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionManager axonTransactionManager(JdbcTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    Jackson3SerializerCustomizer polymorphicTypesForAxonTokens() {
        var validator = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.waybill.")
                .build();
        return builder -> builder.polymorphicTypeValidator(validator);
    }
}
