package io.waybill.platform.web;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsAnOutage() {
        assertThat(DatabaseOutage.causes(new CommandExecutionException("command failed",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseOutage.causes(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.causes(new IllegalStateException("wrapped",
                new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("the database system is shutting down", "57P03")))
                .isTrue();
        assertThat(DatabaseOutage.causes(new RuntimeException(new R2dbcNonTransientResourceException(
                "the database system is starting up", "57P03")))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("check constraint",
                new SQLException("violates check constraint", "23514")))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("a bug"))).isFalse();
    }
}
