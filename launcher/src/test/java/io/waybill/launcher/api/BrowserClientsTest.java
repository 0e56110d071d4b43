package io.waybill.launcher.api;

import com.sun.net.httpserver.HttpServer;
import io.waybill.launcher.NodeTools;
import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.waybill.launcher.ApiTestBase.eventually;
import static io.waybill.launcher.api.ApiContractSupport.body;
import static io.waybill.launcher.api.ApiContractSupport.createOrderItemAndGroup;
import static io.waybill.launcher.api.ApiContractSupport.newSid;
import static io.waybill.launcher.api.ApiContractSupport.post;
import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers as clients, in a real Chromium driven by npm's playwright-core ({@code src/test/browser}): the ops
 * console signs in, shows the projections, follows the live tail (resuming after a reload), runs a replay to 100 %
 * and retries a dead letter; a page on another allowed origin follows an item group's stream with
 * {@code EventSource} through a stream ticket. This class starts the embedded service and a second origin, prepares
 * the data the script needs (a lot, a parked event whose cause is then fixed), holds the replay until the script
 * has seen its bar running ({@link ReplayGate}, told through the second origin), and runs the script; screenshots are
 * kept in {@code target/browser}. It needs Debian's Chromium beside the npm packages ({@link NodeTools}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserClientsTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private Path scripts;
    private HttpServer otherOrigin;
    private RunningApp app;

    @BeforeAll
    void start() throws IOException {
        scripts = NodeTools.require("browser", "playwright-core", CHROMIUM);
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherOrigin.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>Another origin</title><p>A page elsewhere.</p>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherOrigin.createContext("/replay-seen", exchange -> {
            ReplayGate.seen.countDown();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        otherOrigin.start();
        Map<String, Object> properties = new HashMap<>(TestDatabases.embedded());
        properties.put("waybill.http.cors.allowed-origins", origin());
        app = RunningApp.start(properties, WaybillApplication.class, ReplayGate.class);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (otherOrigin != null) {
            otherOrigin.stop(0);
        }
    }

    @Test
    void theConsoleAndAPageOnAnotherOriginWorkInChromium() throws Exception {
        RunningApp.Credentials org = app.organisation("browser clients");
        WebTestClient owner = app.client(org);
        String itemGroup = createOrderItemAndGroup(owner, "3");
        String letter = parkedThenFixed(owner);

        Path artefacts = Path.of("target", "browser").toAbsolutePath();
        FileSystemUtils.deleteRecursively(artefacts);
        ProcessBuilder script = new ProcessBuilder("node", "browser-clients.test.mjs")
                .directory(scripts.toFile()).redirectErrorStream(true);
        script.environment().putAll(Map.of(
                "WAYBILL_URL", "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port"),
                "OTHER_ORIGIN", origin(),
                "WAYBILL_TOKEN", org.token(),
                "VIEWER_TOKEN", viewerToken(owner),
                "WAYBILL_ORG", org.orgId(),
                "ITEM_GROUP_ID", itemGroup,
                "DEAD_LETTER_ID", letter,
                "ARTEFACTS", artefacts.toString(),
                "CHROMIUM", CHROMIUM.toString()));
        Process running = script.start();
        AtomicReference<String> output = new AtomicReference<>("");
        Thread reader = new Thread(() -> output.set(readAll(running.getInputStream())), "browser-script-output");
        reader.start();
        boolean ended = running.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            running.destroyForcibly();
        }
        if (!ended || running.exitValue() != 0) {
            printThreads();
        }
        reader.join(5_000);
        System.out.println(output.get());
        assertThat(ended).as("the browser script ended within 3 minutes:%n%s", output.get()).isTrue();
        assertThat(running.exitValue()).as("the browser script's steps:%n%s", output.get()).isZero();
        assertThat(output.get()).contains("ok   a page on another allowed origin follows");
    }

    /**
     * A dead letter of the orders projection (a constraint refuses the order's row), whose cause is removed once it
     * is parked, so that a retry applies it.
     */
    private String parkedThenFixed(WebTestClient owner) {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        jdbc.execute("ALTER TABLE order_view ADD CONSTRAINT browser_poison CHECK (title <> 'browser-poison')");
        String order = newSid("poisoned");
        post(owner, "/api/orders", body("id", order, "vendorName", "Acme", "title", "browser-poison"))
                .expectStatus().isCreated();
        AtomicReference<String> letter = new AtomicReference<>();
        eventually().untilAsserted(() -> {
            List<String> ids = read(text(owner.get().uri("/api/ops/dead-letters?projection=orders").exchange(), 200),
                    "$.data[?(@.aggregateId == '" + order + "')].id");
            assertThat(ids).hasSize(1);
            letter.set(ids.get(0));
        });
        jdbc.execute("ALTER TABLE order_view DROP CONSTRAINT browser_poison");
        return letter.get();
    }

    /** The first token of a new member with the viewer role, as an admin hands it over. */
    private static String viewerToken(WebTestClient owner) {
        return read(text(post(owner, "/api/organizations/current/members", body("email", newSid("viewer")
                + "@example.com", "role", "viewer")), 201), "$.plaintext");
    }

    /** What the service was doing when the script failed: a request left unanswered shows here, or not at all. */
    private static void printThreads() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            System.out.println("thread " + thread.getName() + " " + thread.getState());
            for (StackTraceElement element : stack) {
                System.out.println("    at " + element);
            }
        });
    }

    private String origin() {
        return "http://127.0.0.1:" + otherOrigin.getAddress().getPort();
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the script's output could not be read: " + e.getMessage() + ")";
        }
    }
}
