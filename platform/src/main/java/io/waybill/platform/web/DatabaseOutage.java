package io.waybill.platform.web;

import io.waybill.platform.Causes;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.springframework.dao.DataAccessResourceFailureException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being out of reach (refused or lost connections, a pool that waited in
 * vain for one, a server shutting down) from other failures: such a request answers {@code 503 unavailable}, as
 * the transaction it ran in rolled back, instead of an internal error.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causes(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                || cause instanceof R2dbcNonTransientResourceException || cause instanceof R2dbcTransientResourceException
                || cause instanceof SQLException sql && lostConnection(sql.getSQLState()));
    }

    /** SQLSTATE class 08 (connection exception) and 57P0x (the server shutting down or restarting). */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
