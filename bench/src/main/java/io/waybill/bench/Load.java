package io.waybill.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives operations from client threads and measures them: closed loop (each client sends its next request when
 * the last one is answered) or paced (a fixed rate, whatever the answers). Counts and latencies are taken only in
 * the measured window, after a warm-up; the load generator's CPU share is its CPU time over the whole machine's
 * busy time in that window, and the machine's busy share that busy time over all of its cores' time.
 */
final class Load {

    /** One request of client {@code client}; answers whether it succeeded. */
    interface Operation {
        boolean run(int client, long sequence) throws Exception;
    }

    record Result(long succeeded, long failed, double seconds, Latencies latencies, double generatorCpuShare,
                  double machineBusyShare) {

        double perSecond() {
            return succeeded / seconds;
        }
    }

    private Load() {
    }

    static Result closedLoop(int clients, Duration warmup, Duration measured, Operation operation)
            throws InterruptedException {
        return run(clients, warmup, measured, 0, operation);
    }

    /**
     * Runs the operation from {@code clients} threads for {@code time} and measures nothing: long enough, the JIT
     * has compiled the service's path for it. A service warms for a minute or two under load on two busy cores (W1's
     * creates and W6's timelines kept speeding up for about 100 s), where PostgreSQL's baselines need no warm-up.
     */
    static void warm(int clients, Duration time, Operation operation) throws InterruptedException {
        run(clients, time, Duration.ZERO, 0, operation);
    }

    /** {@code rate} operations a second in all, spread over {@code clients} threads. */
    static Result paced(int clients, double rate, Duration warmup, Duration measured, Operation operation)
            throws InterruptedException {
        return run(clients, warmup, measured, rate, operation);
    }

    private static Result run(int clients, Duration warmup, Duration measured, double rate, Operation operation)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Latencies latencies = new Latencies();
        double[] cpuAtStart = new double[3];
        Thread marker = new Thread(() -> {
            sleepUntil(measureFrom);
            cpuAtStart[0] = ProcFs.selfCpuSeconds();
            cpuAtStart[1] = ProcFs.machineBusySeconds();
            cpuAtStart[2] = System.nanoTime() / 1e9;
        });
        marker.start();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long interval = rate > 0 ? (long) (1e9 * clients / rate) : 0;
                long next = start + (rate > 0 ? interval * client / clients : 0);
                for (long n = 0; System.nanoTime() < end; n++) {
                    if (rate > 0) {
                        sleepUntil(next);
                        next += interval;
                    }
                    long began = System.nanoTime();
                    boolean ok;
                    try {
                        ok = operation.run(client, n);
                    } catch (Exception e) {
                        ok = false;
                    }
                    long done = System.nanoTime();
                    if (began >= measureFrom && done <= end) {
                        (ok ? succeeded : failed).incrementAndGet();
                        if (ok) {
                            latencies.add(done - began);
                        }
                    }
                }
            }, "load-" + client);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        marker.join();
        double generator = ProcFs.selfCpuSeconds() - cpuAtStart[0];
        double machine = ProcFs.machineBusySeconds() - cpuAtStart[1];
        // the clients' last answers come after the window's end: the machine's share is over the time it was read
        double read = System.nanoTime() / 1e9 - cpuAtStart[2];
        return new Result(succeeded.get(), failed.get(), measured.toNanos() / 1e9, latencies,
                machine > 0 ? generator / machine : Double.NaN,
                read > 0 ? machine / read / Runtime.getRuntime().availableProcessors() : Double.NaN);
    }

    static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
