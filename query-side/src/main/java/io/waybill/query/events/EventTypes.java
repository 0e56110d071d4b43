package io.waybill.query.events;

import io.waybill.api.DomainException;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The events an organisation's list and stream show: those of every aggregate a feature declared as an
 * {@link EventSource}, by aggregate type, and the names of all their events.
 */
@Component
class EventTypes {

    private final Map<String, Class<?>> aggregates;
    private final Set<String> events;

    EventTypes(List<EventSource> sources) {
        this.aggregates = sources.stream().collect(Collectors.toUnmodifiableMap(EventSource::aggregateType,
                EventSource::rootEvent));
        this.events = aggregates.values().stream().flatMap(EventTypes::leaves).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** An aggregate type and the names of its events, as the list and the streams know them. */
    record AggregateEvents(String aggregateType, List<String> eventTypes) {
    }

    /** Every aggregate type the list and the streams show, with its events, both in name order. */
    List<AggregateEvents> known() {
        return new TreeMap<>(aggregates).entrySet().stream()
                .map(entry -> new AggregateEvents(entry.getKey(),
                        leaves(entry.getValue()).map(Class::getSimpleName).sorted().toList()))
                .toList();
    }

    /** The organisation's scope, narrowed by the repeatable, comma-separated {@code type} and {@code aggregateType}. */
    OrganisationScope organisation(Collection<String> type, Collection<String> aggregateType) {
        return new OrganisationScope(aggregates.keySet(), parse("type", type, events),
                parse("aggregateType", aggregateType, aggregates.keySet()));
    }

    /**
     * The names asked for in a repeatable, comma-separated parameter, each checked against {@code known}; an empty
     * set when the parameter is absent.
     */
    private static Set<String> parse(String field, Collection<String> values, Set<String> known) {
        if (values == null) {
            return Set.of();
        }
        Set<String> names = values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.invalid(field, "unknown " + field + " " + String.join(", ", unknown)
                    + "; known: " + String.join(", ", new TreeSet<>(known)));
        }
        return names;
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            return Stream.of(type);
        }
        return Arrays.stream(permitted).flatMap(EventTypes::leaves);
    }
}
