package io.waybill.testing;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The databases tests run on. Embedded: a fresh H2 file database in a temporary folder. PostgreSQL: a fresh
 * database per test class on the server {@code WAYBILL_TEST_POSTGRES} chooses, once per test JVM:
 * <ul>
 *   <li>{@code local}: the server named by {@code WAYBILL_TEST_DB_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}
 *   (default 127.0.0.1:5432, user postgres);</li>
 *   <li>{@code container}: a PostgreSQL container started by Testcontainers (the image of docker-compose.yml), which
 *   needs a Docker engine;</li>
 *   <li>{@code auto}, the default: a container where a Docker engine answers, the local server otherwise.</li>
 * </ul>
 * Without a reachable server, PostgreSQL tests are skipped with a loud message, unless
 * {@code WAYBILL_REQUIRE_POSTGRES=1}, where that is a failure.
 */
public final class TestDatabases {

    private static final String PREFIX = "wbt_";
    private static final long LEFTOVER_AGE_SECONDS = 3 * 3600;
    private static final String IMAGE = "postgres:15";
    private static boolean cleaned;
    private static Server server;

    /** Where the PostgreSQL tests' databases are made. */
    private record Server(String host, String port, String user, String password) {
    }

    private TestDatabases() {
    }

    /** Properties for the embedded way to run, on a new folder. */
    public static Map<String, Object> embedded() {
        try {
            return embedded(Files.createTempDirectory("waybill-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Properties for the embedded way to run, on the given folder (to restart on the same data). */
    public static Map<String, Object> embedded(Path dataDir) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("waybill.data-dir", dataDir.toAbsolutePath().toString());
        return properties;
    }

    /** Properties for the PostgreSQL way to run, on a new database; skips or fails when there is no server. */
    public static Map<String, Object> postgres() {
        return postgres(createPostgresDatabase());
    }

    /** Properties for the PostgreSQL way to run, on the given database. */
    public static Map<String, Object> postgres(String database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("WAYBILL_DB_HOST", host());
        properties.put("WAYBILL_DB_PORT", port());
        properties.put("WAYBILL_DB_USER", user());
        properties.put("WAYBILL_DB_PASSWORD", password());
        properties.put("WAYBILL_DB_NAME", database);
        return properties;
    }

    /** Creates an empty database for one test class and answers its name. */
    public static synchronized String createPostgresDatabase() {
        String name = PREFIX + System.currentTimeMillis() / 1000 + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection admin = adminConnection()) {
            if (!cleaned) {
                dropLeftovers(admin);
                cleaned = true;
            }
            admin.createStatement().execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            if ("1".equals(System.getenv("WAYBILL_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("PostgreSQL is required (WAYBILL_REQUIRE_POSTGRES=1) but "
                        + host() + ":" + port() + " cannot be used: " + e.getMessage(), e);
            }
            System.err.println("""
                    ********************************************************************************
                    SKIPPING PostgreSQL tests: no PostgreSQL server at %s:%s (%s).
                    Set WAYBILL_TEST_DB_HOST/_PORT/_USER/_PASSWORD, or WAYBILL_REQUIRE_POSTGRES=1 to fail.
                    ********************************************************************************"""
                    .formatted(host(), port(), e.getMessage()));
            Assumptions.abort("no PostgreSQL server at " + host() + ":" + port());
            throw new IllegalStateException("unreachable");
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public static String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + user() + (password().isEmpty() ? "" : ":" + password()) + "@" + host() + ":"
                + port() + "/" + database;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }

    private static Connection adminConnection() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return connect("postgres");
    }

    /**
     * Databases of earlier runs (a test JVM cannot drop what it still uses), once they are old enough that no
     * other test run can still be using them.
     */
    private static void dropLeftovers(Connection admin) throws SQLException {
        var result = admin.createStatement().executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'");
        long cutoff = System.currentTimeMillis() / 1000 - LEFTOVER_AGE_SECONDS;
        var names = new java.util.ArrayList<String>();
        while (result.next()) {
            String name = result.getString(1);
            String[] parts = name.substring(PREFIX.length()).split("_");
            if (parts.length != 2 || !parts[0].matches("\\d+") || Long.parseLong(parts[0]) < cutoff) {
                names.add(name);
            }
        }
        for (String name : names) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String host() {
        return server().host();
    }

    private static String port() {
        return server().port();
    }

    private static String user() {
        return server().user();
    }

    private static String password() {
        return server().password();
    }

    private static synchronized Server server() {
        if (server == null) {
            Server local = new Server(env("WAYBILL_TEST_DB_HOST", "127.0.0.1"), env("WAYBILL_TEST_DB_PORT", "5432"),
                    env("WAYBILL_TEST_DB_USER", "postgres"), env("WAYBILL_TEST_DB_PASSWORD", ""));
            String mode = env("WAYBILL_TEST_POSTGRES", "auto");
            server = switch (mode) {
                case "local" -> local;
                case "container" -> container();
                case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? container() : local;
                default -> throw new IllegalStateException("WAYBILL_TEST_POSTGRES must be auto, local or container, "
                        + "not " + mode);
            };
        }
        return server;
    }

    /** A PostgreSQL container for this test JVM; Testcontainers removes it when the JVM ends. */
    @SuppressWarnings("resource")
    private static Server container() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(IMAGE);
        postgres.start();
        String port = String.valueOf(postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT));
        return new Server(postgres.getHost(), port, postgres.getUsername(), postgres.getPassword());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
