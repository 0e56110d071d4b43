package io.waybill.api;

/**
 * A command that makes a new aggregate under the id it carries. When that id belonged to a deleted aggregate, the
 * answer is a {@code conflict} (the id is taken by a history), not the {@code not_found} any other command gets.
 */
public interface CreationCommand {
}
