package io.waybill.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The resident memory of the service's processes: now, and the highest seen while a workload runs. */
final class MemoryWatch {

    private final List<Node> nodes;
    private final Map<String, Double> peaks = new ConcurrentHashMap<>();
    private volatile Thread sampler;

    MemoryWatch(List<Node> nodes) {
        this.nodes = nodes;
    }

    Map<String, Double> now() {
        Map<String, Double> resident = new java.util.LinkedHashMap<>();
        nodes.forEach(node -> resident.put(node.name(), node.residentMib()));
        return resident;
    }

    /** Samples every 100 ms until {@link #stop()}. */
    void watch() {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                nodes.forEach(node -> peaks.merge(node.name(), node.residentMib(), Math::max));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-watch");
        sampler.start();
    }

    void stop() throws InterruptedException {
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
            sampler = null;
        }
    }

    Map<String, Double> peaks() {
        return peaks;
    }
}
