package io.waybill.query.events;

import io.waybill.api.DomainException;
import io.waybill.api.catalog.CatalogEvent;
import io.waybill.api.inventory.InventoryLedgerEvent;
import io.waybill.api.itemgroup.ItemGroupEvent;
import io.waybill.api.order.OrderEvent;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The events an organisation's list and stream show: those of its orders, item groups, catalog records and
 * inventory ledgers, by aggregate type. The access aggregates (organisations, API tokens) stay out: their history
 * is the credential store's, and a viewer does not see other members' tokens.
 */
final class EventTypes {

    static final Map<String, Class<?>> AGGREGATES = Map.of("Order", OrderEvent.class, "ItemGroup",
            ItemGroupEvent.class, "CatalogRecord", CatalogEvent.class, "InventoryLedger", InventoryLedgerEvent.class);
    static final Set<String> EVENTS = AGGREGATES.values().stream().flatMap(EventTypes::leaves)
            .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));

    private EventTypes() {
    }

    /**
     * The names asked for in a repeatable, comma-separated parameter, each checked against {@code known}; an empty
     * set when the parameter is absent.
     */
    static Set<String> parse(String field, Collection<String> values, Set<String> known) {
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

    private static java.util.stream.Stream<Class<?>> leaves(Class<?> type) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            return java.util.stream.Stream.of(type);
        }
        return Arrays.stream(permitted).flatMap(EventTypes::leaves);
    }
}
