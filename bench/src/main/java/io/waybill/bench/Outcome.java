package io.waybill.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fault scenario did and what its verifier found: operations attempted, acknowledged to the client, found
 * in the store and read models, lost (acknowledged but missing) and duplicated (applied or recorded twice), and
 * the time from the fault to the service working again. Any failed check makes the scenario fail even when
 * nothing was lost.
 */
record Outcome(String scenario, String title, long attempted, long acknowledged, long found, long lost,
               long duplicated, Double recoverySeconds, double seconds, boolean skipped, List<String> failures,
               List<String> notes) {

    static Outcome skipped(String scenario, String title, String why) {
        return new Outcome(scenario, title, 0, 0, 0, 0, 0, null, 0, true, List.of(), List.of(why));
    }

    static Outcome crashed(String scenario, String title, Exception error, double seconds) {
        return new Outcome(scenario, title, 0, 0, 0, 0, 0, null, seconds, false,
                List.of("the scenario could not finish: " + error), List.of());
    }

    String verdict() {
        if (skipped) {
            return "SKIPPED";
        }
        return lost == 0 && duplicated == 0 && failures.isEmpty() ? "PASS" : "FAIL";
    }

    boolean failed() {
        return verdict().equals("FAIL");
    }

    Map<String, Object> json() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", scenario);
        row.put("title", title);
        row.put("verdict", verdict());
        row.put("attempted", attempted);
        row.put("acknowledged", acknowledged);
        row.put("found", found);
        row.put("lost", lost);
        row.put("duplicated", duplicated);
        row.put("recoverySeconds", recoverySeconds);
        row.put("seconds", seconds);
        row.put("failures", failures);
        row.put("notes", notes);
        return row;
    }

    /** Collects a scenario's figures while its verifier runs. */
    static final class Builder {

        private final String scenario;
        private final String title;
        private final long started = System.nanoTime();
        private final List<String> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        long attempted;
        long acknowledged;
        long found;
        long lost;
        long duplicated;
        Double recoverySeconds;

        Builder(String scenario, String title) {
            this.scenario = scenario;
            this.title = title;
        }

        void check(boolean holds, String failure) {
            if (!holds) {
                fail(failure);
            }
        }

        void fail(String failure) {
            failures.add(failure);
            System.out.println("  FAILED: " + failure);
        }

        void note(String note) {
            notes.add(note);
            System.out.println("  " + note);
        }

        Outcome build() {
            return new Outcome(scenario, title, attempted, acknowledged, found, lost, duplicated, recoverySeconds,
                    (System.nanoTime() - started) / 1e9, false, List.copyOf(failures), List.copyOf(notes));
        }
    }
}
