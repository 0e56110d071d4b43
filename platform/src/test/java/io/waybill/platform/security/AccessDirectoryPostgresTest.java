package io.waybill.platform.security;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.waybill.platform.persistence.DatabaseNotifications;
import io.waybill.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On PostgreSQL a token read is kept until the access tables change, and a change made by anyone (here: by hand,
 * behind the service's back) is heard and ends what was kept; a lost listening connection is noticed and set up
 * again.
 */
class AccessDirectoryPostgresTest {

    private static final Duration HEARD_WITHIN = Duration.ofSeconds(5);
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private DatabaseNotifications notifications;
    private AccessChanges changes;
    private AccessDirectory directory;

    @BeforeEach
    void database() throws Exception {
        String database = TestDatabases.createPostgresDatabase();
        dataSource = new SingleConnectionDataSource(TestDatabases.connect(database), true);
        dataSource.setAutoCommit(true);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.update("INSERT INTO access_organisation (org_id, name, slug, created_at, updated_at) "
                + "VALUES ('org-1', 'One', 'one', ?, ?)", now, now);
        jdbc.update("INSERT INTO access_membership (org_id, user_id, role, joined_at) "
                + "VALUES ('org-1', 'user-1', 'owner', ?)", now);
        jdbc.update("INSERT INTO access_token (token_id, secret_hash, user_id, org_id, name, created_at) "
                + "VALUES ('token-1', 'hash-1', 'user-1', 'org-1', 'ci', ?)", now);
        ConnectionFactory connections = ConnectionFactories.get(TestDatabases.r2dbcUrl(database));
        notifications = new DatabaseNotifications(connections);
        changes = new AccessChanges(notifications);
        directory = new AccessDirectory(DatabaseClient.create(connections), changes);
        notifications.afterSingletonsInstantiated();
        await().atMost(HEARD_WITHIN).until(changes::listening);
    }

    @AfterEach
    void close() {
        notifications.destroy();
        dataSource.destroy();
    }

    @Test
    void aTokenReadIsKeptUntilTheAccessTablesChange() {
        assertThat(revokedAt()).isNull();

        // a change PostgreSQL does not announce stays unseen while the token is kept
        jdbc.execute("ALTER TABLE access_token DISABLE TRIGGER access_token_changed");
        jdbc.update("UPDATE access_token SET revoked_at = now() WHERE token_id = 'token-1'");
        jdbc.execute("ALTER TABLE access_token ENABLE TRIGGER access_token_changed");
        assertThat(revokedAt()).isNull();

        // an announced change ends it
        jdbc.update("UPDATE access_token SET name = 'renamed' WHERE token_id = 'token-1'");
        await().atMost(HEARD_WITHIN).untilAsserted(() -> assertThat(revokedAt()).isNotNull());
        directory.token("hash-1").block();
        jdbc.update("DELETE FROM access_membership WHERE user_id = 'user-1'");
        await().atMost(HEARD_WITHIN).untilAsserted(() ->
                assertThat(directory.token("hash-1").block().role()).isNull());
    }

    @Test
    void aLostListeningConnectionIsNoticedAndSetUpAgain() {
        assertThat(revokedAt()).isNull();
        Integer listener = listeningBackend();
        jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, listener);

        await().atMost(HEARD_WITHIN).untilAsserted(() -> {
            assertThat(changes.listening()).isTrue();
            assertThat(listeningBackend()).isNotNull().isNotEqualTo(listener);
        });
        jdbc.update("UPDATE access_token SET revoked_at = now() WHERE token_id = 'token-1'");
        await().atMost(HEARD_WITHIN).untilAsserted(() -> assertThat(revokedAt()).isNotNull());
    }

    private Instant revokedAt() {
        return directory.token("hash-1").block().revokedAt();
    }

    private Integer listeningBackend() {
        return jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND query LIKE 'LISTEN%'", Integer.class).stream().findFirst().orElse(null);
    }
}
