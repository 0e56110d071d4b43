package io.waybill.launcher.reliability;

import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service (both sides) as a process of its own, on a free port, its output in a log file: what the
 * tests kill with SIGKILL and start again.
 */
record ServiceProcess(Process process, int port, Path log, HttpClient http) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Starts the service with these program arguments (besides the port). */
    static ServiceProcess start(Path log, List<String> arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Daxoniq.update-checker.disabled=true",
                WaybillApplication.class.getName(), "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(process, port, log,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    /** Waits until the service answers its health check; fails with the end of its log if it does not. */
    void awaitUp() {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200);
        } catch (RuntimeException e) {
            throw new AssertionError("the service did not start; its log:\n" + tail(), e);
        }
    }

    HttpResponse<String> send(String method, String path, RunningApp.Credentials caller, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").header("X-Org-Id", caller.orgId())
                .header("Authorization", "Bearer " + caller.token()).timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET that must answer 200, as JSON. */
    JsonNode json(String path, RunningApp.Credentials caller) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, caller, "");
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** SIGKILL, and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
