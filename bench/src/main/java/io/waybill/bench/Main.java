package io.waybill.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code benchmark [--quick] [--out FILE] [--only W1,W5]}: the benchmark (W1 to W8 against PostgreSQL's own figures,
 * or only the workloads named);
 * {@code faults [--short]}: the fault suite (F1 to F5). Both run from the project root, after a package build.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Path root = Path.of("").toAbsolutePath();
        int exit = switch (args.length == 0 ? "" : args[0]) {
            case "benchmark" -> new Benchmark(root, options.contains("--quick"),
                    Path.of(option(options, "--out", "bench/target/benchmark.json")),
                    Set.of(option(options, "--only", "").toUpperCase(Locale.ROOT).split(",")).stream()
                            .filter(workload -> !workload.isBlank()).collect(Collectors.toSet())).run();
            case "faults" -> new FaultSuite(root, options.contains("--short"),
                    Path.of(option(options, "--out", "bench/target/faults.json"))).run();
            default -> {
                System.err.println("usage: benchmark [--quick] [--out FILE] [--only W1,W5] "
                        + "| faults [--short] [--out FILE]");
                yield 2;
            }
        };
        System.exit(exit);
    }

    private static String option(List<String> options, String name, String fallback) {
        int index = options.indexOf(name);
        return index >= 0 && index + 1 < options.size() ? options.get(index + 1) : fallback;
    }
}
