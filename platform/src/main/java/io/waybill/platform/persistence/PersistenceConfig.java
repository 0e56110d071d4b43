package io.waybill.platform.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/**
 * The JDBC side of persistence, declared by hand: with an R2DBC connection factory present Boot does not create a
 * DataSource, and Axon's transaction auto-configuration would silently fall back to no transactions. Declaring
 * both here makes Axon's event store, token store and the projections' writes share one real transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PersistenceConfig {

    /** Before any bean: the embedded database's folder is its owner's only. */
    @Bean
    static OwnerOnlyDataDirectory ownerOnlyDataDirectory() {
        return new OwnerOnlyDataDirectory();
    }

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
}
