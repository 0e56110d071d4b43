package io.waybill.bench;

import java.util.ArrayList;
import java.util.List;

/** The results of the runs of one closed-loop workload, reported as throughput and p50/p99 latency. */
final class Runs {

    private final List<Load.Result> results = new ArrayList<>();
    private final boolean paired;

    Runs() {
        this(false);
    }

    /** {@code paired}: each run's baselines are measured in the same round as the run ({@link Report.Figure}). */
    Runs(boolean paired) {
        this.paired = paired;
    }

    void add(Load.Result result) {
        if (result.succeeded() == 0) {
            throw new IllegalStateException("a run succeeded in nothing (" + result.failed() + " failures)");
        }
        results.add(result);
    }

    void report(Report report, String workload, String what, List<Double> baseline, String baselineWhat) {
        reportRate(report, workload, what, baseline, baselineWhat);
        report.add(new Report.Figure(workload, what + ": p50", "ms",
                map(r -> r.latencies().percentileMillis(50)), List.of(), null, List.of()));
        report.add(new Report.Figure(workload, what + ": p99", "ms",
                map(r -> r.latencies().percentileMillis(99)), List.of(), null, List.of()));
        long failed = results.stream().mapToLong(Load.Result::failed).sum();
        if (failed > 0) {
            report.add(new Report.Figure(workload, what + ": failed requests", "count", List.of((double) failed),
                    List.of(), null, List.of()));
        }
    }

    /** Only the throughput, against another baseline. */
    void reportRate(Report report, String workload, String what, List<Double> baseline, String baselineWhat) {
        List<Double> shares = results.stream().map(Load.Result::generatorCpuShare).toList();
        report.add(new Report.Figure(workload, what, "ops/s", map(Load.Result::perSecond), baseline, baselineWhat,
                shares, paired));
    }

    private List<Double> map(java.util.function.ToDoubleFunction<Load.Result> figure) {
        List<Double> values = new ArrayList<>();
        results.forEach(result -> values.add(figure.applyAsDouble(result)));
        return values;
    }
}
