package io.waybill.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark: PostgreSQL's own figures (pgbench and JDBC against a raw database), the stack on its own, and
 * Waybill in PostgreSQL mode (a command side and a query side, each its own process) under W1 to W8. W1 takes turns
 * with its baselines, pgbench's inserts and the stack's creates, round by round; the other baselines are measured
 * first. Every workload runs twice; the report has each figure's runs, its baseline and their ratio, and the load
 * generator's CPU share.
 */
final class Benchmark {

    private static final int RUNS = 2;

    private final Path root;
    private final boolean quick;
    private final Path out;
    private final Set<String> only;

    /** {@code only}: the workloads to run (W1 to W8), all of them when empty. */
    Benchmark(Path root, boolean quick, Path out, Set<String> only) {
        this.root = root;
        this.quick = quick;
        this.out = out;
        this.only = only;
    }

    private boolean runs(String workload) {
        return only.isEmpty() || only.contains(workload);
    }

    int run() throws Exception {
        Path runDirectory = root.resolve("bench/target/benchmark-run");
        Report report = new Report(Machine.describe(root, Database.fromEnvironment("postgres")));
        Duration warmup = Duration.ofSeconds(quick ? 1 : 3);
        Duration measured = Duration.ofSeconds(quick ? 3 : 10);
        // Before W1's creates (Waybill's and the stack's), W4's lag and W6's timelines: each workload's path through
        // the service is compiled under load first, so the figures are of a service that has run a while.
        Duration settle = Duration.ofSeconds(quick ? 5 : 120);

        System.out.println("Baseline: PostgreSQL on its own");
        Baselines baselines = new Baselines(Database.fromEnvironment("waybill_raw"), runDirectory, quick ? 2 : 5);
        java.nio.file.Files.createDirectories(runDirectory);
        baselines.prepare();
        List<Double> loadAndAppend = new ArrayList<>();
        List<Double> hotRows = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            if (runs("W2")) {
                loadAndAppend.add(baselines.loadAndAppend(8));
            }
            if (runs("W3")) {
                hotRows.add(baselines.hotRows(32));
            }
            if (runs("W6")) {
                reads.add(baselines.aggregateReads(8));
            }
        }
        System.out.println("  load + append: " + loadAndAppend + "; hot rows: " + hotRows + "; 100-event reads: "
                + reads);
        if (runs("W1")) {
            System.out.println("The stack on its own (bench/stack), beside Waybill until W1 is done");
        }
        StackSubject stack = runs("W1") ? StackSubject.start(root, runDirectory, settle) : null;
        System.out.println("Waybill: command side and query side on PostgreSQL");
        try (Cluster cluster = Cluster.start(root, runDirectory, Database.fromEnvironment("waybill_bench"),
                List.of())) {
            MemoryWatch memory = new MemoryWatch(cluster.nodes());
            Map<String, Double> atRest = memory.now();
            WriteWorkloads writes = new WriteWorkloads(cluster, report, warmup, measured, settle, RUNS);
            if (stack != null) {
                writes.create(baselines, stack, memory);
                stack.close();
                atRest.forEach((node, mib) -> report.add(new Report.Figure("W8", "memory at rest, " + node, "MiB",
                        List.of(mib), List.of(), null, List.of())));
                memory.peaks().forEach((node, mib) -> report.add(new Report.Figure("W8", "memory under W1, " + node,
                        "MiB", List.of(mib), List.of(), null, List.of())));
            }
            if (runs("W2")) {
                writes.update(loadAndAppend);
            }
            if (runs("W3")) {
                writes.ledgerContention(hotRows);
            }
            if (runs("W4")) {
                writes.projectionLag();
            }
            if (runs("W6")) {
                new TimelineWorkload(cluster, report).run(reads, warmup, measured, settle, RUNS);
            }
            if (runs("W7")) {
                new StreamWorkload(cluster, report).run(measured, settle, RUNS);
            }
            if (runs("W8")) {
                new GrowthWorkload(cluster, report).run(quick ? 10_000 : 100_000, quick ? 20 : 100, RUNS);
            }
            if (runs("W5")) {
                new ReplayWorkload(cluster, report).run(quick ? 100_000 : 1_000_000, RUNS, baselines);
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
        baselines.drop();
        report.print(System.out);
        report.writeJson(out);
        System.out.println("written to " + out);
        return 0;
    }
}
