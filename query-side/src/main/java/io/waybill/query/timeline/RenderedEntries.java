package io.waybill.query.timeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.api.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The timeline entries of the events a history answered, each with its JSON as the API writes it, by stream: of
 * each stream, the entries of its first events, from sequence number 0 on with none left out. A stored event never
 * changes, and a stream only grows at its end, so a history read again asks the store only for the events after
 * those kept, and its answer copies each entry's JSON instead of writing it anew. Bounded by
 * {@code waybill.timelines.rendered-entries} (the JSON's size, counted twice for the objects beside it).
 */
@Configuration(proxyBeanMethods = false)
public class RenderedEntries {

    /** Counted per entry on top of its JSON: the entry, its payload and their strings. */
    private static final int OBJECTS = 1024;
    private static final Comparator<Rendered> BY_SEQUENCE = Comparator.comparingLong(r -> r.entry().sequenceNumber());

    private final Cache<String, Kept> streams;

    RenderedEntries(@Value("${waybill.timelines.rendered-entries:32MB}") DataSize size) {
        this.streams = Caffeine.newBuilder().maximumWeight(size.toBytes())
                .weigher((String stream, Kept kept) -> kept.weight())
                .build();
    }

    /** An event's entry, the organisation the event belongs to, and the entry's JSON (written by the API's mapper). */
    record Rendered(String orgId, TimelineEntry entry, SerializableString json) {

        Rendered(String orgId, TimelineEntry entry, String json) {
            this(orgId, entry, new SerializedString(json));
        }
    }

    /** A stream's first events' entries, the one at index i of sequence number i, and what they weigh. */
    private record Kept(List<Rendered> entries, int weight) {

        static final Kept NONE = new Kept(List.of(), 0);

        /** These entries and then those of {@code rendered} (in sequence order) that follow on from them. */
        Kept extendedBy(List<Rendered> rendered) {
            List<Rendered> grown = new ArrayList<>(entries);
            int added = 0;
            for (Rendered next : rendered) {
                long sequence = next.entry().sequenceNumber();
                if (sequence == grown.size()) {
                    grown.add(next);
                    added += 2 * next.json().charLength() + OBJECTS;
                } else if (sequence > grown.size()) {
                    break;
                }
            }
            return added == 0 ? this : new Kept(List.copyOf(grown), (int) Math.min(Integer.MAX_VALUE,
                    (long) weight + added));
        }
    }

    /** The entries kept of the stream's first events, the one at index i of sequence number i; maybe none. */
    List<Rendered> kept(String streamId) {
        Kept kept = streams.getIfPresent(streamId);
        return kept == null ? List.of() : kept.entries();
    }

    /**
     * Keeps the entries of the stream's events that {@code rendered} holds, as far as they follow on from those kept
     * without leaving out a sequence number (a read that saw a later event but not an earlier one keeps neither).
     */
    void keep(String streamId, List<Rendered> rendered) {
        if (rendered.isEmpty()) {
            return;
        }
        List<Rendered> inOrder = rendered.stream().sorted(BY_SEQUENCE).toList();
        streams.asMap().compute(streamId, (id, kept) -> {
            Kept grown = (kept == null ? Kept.NONE : kept).extendedBy(inOrder);
            return grown == Kept.NONE ? null : grown;
        });
    }

    /** A page's entries, each written by copying its JSON. */
    static final class Entries extends AbstractList<TimelineEntry> implements RandomAccess {

        private final List<Rendered> rendered;

        Entries(List<Rendered> rendered) {
            this.rendered = List.copyOf(rendered);
        }

        @Override
        public TimelineEntry get(int index) {
            return rendered.get(index).entry();
        }

        @Override
        public int size() {
            return rendered.size();
        }
    }

    /** The API's mapper writes a page's entries by copying their JSON. */
    @Bean
    JsonMapperBuilderCustomizer renderedTimelineEntries() {
        SimpleModule module = new SimpleModule("rendered-timeline-entries").addSerializer(Entries.class,
                new ValueSerializer<>() {
                    @Override
                    public void serialize(Entries entries, JsonGenerator generator, SerializationContext context) {
                        generator.writeStartArray(entries, entries.size());
                        for (Rendered rendered : entries.rendered) {
                            generator.writeRawValue(rendered.json());
                        }
                        generator.writeEndArray();
                    }
                });
        return builder -> builder.addModule(module);
    }
}
