package io.waybill.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL server the suites run on (trust authentication, as on the CI machines) and one database of it. */
record Database(String host, int port, String user, String name) {

    static Database fromEnvironment(String name) {
        return new Database(env("WAYBILL_DB_HOST", "127.0.0.1"), Integer.parseInt(env("WAYBILL_DB_PORT", "5432")),
                env("WAYBILL_DB_USER", "postgres"), name);
    }

    /** Drops the database if it exists and creates it empty. */
    Database recreate() throws SQLException {
        Database admin = new Database(host, port, user, "postgres");
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return this;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, user, "");
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The environment of a service process that uses this database. */
    java.util.Map<String, String> serviceEnvironment() {
        return java.util.Map.of("WAYBILL_DB_HOST", host, "WAYBILL_DB_PORT", Integer.toString(port),
                "WAYBILL_DB_NAME", name, "WAYBILL_DB_USER", user, "WAYBILL_DB_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
