package io.waybill.platform.persistence;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sender asked for a thousand notifications at once sends one at once and one more when its interval is over:
 * none is lost after the last request, and listeners are not woken per request. A process does not hear its own.
 */
class DatabaseNotificationsPostgresTest {

    private static final String CHANNEL = "test_notifications";
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration LISTENER_DELAY = Duration.ofMillis(200);
    private final List<Long> heardAt = new CopyOnWriteArrayList<>();
    private DatabaseNotifications notifications;
    private DatabaseNotifications otherProcess;

    @BeforeEach
    void listen() {
        ConnectionFactory connections = ConnectionFactories.get(TestDatabases.r2dbcUrl(
                TestDatabases.createPostgresDatabase()));
        notifications = new DatabaseNotifications(connections);
        otherProcess = new DatabaseNotifications(connections);
        notifications.listen(CHANNEL, () -> heardAt.add(System.nanoTime()));
        notifications.afterSingletonsInstantiated();
        await().atMost(Duration.ofSeconds(5)).until(notifications::listening);
    }

    @AfterEach
    void close() {
        notifications.destroy();
        otherProcess.destroy();
    }

    @Test
    void requestsWithinAnIntervalBecomeOneNotificationWhenItIsOver() {
        DatabaseNotifications.Sender sender = otherProcess.sender(CHANNEL, INTERVAL);
        for (int i = 0; i < 1000; i++) {
            sender.send();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> heardAt.size() >= 2);
        // The interval runs between the two sends; a listener may hear the first one later than it went out (its
        // connection's thread busy), which this allows for.
        assertThat(heardAt.get(1) - heardAt.get(0)).as("nanoseconds between the two")
                .isGreaterThanOrEqualTo(INTERVAL.toNanos() - LISTENER_DELAY.toNanos());
        await().during(INTERVAL.multipliedBy(2)).atMost(INTERVAL.multipliedBy(3))
                .until(() -> heardAt.size() == 2);
    }

    @Test
    void aProcessDoesNotHearWhatItSentItselfButHearsTheOthers() {
        DatabaseNotifications.Sender own = notifications.sender(CHANNEL, Duration.ZERO);
        own.send();
        await().atMost(Duration.ofSeconds(5)).until(() -> own.sent() == 1);
        otherProcess.sender(CHANNEL, Duration.ZERO).send();

        await().atMost(Duration.ofSeconds(5)).until(() -> heardAt.size() == 1);
        await().during(Duration.ofMillis(500)).until(() -> heardAt.size() == 1);
    }
}
