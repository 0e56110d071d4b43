package io.waybill.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault suite: F1 to F6, each ending with a verifier that reads the event store and the read models and holds
 * them against each other and against what the clients were told. F1 to F4 and F6 share one cluster on ports of
 * their own (18091, 18092) and database {@code waybill_faults}. F3 stops the local PostgreSQL server itself: nothing else
 * should use it meanwhile. Exit code 1 when anything was lost or duplicated or a check failed.
 */
final class FaultSuite {

    private static final int COMMAND_PORT = 18091;

    /** One scenario, verifier included. */
    private interface Scenario {
        Outcome run() throws Exception;
    }

    private final Path root;
    private final boolean quick;
    private final Path out;

    FaultSuite(Path root, boolean quick, Path out) {
        this.root = root;
        this.quick = quick;
        this.out = out;
    }

    int run() throws Exception {
        long started = System.nanoTime();
        Path runDirectory = root.resolve("bench/target/faults-run");
        Files.createDirectories(runDirectory);
        for (String log : List.of("command-side.log", "query-side.log", "f5-maven.log")) {
            Files.deleteIfExists(runDirectory.resolve(log));
        }
        List<Outcome> outcomes = new ArrayList<>();
        System.out.println("Fault suite (" + (quick ? "short" : "full") + "), logs in " + root.relativize(runDirectory));
        try (Cluster cluster = Cluster.start(root, runDirectory, Database.fromEnvironment("waybill_faults"),
                List.of(), COMMAND_PORT)) {
            StoreVerifier store = new StoreVerifier(cluster.database(), cluster.api());
            outcomes.add(attempt("F1", "kill -9 the command side under W1 load", cluster,
                    () -> new WritesUnderFault("F1", "kill -9 the command side under W1 load", new ProcessKill(),
                            cluster, store, quick).run()));
            outcomes.add(attempt("F2", "kill -9 the query side mid-projection and mid-replay", cluster,
                    () -> new QuerySideCrash(cluster, store, quick).run()));
            outcomes.add(attempt("F3", "crash PostgreSQL under load", cluster,
                    () -> new WritesUnderFault("F3", "crash PostgreSQL under load", new DatabaseStop(quick), cluster,
                            store, quick).run()));
            outcomes.add(attempt("F4", "conflict storm: If-Match updates, movements on one item", cluster,
                    () -> new ConflictStorm(cluster, store, quick).run()));
            outcomes.add(attempt("F6", "receipts under load, command side killed", cluster,
                    () -> new ReceiptsUnderKill(cluster, store, quick).run()));
        }
        outcomes.add(quick ? Outcome.skipped("F5", "randomized ledger and malformed input, larger",
                "short mode: the default test run already runs these tests at their normal size")
                : attempt("F5", "randomized ledger and malformed input, larger", null,
                () -> new LargerRandomRuns(root, runDirectory.resolve("f5-maven.log"), 4000, 20000).run()));
        double seconds = (System.nanoTime() - started) / 1e9;
        print(outcomes, seconds, System.out);
        write(outcomes, seconds);
        return outcomes.stream().anyMatch(Outcome::failed) ? 1 : 0;
    }

    /** Runs a scenario; one that throws fails, and the cluster's processes are started again for the next. */
    private static Outcome attempt(String id, String title, Cluster cluster, Scenario scenario) {
        System.out.println(id + ": " + title);
        long started = System.nanoTime();
        try {
            return scenario.run();
        } catch (Exception e) {
            System.out.println("  FAILED: " + e);
            if (cluster != null) {
                for (Node node : cluster.nodes()) {
                    restartIfDown(node);
                }
            }
            return Outcome.crashed(id, title, e, (System.nanoTime() - started) / 1e9);
        }
    }

    private static void restartIfDown(Node node) {
        try {
            if (!node.alive()) {
                node.start();
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("  " + node.name() + " did not start again: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(List<Outcome> outcomes, double seconds, PrintStream out) {
        out.println();
        String format = "%-4s %-56s %10s %13s %8s %6s %11s %10s %7s  %s%n";
        out.printf(Locale.ROOT, format, "", "scenario", "attempted", "acknowledged", "found", "lost", "duplicated",
                "recover s", "took s", "verdict");
        for (Outcome o : outcomes) {
            out.printf(Locale.ROOT, format, o.scenario(), o.title(), o.skipped() ? "-" : o.attempted(),
                    o.skipped() ? "-" : o.acknowledged(), o.skipped() ? "-" : o.found(), o.skipped() ? "-" : o.lost(),
                    o.skipped() ? "-" : o.duplicated(), o.recoverySeconds() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f", o.recoverySeconds()),
                    String.format(Locale.ROOT, "%.0f", o.seconds()), o.verdict());
        }
        out.println();
        for (Outcome o : outcomes) {
            o.notes().forEach(note -> out.println(o.scenario() + ": " + note));
            o.failures().forEach(failure -> out.println(o.scenario() + " FAILED: " + failure));
        }
        out.printf(Locale.ROOT, "%nthe suite took %.0f s%n", seconds);
    }

    private void write(List<Outcome> outcomes, double seconds) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("mode", quick ? "short" : "full");
        document.put("seconds", seconds);
        document.put("scenarios", outcomes.stream().map(Outcome::json).toList());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        System.out.println("written to " + out);
    }
}
