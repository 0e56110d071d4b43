package io.waybill.launcher.reliability;

import io.waybill.query.support.ReadModelTables;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Watching and driving the projections of a running process. */
public final class Projections {

    private Projections() {
    }

    /** The projections that keep read models: the processing groups of the beans that declare their tables. */
    public static List<String> names(ApplicationContext context) {
        return readModels(context).map(type -> type.getAnnotation(ProcessingGroup.class).value()).distinct()
                .sorted().toList();
    }

    private static Stream<Class<?>> readModels(ApplicationContext context) {
        return context.getBeansWithAnnotation(ReadModelTables.class).values().stream()
                .<Class<?>>map(AopUtils::getTargetClass)
                .filter(type -> type.isAnnotationPresent(ProcessingGroup.class));
    }

    public static StreamingEventProcessor processor(ApplicationContext context, String name) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no processor " + name));
    }

    /** Runs {@code work} while projection {@code name} of this process applies nothing; starts it again after. */
    public static void whileStopped(ApplicationContext context, String name, Runnable work) {
        StreamingEventProcessor processor = processor(context, name);
        processor.shutDown();
        try {
            work.run();
        } finally {
            processor.start();
        }
    }

    static long headIndex(ApplicationContext context) {
        Long head = context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /** Waits until every projection has processed every event stored so far. */
    static void awaitCaughtUp(ApplicationContext context) {
        long head = headIndex(context);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    names(context).stream().allMatch(name -> caughtUp(processor(context, name), head)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder("projections did not catch up with event " + head + ":");
            names(context).forEach(name -> state.append("\n").append(name).append(": ")
                    .append(processor(context, name).processingStatus()));
            throw new AssertionError(state.toString(), e);
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        var status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(segment -> segment.isCaughtUp()
                && segment.getCurrentPosition().orElse(-1) >= head);
    }

    /** Every row of every read-model table, in a stable order. */
    static Map<String, List<Map<String, Object>>> snapshot(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        readModels(context).flatMap(type -> Arrays.stream(type.getAnnotation(ReadModelTables.class).value()))
                .forEach(table -> rows.put(table, jdbc.queryForList("SELECT * FROM " + table).stream()
                        .sorted(Comparator.comparing(Object::toString)).toList()));
        return rows;
    }
}
