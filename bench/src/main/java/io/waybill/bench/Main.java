package io.waybill.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code benchmark [--quick] [--out FILE] [--only W1,W5]}: the benchmark (W1 to W8 against PostgreSQL's own figures,
 * or only the workloads named);
 * {@code faults [--short]}: the fault suite (F1 to F6);
 * {@code compare --a "SETTINGS" --b "SETTINGS" [--b-build DIR] [--warm S] [--turn S] [--pairs N] [--paced RATE]
 * [--clients N]}: one build under two sets of settings, or this build against the one in DIR, side by side
 * ({@link Compare}). All run from the project root, after a package build.
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
            case "compare" -> new Compare(root, option(options, "--a", ""), option(options, "--b", ""),
                    root.resolve(option(options, "--b-build", ".")).normalize(),
                    Duration.ofSeconds(Long.parseLong(option(options, "--warm", "240"))),
                    Duration.ofSeconds(Long.parseLong(option(options, "--turn", "14"))),
                    Integer.parseInt(option(options, "--pairs", "4")),
                    Double.parseDouble(option(options, "--paced", "0")),
                    Integer.parseInt(option(options, "--clients", "32"))).run();
            default -> {
                System.err.println("usage: benchmark [--quick] [--out FILE] [--only W1,W5] "
                        + "| faults [--short] [--out FILE] "
                        + "| compare --a SETTINGS --b SETTINGS [--b-build DIR] [--warm S] [--turn S] [--pairs N] "
                        + "[--paced RATE] [--clients N]");
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
