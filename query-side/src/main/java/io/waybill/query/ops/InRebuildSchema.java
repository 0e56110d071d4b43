package io.waybill.query.ops;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rebuild's transactions: the projection's own statements, with unqualified table names, reach the copies
 * because each transaction starts by putting the copies' schema on the connection's search path.
 */
final class InRebuildSchema implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;
    private final RebuildStore store;

    InRebuildSchema(TransactionManager delegate, DataSource dataSource, RebuildStore store) {
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.store = store;
    }

    @Override
    public Transaction startTransaction() {
        boolean outermost = !TransactionSynchronizationManager.isActualTransactionActive();
        Transaction transaction = delegate.startTransaction();
        if (!outermost) {
            return transaction;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            store.enterRebuildSchema().forEach(sql -> execute(connection, sql));
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return new Transaction() {
            @Override
            public void commit() {
                leave(connection);
                transaction.commit();
            }

            @Override
            public void rollback() {
                try {
                    leave(connection);
                } finally {
                    transaction.rollback();
                }
            }
        };
    }

    private void leave(Connection connection) {
        store.leaveRebuildSchema().forEach(sql -> execute(connection, sql));
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot switch the rebuild's schema: " + e.getMessage(), e);
        }
    }
}
