package io.waybill.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code compare --a "SETTINGS" --b "SETTINGS"}: one build under two sets of settings, side by side; with
 * {@code --b-build DIR}, B runs the jars built in DIR (another clone of the project, packaged). Each subject
 * runs as its own command side and query side on its own database; the subjects take turns (A B B A, then again),
 * so that the host's drift falls on both alike. Each turn is item-group creates from {@code clients} clients (32),
 * and reports creates/s and the CPU per create of each process and of PostgreSQL; or, with {@code --paced RATE},
 * W4's order creates at that rate and their projection lag. Both subjects warm at once first: 32 clients creating
 * item groups (as W1 warms), or W4's paced creates. A figure of one turn is compared with the other subject's turn
 * next to it, never with another run.
 */
final class Compare {

    private static final int WARM_CLIENTS = 32;

    private final Path root;
    private final Path rootB;
    private final List<String> settingsA;
    private final List<String> settingsB;
    private final Duration warm;
    private final Duration turn;
    private final int pairs;
    private final double paced;
    private final int clients;

    /** {@code paced}: the rate of W4's creates in each turn, or 0 for closed-loop creates from {@code clients}. */
    Compare(Path root, String settingsA, String settingsB, Path rootB, Duration warm, Duration turn, int pairs,
            double paced, int clients) {
        this.root = root;
        this.rootB = rootB;
        this.settingsA = arguments(settingsA);
        this.settingsB = arguments(settingsB);
        this.warm = warm;
        this.turn = turn;
        this.pairs = pairs;
        this.paced = paced;
        this.clients = clients;
    }

    int run() throws Exception {
        Path runDirectory = root.resolve("bench/target/compare");
        try (Cluster a = Cluster.start(root, runDirectory.resolve("a"), Database.fromEnvironment("waybill_compare_a"),
                settingsA, 18081);
             Cluster b = Cluster.start(rootB, runDirectory.resolve("b"), Database.fromEnvironment("waybill_compare_b"),
                     settingsB, 18181)) {
            Subject first = new Subject("A", a, paced, clients);
            Subject second = new Subject("B", b, paced, clients);
            System.out.printf("A: %s%nB: %s%s%nwarming both at once for %d s%n", settingsA, settingsB,
                    rootB.equals(root) ? "" : ", the build in " + rootB, warm.toSeconds());
            ExecutorService warming = Executors.newFixedThreadPool(2);
            try {
                for (Future<Object> done : warming.invokeAll(List.<Callable<Object>>of(() -> first.warm(warm),
                        () -> second.warm(warm)))) {
                    done.get();
                }
            } finally {
                warming.shutdown();
            }
            for (int pair = 0; pair < pairs; pair++) {
                boolean aFirst = pair % 2 == 0;
                (aFirst ? first : second).turn(turn);
                (aFirst ? second : first).turn(turn);
            }
        }
        return 0;
    }

    private static List<String> arguments(String settings) {
        return Arrays.stream(settings.trim().split("\\s+")).filter(argument -> !argument.isEmpty()).toList();
    }

    /** One subject: its cluster, one order line per client, and its turns so far. */
    private static final class Subject {

        private final String name;
        private final Cluster cluster;
        private final double paced;
        private final int clients;
        /** One order line per client, each client's item groups under its own. */
        private final List<String> lines = new ArrayList<>();
        private int turns;

        Subject(String name, Cluster cluster, double paced, int clients) {
            this.name = name;
            this.cluster = cluster;
            this.paced = paced;
            this.clients = clients;
            Fixtures fixtures = new Fixtures(cluster.api());
            for (int client = 0; client < Math.max(clients, WARM_CLIENTS); client++) {
                lines.add(fixtures.orderLine("compare-" + client));
            }
        }

        /** Creates for {@code time}, unmeasured; answers nothing. */
        Object warm(Duration time) throws Exception {
            if (paced > 0) {
                WriteWorkloads.pacedCreatesRead(cluster.api(), "warm-", paced, time, Duration.ZERO);
            } else {
                Load.warm(WARM_CLIENTS, time, (client, n) -> create("warm-" + client + "-" + n, client));
            }
            return null;
        }

        void turn(Duration time) throws Exception {
            cluster.awaitProjectionsCaughtUp(Duration.ofMinutes(2));
            String prefix = "turn-" + turns++ + "-";
            CpuSplit cpu = new CpuSplit(cluster);
            StringBuilder line = new StringBuilder(name);
            Load.Result result;
            if (paced > 0) {
                WriteWorkloads.Lagged lagged = WriteWorkloads.pacedCreatesRead(cluster.api(), prefix, paced,
                        Duration.ofSeconds(2), time);
                result = lagged.creates();
                line.append(String.format(Locale.ROOT, "  lag p50 %.0f ms, p99 %.0f ms",
                        lagged.lags().percentileMillis(50), lagged.lags().percentileMillis(99)));
            } else {
                result = Load.closedLoop(clients, Duration.ofSeconds(2), time,
                        (client, n) -> create(prefix + client + "-" + n, client));
            }
            line.append(String.format(Locale.ROOT, "  %6.0f creates/s", result.perSecond()));
            for (Map.Entry<String, Double> part : cpu.perOperation(result).entrySet()) {
                line.append(String.format(Locale.ROOT, "  %s %.2f ms", part.getKey(), part.getValue()));
            }
            System.out.println(line);
        }

        private boolean create(String sid, int client) {
            return cluster.api().post("/api/item-groups", Fixtures.itemGroupBody(sid, lines.get(client))).ok();
        }
    }
}
