package io.waybill.command.registry;

/**
 * A kind of record the registry knows: the name it is stored under, and the noun of messages. Each feature declares
 * the kinds of its own records.
 */
public record Kind(String name, String noun) {
}
