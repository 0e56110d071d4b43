package io.waybill.query.events;

/**
 * An aggregate whose events an organisation's event list and stream show. Each feature declares its own as a bean;
 * an aggregate without one stays out of them (the access aggregates: their history is the credential store's).
 *
 * @param aggregateType the aggregate's type as the event store records it
 * @param rootEvent     the sealed interface every event of the aggregate implements
 */
public record EventSource(String aggregateType, Class<?> rootEvent) {
}
