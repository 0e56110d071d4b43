package io.waybill.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU went during a workload: each service process (a command side and a query side, or the stack alone),
 * PostgreSQL and the load generator, in CPU milliseconds per operation (over the warm-up as well as the measured
 * window, so a little more than the measured operations account for).
 */
final class CpuSplit {

    private final List<Node> processes;
    private final Map<Node, Double> processCpu = new LinkedHashMap<>();
    private final double postgres;
    private final double generator;
    private final long started = System.nanoTime();

    CpuSplit(Cluster cluster) {
        this(cluster.nodes());
    }

    /** The processes, reported by their names in this order. */
    CpuSplit(List<Node> processes) {
        this.processes = processes;
        processes.forEach(node -> processCpu.put(node, node.cpuSeconds()));
        this.postgres = ProcFs.postgresCpuSeconds();
        this.generator = ProcFs.selfCpuSeconds();
    }

    /** CPU milliseconds per operation of each part: the processes, then PostgreSQL and the load generator. */
    Map<String, Double> perOperation(Load.Result result) {
        double operations = result.perSecond() * (System.nanoTime() - started) / 1e9;
        Map<String, Double> split = new LinkedHashMap<>();
        processes.forEach(node -> split.put(node.name(),
                1000 * (node.cpuSeconds() - processCpu.get(node)) / operations));
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
