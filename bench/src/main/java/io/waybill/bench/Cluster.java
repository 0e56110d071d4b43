package io.waybill.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Waybill in PostgreSQL mode on a database of its own: one command-side and one query-side process, started
 * from the jars the build made, with a fresh owner token. The rate limit is off: the suites are the load.
 */
final class Cluster implements AutoCloseable {

    static final int COMMAND_PORT = 18081;

    private final Database database;
    private final Node commandSide;
    private final Node querySide;
    private final Api api;
    /** Every API client this cluster made, closed with it. */
    private final List<Api> clients = new CopyOnWriteArrayList<>();

    private Cluster(Database database, Node commandSide, Node querySide, Api api) {
        this.database = database;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.api = api;
    }

    /**
     * Starts both sides on an emptied database. {@code settings} are extra {@code --name=value} arguments for both.
     */
    static Cluster start(Path root, Path runDirectory, Database database, List<String> settings) throws Exception {
        return start(root, runDirectory, database, settings, COMMAND_PORT);
    }

    /**
     * The same on other ports: the command side on {@code commandPort}, the query side on the next one, so that
     * suites can run beside each other on one machine.
     */
    static Cluster start(Path root, Path runDirectory, Database database, List<String> settings, int commandPort)
            throws Exception {
        database.recreate();
        Files.createDirectories(runDirectory);
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        Map<String, String> environment = new HashMap<>(database.serviceEnvironment());
        environment.put("WAYBILL_BOOTSTRAP_TOKEN", token);
        List<String> arguments = new ArrayList<>(List.of("--waybill.security.rate-limit.requests-per-second=0"));
        arguments.addAll(settings);
        Node commandSide = new Node("command side", jar(root, "command-side"), commandPort, environment,
                arguments, runDirectory.resolve("command-side.log")).start();
        List<String> queryArguments = new ArrayList<>(arguments);
        queryArguments.add("--waybill.projections.node-id=bench-query");
        Node querySide = new Node("query side", jar(root, "query-side"), commandPort + 1, environment, queryArguments,
                runDirectory.resolve("query-side.log")).start();
        Api api = new Api(commandSide.base(), querySide.base(), organisationOf(database, token), token,
                Duration.ofSeconds(30));
        return new Cluster(database, commandSide, querySide, api);
    }

    Database database() {
        return database;
    }

    Node commandSide() {
        return commandSide;
    }

    /** The command side, then the query side. */
    List<Node> nodes() {
        return List.of(commandSide, querySide);
    }

    Node querySide() {
        return querySide;
    }

    Api api() {
        return api;
    }

    /** An API client with another timeout, for scenarios that must tell an error from a hang. */
    Api api(Duration timeout) {
        Api client = new Api(commandSide.base(), querySide.base(), api.orgId(), api.token(), timeout);
        clients.add(client);
        return client;
    }

    /** Waits until every projection has applied every stored event (lag 0 in the query side's status). */
    void awaitProjectionsCaughtUp(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply reply = api.get("/api/ops/projections");
            if (reply.ok() && caughtUp(reply)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("projections did not catch up within " + within + ": "
                + api.get("/api/ops/projections").body());
    }

    private static boolean caughtUp(Api.Reply reply) {
        for (var projection : reply.json().path("data")) {
            if (projection.path("lagEvents").asLong(1) != 0
                    || "running".equals(projection.path("replay").path("status").asString())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        clients.forEach(Api::close);
        api.close();
        querySide.stop();
        commandSide.stop();
    }

    private static Path jar(Path root, String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -q -DskipTests package first");
        }
        return jar;
    }

    /** The bootstrap owner's organisation, created by the command side just after it reports itself ready. */
    private static String organisationOf(Database database, String token) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.connect();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT org_id FROM access_token WHERE secret_hash = ?")) {
                statement.setString(1, hash);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return rows.getString(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the command side did not create the bootstrap owner within 30 s");
    }
}
