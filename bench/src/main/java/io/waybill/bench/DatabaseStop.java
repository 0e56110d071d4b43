package io.waybill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * F3's fault: the local PostgreSQL server crashes (immediate shutdown: every connection cut and no checkpoint, so the
 * server starts again by replaying its log, as after a power cut: what is acknowledged must have been flushed) and
 * stays down for 30 s, 10 in the short suite; the service's processes stay up. While it is down every create must be
 * answered with an error, none acknowledged, and none may hang: each answer within 10 s (the pool waits 5 s for a
 * connection).
 * "Down" ends when the start is asked for, not when {@code pg_ctlcluster start} returns: that command probes the
 * server for over a second after it accepts connections, and creates acknowledged then are no fault.
 */
final class DatabaseStop implements WritesUnderFault.Fault {

    private static final long HANG_NANOS = 10_000_000_000L;

    private final long outageSeconds;
    private long stopped;
    private long restarting;

    DatabaseStop(boolean quick) {
        this.outageSeconds = quick ? 10 : 30;
    }

    @Override
    public long strike(Cluster cluster) throws Exception {
        try {
            cluster("stop", "-m", "immediate");
            stopped = System.nanoTime();
            Load.sleepUntil(stopped + outageSeconds * 1_000_000_000L);
        } finally {
            restarting = System.nanoTime();
            // pg_ctl waits 60 s by default; after a crash the server first syncs every file of every database and
            // ends its recovery with a checkpoint, which on a server holding many databases took longer than that
            cluster("start", "--", "-t", "300");
        }
        return restarting;
    }

    @Override
    public String name() {
        return "a crash of PostgreSQL (down " + outageSeconds + " s)";
    }

    @Override
    public List<Long> strikesAt(boolean quick) {
        return List.of(4L);
    }

    @Override
    public void checkAnswers(Outcome.Builder outcome, List<WritesUnderFault.Answer> answers) {
        List<WritesUnderFault.Answer> during = answers.stream()
                .filter(answer -> answer.sent() > stopped && answer.sent() + answer.nanos() < restarting).toList();
        long acknowledged = during.stream().filter(answer -> answer.status() >= 200 && answer.status() < 300).count();
        long hung = answers.stream().filter(answer -> answer.sent() > stopped && answer.sent() < restarting
                && answer.nanos() >= HANG_NANOS).count();
        Map<Integer, Long> statuses = during.stream()
                .collect(Collectors.groupingBy(WritesUnderFault.Answer::status, TreeMap::new, Collectors.counting()));
        double slowest = during.stream().mapToLong(WritesUnderFault.Answer::nanos).max().orElse(0) / 1e9;
        outcome.note(String.format(Locale.ROOT, "while PostgreSQL was down: %d creates answered, by status %s,"
                + " the slowest in %.1f s", during.size(), statuses, slowest));
        outcome.check(!during.isEmpty(), "no create was answered while PostgreSQL was down");
        outcome.check(acknowledged == 0, acknowledged + " creates were acknowledged while PostgreSQL was down");
        outcome.check(hung == 0, hung + " creates sent while PostgreSQL was down took 10 s or more (hung)");
    }

    private static void cluster(String... action) throws IOException, InterruptedException {
        String version = Files.list(Path.of("/etc/postgresql")).map(path -> path.getFileName().toString())
                .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
        List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                version, "main"));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pg_ctlcluster " + String.join(" ", action) + " failed: " + output);
        }
    }
}
