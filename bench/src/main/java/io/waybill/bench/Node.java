package io.waybill.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One service process (a command side or a query side, from its executable jar) on a fixed port, its output
 * appended to a log file. It can be killed with SIGKILL and started again on the same port and database.
 */
final class Node {

    // HTTP/1.1: an HTTP/2 connection whose request timed out while the process was busy starting could stall
    // every later probe on it
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // a suite that is stopped leaves no service process behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    Node(String name, Path jar, int port, Map<String, String> environment, List<String> arguments, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.arguments = arguments;
        this.log = log;
    }

    String name() {
        return name;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the process and waits until it reports itself ready. */
    Node start() throws IOException, InterruptedException {
        launch();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    /** Starts the process without waiting, for a caller that watches it come up (and may kill it meanwhile). */
    void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-Daxoniq.update-checker.disabled=true",
                "-Ddisable-axoniq-console-message=true"));
        String options = System.getenv("WAYBILL_BENCH_JVM_OPTIONS");
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.trim().replace("{name}", name.replace(' ', '-'))
                    .replace("{port}", Integer.toString(port)).split("\\s+")));
        }
        // an argument starting with -X or -D (a JVM option or system property, e.g. given to compare) goes to the JVM,
        // the others to the service
        arguments.stream().filter(Node::forJvm).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=postgres", "--server.port=" + port));
        arguments.stream().filter(argument -> !forJvm(argument)).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        RUNNING.add(process);
        process.onExit().thenAccept(RUNNING::remove);
    }

    private static boolean forJvm(String argument) {
        return argument.startsWith("-X") || argument.startsWith("-D");
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, and waits for the process to end. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Ready: the readiness probe answers 200 (on a query side, every projection running). */
    void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log:\n" + tail());
            }
            if (answers("/actuator/health/readiness")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + within + "; its log:\n" + tail());
    }

    boolean answers(String path) {
        try {
            return PROBE.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** CPU time used by the process so far, in seconds. */
    double cpuSeconds() {
        return ProcFs.cpuSeconds(pid());
    }

    /** Resident memory of the process, in MiB. */
    double residentMib() {
        return ProcFs.residentMib(pid());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
