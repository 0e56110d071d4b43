package io.waybill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs pgbench with a script of ours against a database and answers its transactions per second. */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Database database;
    private final Path scripts;

    PgBench(Database database, Path scripts) {
        this.database = database;
        this.scripts = scripts;
    }

    double transactionsPerSecond(String name, String script, int clients, int seconds)
            throws IOException, InterruptedException {
        Path file = scripts.resolve(name + ".sql");
        Files.writeString(file, script);
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds), "-f", file.toString(), "-h",
                database.host(), "-p", Integer.toString(database.port()), "-U", database.user(), database.name());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        Matcher tps = TPS.matcher(output);
        if (exit != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench " + name + " failed (" + exit + "):\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }
}
