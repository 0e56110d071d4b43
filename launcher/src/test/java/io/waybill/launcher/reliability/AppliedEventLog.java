package io.waybill.launcher.reliability;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the recorders of {@link GapRecording} wrote, compared with the event store. */
record AppliedEventLog(JdbcTemplate jdbc, List<String> groups) {

    long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    /** Waits until every processing group has applied as many distinct events as the store holds. */
    void awaitEveryEventApplied(Duration deadline) {
        await().atMost(deadline).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            long stored = storedEvents();
            Map<String, Long> applied = new TreeMap<>();
            groups.forEach(group -> applied.put(group, jdbc.queryForObject(
                    "SELECT COUNT(DISTINCT event_id) FROM applied_event WHERE grp = ?", Long.class, group)));
            assertThat(applied).as("events applied per group, of %d stored; %s never applied by %s", stored,
                            missing(groups.get(0)), groups.get(0))
                    .allSatisfy((group, count) -> assertThat(count).isEqualTo(stored));
        });
    }

    /** Global indexes of stored events the group never applied. */
    List<Long> missing(String group) {
        return jdbc.queryForList("SELECT e.globalindex FROM domainevententry e WHERE NOT EXISTS (SELECT 1 FROM "
                + "applied_event a WHERE a.grp = ? AND a.event_id = e.eventidentifier) ORDER BY 1", Long.class, group);
    }

    List<String> duplicates(String group) {
        return jdbc.queryForList("SELECT event_id FROM applied_event WHERE grp = ? GROUP BY event_id "
                + "HAVING COUNT(*) > 1", String.class, group);
    }

    List<String> unknown(String group) {
        return jdbc.queryForList("SELECT a.event_id FROM applied_event a WHERE a.grp = ? AND NOT EXISTS (SELECT 1 "
                + "FROM domainevententry e WHERE e.eventidentifier = a.event_id)", String.class, group);
    }

    /**
     * Per group, the global indexes of events applied after an event with a higher index by the same segment's
     * worker: events that committed after later ones and were still picked up.
     */
    Map<String, List<Long>> lateApplications() {
        Map<String, List<Long>> late = new TreeMap<>();
        groups.forEach(group -> late.put(group, new java.util.ArrayList<>()));
        jdbc.query("""
                SELECT grp, globalindex FROM (
                    SELECT a.grp, e.globalindex, MAX(e.globalindex) OVER (PARTITION BY a.grp, a.worker ORDER BY a.seq
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS passed
                    FROM applied_event a JOIN domainevententry e ON e.eventidentifier = a.event_id) applications
                WHERE passed > globalindex ORDER BY grp, globalindex""",
                row -> {
                    late.get(row.getString(1)).add(row.getLong(2));
                });
        return late;
    }
}
