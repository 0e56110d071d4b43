package io.waybill.bench;

import java.time.Duration;
import java.util.List;

/**
 * A subject's warm-up, long enough for the JIT. A service's path through Spring, Reactor, Axon, Jackson and pgjdbc
 * climbs to the JIT's optimising compiler over minutes on two shared cores, and more slowly the slower the host is
 * that hour (docs/design.md, "Performance"). A warm-up runs its load for {@code settle}, then on in rounds of 20 s
 * (of {@code settle} when that is under 40 s, as in a quick run) for as long as one of the subject's processes'
 * compiler threads took more than 5 % of a core in the last round, up to three times {@code settle} in all.
 */
final class Warmup {

    private static final Duration ROUND = Duration.ofSeconds(20);
    private static final double QUIET = 0.05;

    /**
     * The workload's own load, for the time given; nothing of it is measured. {@code round} counts the phases of one
     * warm-up from 0, for loads that must name new records in each.
     */
    interface Phase {
        void run(Duration time, int round) throws Exception;
    }

    private Warmup() {
    }

    /** Warms {@code processes} under {@code load}, and says how long it took and how quiet their compilers were. */
    static void untilCompiled(String what, List<Node> processes, Duration settle, Phase load) throws Exception {
        long start = System.nanoTime();
        Duration round = settle.compareTo(ROUND.multipliedBy(2)) < 0 ? settle : ROUND;
        int phase = 0;
        if (settle.compareTo(round) > 0) {
            load.run(settle.minus(round), phase++);
        }
        while (true) {
            double[] before = compilerSeconds(processes);
            load.run(round, phase++);
            double[] after = compilerSeconds(processes);
            double busiest = 0;
            for (int i = 0; i < before.length; i++) {
                busiest = Math.max(busiest, (after[i] - before[i]) / (round.toMillis() / 1000.0));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (busiest <= QUIET || elapsed.plus(round).compareTo(settle.multipliedBy(3)) > 0) {
                System.out.printf("  %s warmed for %d s; the busiest process's compiler threads took %.0f %% of a"
                        + " core in the last %d s%n", what, elapsed.toSeconds(), 100 * busiest, round.toSeconds());
                return;
            }
        }
    }

    /** The CPU time of each process's JIT compiler threads so far, in seconds. */
    static double[] compilerSeconds(List<Node> processes) {
        return processes.stream().mapToDouble(node -> ProcFs.compilerCpuSeconds(node.pid())).toArray();
    }
}
