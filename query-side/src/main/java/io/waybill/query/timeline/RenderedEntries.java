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
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * The timeline entries of events read before, each with its JSON as the API writes it, by event id. A stored event
 * never changes, so neither does its entry in a history: a timeline read again reads the events from the store as
 * ever, but does not read their metadata and payloads again, and its answer copies each entry's JSON instead of
 * writing it anew (together the larger part of a 100-event page's cost). The JSON is used only for the very entry it
 * was made from: an entry built anew from the same event (the events list's, with a position in the whole store)
 * is written as usual. Bounded by {@code waybill.timelines.rendered-entries} (the JSON's size, counted twice for
 * the objects beside it).
 */
@Configuration(proxyBeanMethods = false)
public class RenderedEntries {

    /** Counted per entry on top of its JSON: the entry, its payload and their strings. */
    private static final int OBJECTS = 1024;

    private final Cache<String, Rendered> entries;

    RenderedEntries(@Value("${waybill.timelines.rendered-entries:32MB}") DataSize size) {
        this.entries = Caffeine.newBuilder().maximumWeight(size.toBytes())
                .weigher((String id, Rendered rendered) -> 2 * rendered.json().charLength() + OBJECTS)
                .build();
    }

    /** An event's entry, the organisation the event belongs to, and the entry's JSON. */
    record Rendered(String orgId, TimelineEntry entry, SerializableString json) {
    }

    /** The entry kept for this event, or null. */
    Rendered get(String eventId) {
        return entries.getIfPresent(eventId);
    }

    /** Keeps an entry of an event of {@code orgId} with its JSON (written by the API's own mapper). */
    void keep(String orgId, TimelineEntry entry, String json) {
        entries.put(entry.eventId(), new Rendered(orgId, entry, new SerializedString(json)));
    }

    /** The API's mapper writes a kept entry by copying its JSON. */
    @Bean
    JsonMapperBuilderCustomizer renderedTimelineEntries() {
        SimpleModule module = new SimpleModule("rendered-timeline-entries").setSerializerModifier(
                new ValueSerializerModifier() {
                    @Override
                    public ValueSerializer<?> modifySerializer(SerializationConfig config,
                                                               BeanDescription.Supplier bean,
                                                               ValueSerializer<?> serializer) {
                        return bean.getBeanClass() == TimelineEntry.class
                                ? new Copying(entries, cast(serializer)) : serializer;
                    }
                });
        return builder -> builder.addModule(module);
    }

    @SuppressWarnings("unchecked")
    private static ValueSerializer<TimelineEntry> cast(ValueSerializer<?> serializer) {
        return (ValueSerializer<TimelineEntry>) serializer;
    }

    /** Copies a kept entry's JSON; any other entry goes to the serializer Jackson made for the type. */
    private static final class Copying extends ValueSerializer<TimelineEntry> {

        private final Cache<String, Rendered> entries;
        private final ValueSerializer<TimelineEntry> written;

        Copying(Cache<String, Rendered> entries, ValueSerializer<TimelineEntry> written) {
            this.entries = entries;
            this.written = written;
        }

        @Override
        public void serialize(TimelineEntry entry, JsonGenerator generator, SerializationContext context) {
            Rendered kept = entries.getIfPresent(entry.eventId());
            if (kept != null && kept.entry() == entry) {
                generator.writeRawValue(kept.json());
            } else {
                written.serialize(entry, generator, context);
            }
        }

        @Override
        public void resolve(SerializationContext context) {
            written.resolve(context);
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
            ValueSerializer<?> contextual = written.createContextual(context, property);
            return contextual == written ? this : new Copying(entries, cast(contextual));
        }

        @Override
        public Class<?> handledType() {
            return TimelineEntry.class;
        }
    }
}
