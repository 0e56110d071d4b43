package io.waybill.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures: each with the value of every run, the baseline it is judged against (when there is
 * one), the ratio of each run to the baseline (its own round's, or the baseline's mean), and the load generator's
 * CPU share.
 */
final class Report {

    /**
     * One figure. {@code paired}: the baseline has a value per run, measured in the same round, and each run is
     * judged against its own round's; otherwise every run is judged against the baseline's mean.
     */
    record Figure(String workload, String metric, String unit, List<Double> runs, List<Double> baseline,
                  String baselineWhat, List<Double> generatorCpuShares, boolean paired) {

        Figure {
            if (paired && baseline.size() != runs.size()) {
                throw new IllegalArgumentException(metric + ": " + runs.size() + " runs paired with "
                        + baseline.size() + " baselines");
            }
        }

        Figure(String workload, String metric, String unit, List<Double> runs, List<Double> baseline,
               String baselineWhat, List<Double> generatorCpuShares) {
            this(workload, metric, unit, runs, baseline, baselineWhat, generatorCpuShares, false);
        }

        double min() {
            return stats(runs).getMin();
        }

        double max() {
            return stats(runs).getMax();
        }

        Double baselineMean() {
            return baseline.isEmpty() ? null : stats(baseline).getAverage();
        }

        Double ratioMin() {
            return baseline.isEmpty() ? null : stats(ratios()).getMin();
        }

        Double ratioMax() {
            return baseline.isEmpty() ? null : stats(ratios()).getMax();
        }

        private List<Double> ratios() {
            List<Double> ratios = new ArrayList<>();
            for (int run = 0; run < runs.size(); run++) {
                ratios.add(runs.get(run) / (paired ? baseline.get(run) : baselineMean()));
            }
            return ratios;
        }

        Double cpuShareMax() {
            return generatorCpuShares.isEmpty() ? null : stats(generatorCpuShares).getMax();
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> machine;

    Report(Map<String, Object> machine) {
        this.machine = machine;
    }

    void add(Figure figure) {
        figures.add(figure);
        System.out.println("  " + line(figure));
    }

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-4s %-42s %-10s %12s %12s %14s %13s %9s%n", "", "figure", "unit", "min", "max",
                "baseline", "ratio", "gen. CPU");
        for (Figure figure : figures) {
            out.println(line(figure));
        }
        out.println();
        machine.forEach((key, value) -> out.println(key + ": " + value));
    }

    void writeJson(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure figure : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("workload", figure.workload());
            row.put("metric", figure.metric());
            row.put("unit", figure.unit());
            row.put("runs", figure.runs());
            row.put("min", figure.min());
            row.put("max", figure.max());
            row.put("baseline", figure.baselineWhat());
            row.put("baselineRuns", figure.baseline());
            row.put("pairedByRound", figure.paired());
            row.put("ratioMin", figure.ratioMin());
            row.put("ratioMax", figure.ratioMax());
            row.put("generatorCpuShares", figure.generatorCpuShares());
            rows.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("figures", rows);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    private static String line(Figure figure) {
        return String.format(Locale.ROOT, "%-4s %-42s %-10s %12s %12s %14s %13s %9s", figure.workload(),
                figure.metric(), figure.unit(), number(figure.min()), number(figure.max()),
                figure.baselineMean() == null ? "-" : number(figure.baselineMean()),
                figure.ratioMin() == null ? "-" : ratio(figure.ratioMin()) + "-" + ratio(figure.ratioMax()),
                figure.cpuShareMax() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * figure.cpuShareMax()));
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.2f", value);
    }

    private static DoubleSummaryStatistics stats(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
    }
}
