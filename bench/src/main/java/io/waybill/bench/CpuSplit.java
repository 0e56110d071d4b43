package io.waybill.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU went during a workload: the command side, the query side, PostgreSQL and the load generator, in
 * CPU milliseconds per operation (over the warm-up as well as the measured window, so a little more than the
 * measured operations account for).
 */
final class CpuSplit {

    private final Cluster cluster;
    private final double commandSide;
    private final double querySide;
    private final double postgres;
    private final double generator;
    private final long started = System.nanoTime();

    CpuSplit(Cluster cluster) {
        this.cluster = cluster;
        this.commandSide = cluster.commandSide().cpuSeconds();
        this.querySide = cluster.querySide().cpuSeconds();
        this.postgres = ProcFs.postgresCpuSeconds();
        this.generator = ProcFs.selfCpuSeconds();
    }

    /** CPU milliseconds per operation of each part, in the order command side, query side, PostgreSQL, generator. */
    Map<String, Double> perOperation(Load.Result result) {
        double operations = result.perSecond() * (System.nanoTime() - started) / 1e9;
        Map<String, Double> split = new LinkedHashMap<>();
        split.put("command side", 1000 * (cluster.commandSide().cpuSeconds() - commandSide) / operations);
        split.put("query side", 1000 * (cluster.querySide().cpuSeconds() - querySide) / operations);
        split.put("PostgreSQL", 1000 * (ProcFs.postgresCpuSeconds() - postgres) / operations);
        split.put("load generator", 1000 * (ProcFs.selfCpuSeconds() - generator) / operations);
        return split;
    }

    /** Reports each part's CPU per operation over the runs. */
    static void report(Report report, String workload, String what, List<Map<String, Double>> runs) {
        runs.get(0).keySet().forEach(part -> report.add(new Report.Figure(workload, what + ": CPU of " + part,
                "ms/op", runs.stream().map(run -> run.get(part)).toList(), List.of(), null, List.of())));
    }
}
