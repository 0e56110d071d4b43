package io.waybill.platform.axon;

import io.waybill.platform.Causes;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

import java.sql.SQLException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Tells the event store that an append collided with a stored event (the same aggregate and sequence number, or
 * the same event id), so that it answers a {@code ConcurrencyException} and the command is decided again
 * ({@code DecidingCommandBus}) instead of failing. Axon's resolver reads error codes; PostgreSQL and H2 report a
 * collision in a batch by SQLSTATE 23505 inside the batch's chained exception, which that resolver does not read.
 */
public final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver byErrorCode = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return byErrorCode.isDuplicateKeyViolation(exception) || uniqueViolation(exception);
    }

    private static boolean uniqueViolation(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof SQLException sql
                && Stream.iterate(sql, Objects::nonNull, SQLException::getNextException)
                .anyMatch(next -> UNIQUE_VIOLATION.equals(next.getSQLState())));
    }
}
