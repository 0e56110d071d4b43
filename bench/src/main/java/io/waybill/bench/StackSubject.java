package io.waybill.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack on its own ({@code bench/stack}: HTTP, Axon's command gateway, an aggregate, one event on the JDBC store,
 * one tracking projection, on the same Spring Boot, Axon and store tables as Waybill), under W1's creates at the
 * same concurrencies, on a database of its own. Its rates are the second baseline of W1: what Waybill adds to the
 * stack it is built on. Its CPU per create is reported beside Waybill's.
 */
final class StackSubject {

    static final int PORT = 18090;

    private final Path root;
    private final Path runDirectory;
    private final Duration warmup;
    private final Duration measured;
    private final Duration settle;

    StackSubject(Path root, Path runDirectory, Duration warmup, Duration measured, Duration settle) {
        this.root = root;
        this.runDirectory = runDirectory;
        this.warmup = warmup;
        this.measured = measured;
        this.settle = settle;
    }

    /**
     * Creates per second at each concurrency, one entry per run; the CPU per create at the highest (the stack's,
     * PostgreSQL's and the load generator's) goes to the report.
     */
    Map<Integer, List<Double>> creates(int runs, Report report) throws Exception {
        Path jar = root.resolve("bench/stack/target/waybill-bench-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -q -DskipTests package first");
        }
        Database database = Database.fromEnvironment("waybill_stack").recreate();
        Node stack = new Node("stack", jar, PORT, database.serviceEnvironment(), List.of(),
                runDirectory.resolve("stack.log")).start();
        Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        List<Map<String, Double>> cpuSplits = new ArrayList<>();
        try {
            Api api = new Api(stack.base(), stack.base(), "", "", Duration.ofSeconds(30));
            Load.warm(WriteWorkloads.PEAK, settle, (client, n) -> api.post("/orders",
                    "{\"id\":\"stack-warm-" + client + "-" + n + "\",\"name\":\"order " + n + "\"}").ok());
            for (int run = 0; run < runs; run++) {
                for (int clients : WriteWorkloads.CONCURRENCY) {
                    String prefix = "stack-" + clients + "-" + run + "-";
                    CpuSplit cpu = new CpuSplit(List.of(stack));
                    Load.Result result = Load.closedLoop(clients, warmup, measured, (client, n) -> api.post(
                            "/orders", "{\"id\":\"" + prefix + client + "-" + n + "\",\"name\":\"order " + n + "\"}")
                            .ok());
                    if (result.succeeded() == 0) {
                        throw new IllegalStateException("the stack created nothing; its log:\n" + stack.tail());
                    }
                    rates.computeIfAbsent(clients, c -> new ArrayList<>()).add(result.perSecond());
                    if (clients == WriteWorkloads.PEAK) {
                        cpuSplits.add(cpu.perOperation(result));
                    }
                }
            }
        } finally {
            stack.stop();
        }
        CpuSplit.report(report, "W1", "stack, " + WriteWorkloads.PEAK + " clients", cpuSplits);
        return rates;
    }
}
