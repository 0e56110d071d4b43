package io.waybill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * F5: the randomized ledger run (each movement checked against an independent model of the rules, balances and
 * drift checked after every one) and the malformed-input fuzzing (every request refused, the store not growing by
 * one event), at a larger size than the default test run, in a Maven child process. Those tests do the verifying;
 * this reads their summary lines and their verdict.
 */
final class LargerRandomRuns {

    private static final Pattern LEDGER = Pattern.compile(
            "LedgerRandomizedTest: (\\d+) movements, (\\d+) accepted, (\\d+) refused in ([\\d.]+) s");
    private static final Pattern FUZZ = Pattern.compile(
            "MalformedInputFuzzTest: (\\d+) malformed requests to (\\d+) write endpoints \\(bodies\\) and (\\d+) "
                    + "mapped endpoints \\(outside the body\\) in ([\\d.]+) s");
    private static final Duration LIMIT = Duration.ofMinutes(20);

    private final Path root;
    private final Path log;
    private final int movements;
    private final int requests;

    LargerRandomRuns(Path root, Path log, int movements, int requests) {
        this.root = root;
        this.log = log;
        this.movements = movements;
        this.requests = requests;
    }

    Outcome run() throws IOException, InterruptedException {
        Outcome.Builder outcome = new Outcome.Builder("F5", "randomized ledger and malformed input, larger");
        List<String> command = List.of(root.resolve("mvnw").toString(), "-B", "verify", "-pl", "launcher",
                "-am", "-Dtest=LedgerRandomizedTest,MalformedInputFuzzTest", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Daxoniq.update-checker.disabled=true", "-Dwaybill.randomized.movements=" + movements,
                "-Dwaybill.fuzz.requests=" + requests);
        outcome.note(String.join(" ", command.subList(1, command.size())) + " (output in " + root.relativize(log) + ")");
        Process maven = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!maven.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            maven.destroyForcibly().waitFor();
            outcome.fail("the tests did not finish within " + LIMIT);
            return outcome.build();
        }
        String output = Files.readString(log);
        outcome.check(maven.exitValue() == 0, "the tests failed (exit " + maven.exitValue() + "): see " + log);
        Matcher ledger = LEDGER.matcher(output);
        Matcher fuzz = FUZZ.matcher(output);
        boolean summarised = ledger.find() & fuzz.find();
        outcome.check(summarised, "a test printed no summary line");
        if (summarised) {
            long accepted = Long.parseLong(ledger.group(2));
            outcome.attempted = Long.parseLong(ledger.group(1)) + Long.parseLong(fuzz.group(1));
            outcome.acknowledged = accepted;
            // the ledger test holds the service to its model after each movement: any lost or doubled one fails it
            outcome.found = maven.exitValue() == 0 ? accepted : 0;
            outcome.note(ledger.group(0));
            outcome.note(fuzz.group(0) + ", none acknowledged, no event recorded");
        }
        return outcome.build();
    }
}
