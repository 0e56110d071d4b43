package io.waybill.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** W1 create, W2 update, W3 ledger contention and W4 projection lag. */
final class WriteWorkloads {

    static final int[] CONCURRENCY = {1, 8, 32};
    /** The highest of them, where CPU per create and memory are measured. */
    static final int PEAK = CONCURRENCY[CONCURRENCY.length - 1];
    private static final int UPDATE_CLIENTS = 8;
    private static final int HOT_CLIENTS = 32;
    private static final int HOT_ITEMS = 4;

    private final Cluster cluster;
    private final Api api;
    private final Fixtures fixtures;
    private final Report report;
    private final Duration warmup;
    private final Duration measured;
    private final Duration settle;
    private final int runs;
    private double peakCreateRate;

    WriteWorkloads(Cluster cluster, Report report, Duration warmup, Duration measured, Duration settle, int runs) {
        this.cluster = cluster;
        this.api = cluster.api();
        this.fixtures = new Fixtures(api);
        this.report = report;
        this.warmup = warmup;
        this.measured = measured;
        this.settle = settle;
        this.runs = runs;
    }

    /**
     * W1 at 1, 8 and 32 clients, with its two baselines in the same rounds: pgbench's single-row inserts at the same
     * concurrency and the creates of the stack on its own. Each run of a concurrency is a round of all three, in an
     * order that turns round from one run to the next (the stack, pgbench, Waybill; then Waybill, the stack,
     * pgbench), so a host that speeds up or slows down during the benchmark moves a figure and its baselines alike.
     */
    void create(Baselines baselines, StackSubject stack, MemoryWatch memory) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int client = 0; client < PEAK; client++) {
            lines.add(fixtures.orderLine("w1-order-" + client));
        }
        Warmup.untilCompiled("W1, Waybill", cluster.nodes(), settle, (time, round) -> {
            String prefix = "w1-warm-" + round + "-";
            Load.warm(PEAK, time, (client, n) -> api.post("/api/item-groups",
                    Fixtures.itemGroupBody(prefix + client + "-" + n, lines.get(client))).ok());
        });
        List<Map<String, Double>> cpuSplits = new ArrayList<>();
        for (int clients : CONCURRENCY) {
            Runs results = new Runs(true);
            List<Double> inserts = new ArrayList<>();
            List<Double> stackCreates = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                String prefix = "w1-" + clients + "-" + run + "-";
                boolean waybillFirst = run % 2 == 1;
                if (waybillFirst) {
                    results.add(createRound(clients, prefix, lines, memory, cpuSplits));
                }
                stackCreates.add(stack.creates(clients, "stack-" + prefix, warmup, measured).perSecond());
                inserts.add(baselines.inserts(clients));
                if (!waybillFirst) {
                    results.add(createRound(clients, prefix, lines, memory, cpuSplits));
                }
            }
            System.out.println("  " + clients + " clients: single-row inserts " + inserts + ", the stack's creates "
                    + stackCreates);
            String what = "create, " + clients + " client" + (clients == 1 ? "" : "s");
            results.report(report, "W1", what, inserts, "pgbench single-row insert, " + clients + " clients");
            results.reportRate(report, "W1", what + " vs. the stack", stackCreates,
                    "bench/stack create, " + clients + " clients");
        }
        stack.report(report);
        CpuSplit.report(report, "W1", "create, " + PEAK + " clients", cpuSplits);
    }

    /** One run of Waybill's creates from {@code clients}; at the most clients, with its CPU split and memory. */
    private Load.Result createRound(int clients, String prefix, List<String> lines, MemoryWatch memory,
            List<Map<String, Double>> cpuSplits) throws Exception {
        boolean peak = clients == PEAK;
        if (peak) {
            memory.watch();
        }
        CpuSplit cpu = new CpuSplit(cluster);
        Load.Result result = Load.closedLoop(clients, warmup, measured, (client, n) -> api.post(
                "/api/item-groups", Fixtures.itemGroupBody(prefix + client + "-" + n, lines.get(client))).ok());
        memory.stop();
        if (peak) {
            cpuSplits.add(cpu.perOperation(result));
        }
        peakCreateRate = Math.max(peakCreateRate, result.perSecond());
        return result;
    }

    /** W2: ship, reschedule, deliver and revert existing item groups, each with a growing history. */
    void update(List<Double> loadAndAppend) throws Exception {
        List<List<String>> groups = fixtures.itemGroups("w2", UPDATE_CLIENTS, 50);
        Map<String, AtomicInteger> steps = new ConcurrentHashMap<>();
        Runs results = new Runs();
        for (int run = 0; run < runs; run++) {
            results.add(Load.closedLoop(UPDATE_CLIENTS, warmup, measured, (client, n) -> {
                List<String> mine = groups.get(client);
                String group = mine.get((int) (n % mine.size()));
                int step = steps.computeIfAbsent(group, g -> new AtomicInteger()).getAndIncrement();
                return api.patch("/api/item-groups/" + group, updateBody(step), null).ok();
            }));
        }
        results.report(report, "W2", "update, " + UPDATE_CLIENTS + " clients", loadAndAppend,
                "pgbench load 1-40 events + append, " + UPDATE_CLIENTS + " clients");
    }

    private static String updateBody(int step) {
        return switch (step % 4) {
            case 0 -> "{\"shipped\":true,\"shipDate\":\"2026-11-20\"}";
            case 1 -> "{\"dueDate\":\"" + LocalDate.of(2027, 1, 1).plusDays(step) + "\"}";
            case 2 -> "{\"delivered\":true,\"deliveryDate\":\"2026-11-28\"}";
            default -> "{\"delivered\":false,\"shipped\":false}";
        };
    }

    /** W3: transfers and consumptions of one unit on four hot materials from 32 clients. */
    void ledgerContention(List<Double> hotRows) throws Exception {
        String from = fixtures.location("W3 store");
        String to = fixtures.location("W3 line");
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < HOT_ITEMS; i++) {
            materials.add(fixtures.stockedMaterial("W3-" + i, from, 100_000_000));
        }
        Runs results = new Runs();
        for (int run = 0; run < runs; run++) {
            results.add(Load.closedLoop(HOT_CLIENTS, warmup, measured, (client, n) -> {
                String material = materials.get(ThreadLocalRandom.current().nextInt(HOT_ITEMS));
                return (n % 2 == 0
                        ? api.post("/api/materials-inventory/transfers", "{\"materialId\":\"" + material
                        + "\",\"sourceLocationId\":\"" + from + "\",\"destinationLocationId\":\"" + to
                        + "\",\"quantity\":\"1\"}")
                        : api.post("/api/materials-inventory/ledger", "{\"eventType\":\"CONSUME\",\"materialId\":\""
                        + material + "\",\"locationId\":\"" + from + "\",\"quantity\":\"1\"}")).ok();
            }));
        }
        results.report(report, "W3", "ledger contention, " + HOT_ITEMS + " items, " + HOT_CLIENTS + " clients",
                hotRows, "pgbench update 1 of 4 hot rows + append, " + HOT_CLIENTS + " clients");
    }

    /**
     * W4: order creates paced at half of the peak rate of order creates, the peak measured by each run just before
     * its paced part (32 clients, closed loop, as W1): the host's speed moves within minutes, so a peak measured in
     * another phase (W1's) may be far from the host's peak when W4 runs. One reader asks the query side for the
     * orders not seen yet every 5 ms, and each one's lag is from its acknowledgement to the answer that first holds
     * it. Each paced part starts with the projections caught up (the peak leaves work behind) and counts the creates
     * acknowledged in its measured part only. The same load warms both sides first, unmeasured, each phase a peak
     * for a quarter of its time and then creates paced at half of W1's peak (of a first, cold peak of order creates
     * when W1 does not run; {@link Warmup}): the reader's path has not run before, and the JIT compiles it (and the
     * rest of both sides) for minutes on two shared cores, and again after a peak when only the paced load warmed.
     * After each peak the query side compiles the reader's path again (the peak ran without it) for several seconds,
     * so each paced part warms for three times the other workloads' warm-up before its lags count.
     */
    void projectionLag() throws Exception {
        double warmRate = Math.max(1, (peakCreateRate > 0 ? peakCreateRate : orderCreatePeak("w4-cold-")) / 2);
        Warmup.untilCompiled("W4", cluster.nodes(), settle, (time, round) -> {
            Duration peak = time.dividedBy(4);
            orderCreates("w4-warm-peak-" + round + "-", Duration.ZERO, peak);
            cluster.awaitProjectionsCaughtUp(Duration.ofMinutes(2));
            pacedCreatesRead(api, "w4-warm-" + round + "-", warmRate, time.minus(peak), Duration.ZERO);
        });
        List<Double> peaks = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String prefix = "w4-" + run + "-";
            double peak = orderCreatePeak(prefix + "peak-");
            peaks.add(peak);
            cluster.awaitProjectionsCaughtUp(Duration.ofMinutes(2));
            double[] compiling = Warmup.compilerSeconds(cluster.nodes());
            CpuSplit cpu = new CpuSplit(cluster);
            long start = System.nanoTime();
            Lagged lagged = pacedCreatesRead(api, prefix, Math.max(1, peak / 2), warmup.multipliedBy(3), measured);
            printLoad(prefix, compiling, (System.nanoTime() - start) / 1e9, lagged.creates().machineBusyShare(),
                    cpu.perOperation(lagged.creates()));
            achieved.add(lagged.creates().perSecond());
            p50.add(lagged.lags().percentileMillis(50));
            p99.add(lagged.lags().percentileMillis(99));
        }
        report.add(new Report.Figure("W4", "order creates' peak, " + PEAK + " clients", "cmd/s", peaks, List.of(),
                null, List.of()));
        report.add(new Report.Figure("W4", "creates paced at half of that peak", "cmd/s", achieved, List.of(), null,
                List.of()));
        report.add(new Report.Figure("W4", "projection lag p50", "ms", p50, List.of(), null, List.of()));
        report.add(new Report.Figure("W4", "projection lag p99", "ms", p99, List.of(), null, List.of()));
    }

    /**
     * What kept the cores busy over a paced part: each process's JIT compiler threads, as a share of a core, over
     * the whole part ({@code seconds}, its warm-up included); the whole machine, as a share of its cores, over the
     * measured window; and the CPU per create of each process, PostgreSQL and the load generator (the lag reader
     * among them) over the whole part.
     */
    private void printLoad(String prefix, double[] compilingBefore, double seconds, double machineBusy,
                           Map<String, Double> cpuPerCreate) {
        double[] compiling = Warmup.compilerSeconds(cluster.nodes());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < compiling.length; i++) {
            text.append(i == 0 ? "" : ", ").append(cluster.nodes().get(i).name()).append(' ')
                    .append(Math.round(100 * (compiling[i] - compilingBefore[i]) / seconds)).append(" %");
        }
        StringBuilder perCreate = new StringBuilder();
        cpuPerCreate.forEach((part, ms) -> perCreate.append(perCreate.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f ms", part, ms)));
        System.out.println("  W4 " + prefix + ": compiler threads of a core: " + text + "; machine busy "
                + Math.round(100 * machineBusy) + " %; CPU per create: " + perCreate);
    }

    /** Order creates a second from {@link #PEAK} clients in a closed loop (W4's peak). */
    private double orderCreatePeak(String prefix) throws Exception {
        return orderCreates(prefix, warmup, measured);
    }

    /** Order creates from {@link #PEAK} clients in a closed loop, a second in the measured window. */
    private double orderCreates(String prefix, Duration warm, Duration time) throws Exception {
        return Load.closedLoop(PEAK, warm, time, (client, n) -> api.post("/api/orders",
                orderBody(prefix + client + "-" + n)).ok()).perSecond();
    }

    /** The body of W4's order creates. */
    private static String orderBody(String sid) {
        return "{\"id\":\"" + sid + "\",\"vendorName\":\"Lag Vendor\"}";
    }

    /** The creates of one W4 run and the lags of those acknowledged after its warm-up. */
    record Lagged(Load.Result creates, Latencies lags) {
    }

    /** Order creates paced at {@code rate}, each one's lag measured by a reader of the query side (W4). */
    static Lagged pacedCreatesRead(Api api, String prefix, double rate, Duration warmup, Duration measured)
            throws Exception {
        Latencies lags = new Latencies();
        Map<String, Long> pending = new ConcurrentHashMap<>();
        LagReader reader = new LagReader(api, pending, lags, System.nanoTime() + warmup.toNanos());
        reader.start();
        Load.Result result = Load.paced(32, rate, warmup, measured, (client, n) -> {
            String sid = prefix + client + "-" + n;
            Api.Reply reply = api.post("/api/orders", orderBody(sid));
            if (reply.ok()) {
                pending.put(sid, System.nanoTime());
            }
            return reply.ok();
        });
        reader.finish(Duration.ofSeconds(30));
        if (!measured.isZero()) {
            System.out.println("  W4 " + prefix + ": seconds with lags over 100 ms / reads over 50 ms: "
                    + reader.tail());
        }
        return new Lagged(result, lags);
    }
}
