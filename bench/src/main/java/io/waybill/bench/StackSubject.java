package io.waybill.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack on its own ({@code bench/stack}: HTTP, Axon's command gateway, an aggregate, one event on the JDBC store,
 * one tracking projection, on the same Spring Boot, Axon and store tables as Waybill), on a database of its own. It
 * runs beside Waybill through W1 and takes its turn in each of W1's rounds, at the same concurrency: its rates are
 * W1's second baseline, what Waybill adds to the stack it is built on, and its CPU per create is reported beside
 * Waybill's.
 */
final class StackSubject implements AutoCloseable {

    static final int PORT = 18090;

    private final Node stack;
    private final Api api;
    private final List<Map<String, Double>> cpuSplits = new ArrayList<>();

    private StackSubject(Node stack) {
        this.stack = stack;
        this.api = new Api(stack.base(), stack.base(), "", "", Duration.ofSeconds(30));
    }

    /** Starts the stack on a new database and warms it with W1's creates from the most clients ({@link Warmup}). */
    static StackSubject start(Path root, Path runDirectory, Duration settle) throws Exception {
        Path jar = root.resolve("bench/stack/target/waybill-bench-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -q -DskipTests package first");
        }
        Database database = Database.fromEnvironment("waybill_stack").recreate();
        StackSubject subject = new StackSubject(new Node("stack", jar, PORT, database.serviceEnvironment(),
                List.of(), runDirectory.resolve("stack.log")).start());
        boolean warmed = false;
        try {
            Warmup.untilCompiled("W1, the stack", List.of(subject.stack), settle, (time, round) -> Load.warm(
                    WriteWorkloads.PEAK, time, subject.creator("stack-warm-" + round + "-")));
            warmed = true;
        } finally {
            if (!warmed) {
                subject.close();
            }
        }
        return subject;
    }

    /** One round of creates from {@code clients}; at the most clients, its CPU per create is kept for the report. */
    Load.Result creates(int clients, String prefix, Duration warmup, Duration measured) throws Exception {
        CpuSplit cpu = new CpuSplit(List.of(stack));
        Load.Result result = Load.closedLoop(clients, warmup, measured, creator(prefix));
        if (result.succeeded() == 0) {
            throw new IllegalStateException("the stack created nothing; its log:\n" + stack.tail());
        }
        if (clients == WriteWorkloads.PEAK) {
            cpuSplits.add(cpu.perOperation(result));
        }
        return result;
    }

    /** Reports the CPU per create of the rounds at the most clients: the stack's, PostgreSQL's, the generator's. */
    void report(Report report) {
        if (!cpuSplits.isEmpty()) {
            CpuSplit.report(report, "W1", "stack, " + WriteWorkloads.PEAK + " clients", cpuSplits);
        }
    }

    private Load.Operation creator(String prefix) {
        return (client, n) -> api.post("/orders", "{\"id\":\"" + prefix + client + "-" + n + "\",\"name\":\"order "
                + n + "\"}").ok();
    }

    @Override
    public void close() throws InterruptedException {
        api.close();
        stack.stop();
    }
}
