package io.waybill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU and memory figures of processes and of the machine, from Linux's /proc. */
final class ProcFs {

    /** Clock ticks per second of /proc's CPU figures; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private ProcFs() {
    }

    /** User plus system CPU time of a process (its threads included), in seconds; 0 once it is gone. */
    static double cpuSeconds(long pid) {
        return statCpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** User plus system CPU time in a {@code stat} file of a process or of one of its threads; 0 once it is gone. */
    private static double statCpuSeconds(Path file) {
        try {
            String stat = Files.readString(file);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time of a process's JIT compiler threads (C1 and C2), in seconds; 0 once it is gone. */
    static double compilerCpuSeconds(long pid) {
        double total = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre\\s*")) {
                        total += statCpuSeconds(thread.resolve("stat"));
                    }
                } catch (IOException e) {
                    // the thread ended while the list was read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** Resident set size of a process, in MiB. */
    static double residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** CPU time the whole machine spent busy (not idle, not waiting for I/O), in seconds, summed over cores. */
    static double machineBusySeconds() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] fields = lines.get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU time of every PostgreSQL server process of the machine, in seconds (backends come and go). */
    static double postgresCpuSeconds() {
        double total = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        total += cpuSeconds(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // the process ended while the list was read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** This process: the load generator. */
    static double selfCpuSeconds() {
        return cpuSeconds(ProcessHandle.current().pid());
    }
}
