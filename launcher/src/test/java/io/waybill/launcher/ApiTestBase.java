package io.waybill.launcher;

import io.waybill.testing.RunningApp;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP tests of the whole service (both sides in one process) over real HTTP. A subclass names the database:
 * the embedded one ({@code *Test}) or PostgreSQL ({@code *IT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase {

    protected RunningApp app;

    /** The properties of the way to run under test. */
    protected abstract Map<String, Object> database();

    /** The application's sources as the test starts it. */
    protected Class<?>[] sources() {
        return new Class<?>[] {WaybillApplication.class, AnswersThroughAxonServer.class};
    }

    @BeforeAll
    void startService() {
        app = RunningApp.start(database(), sources());
    }

    @AfterAll
    void stopService() {
        if (app != null) {
            app.close();
        }
    }

    /** A client for a new organisation of its own, so tests do not see each other's data. */
    public WebTestClient newOrg() {
        return app.client("org-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Waits for projections (eventual consistency) with a deadline, never a fixed sleep. */
    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions();
    }
}
