package io.waybill.command.registry;

public record RegistryEntry(String id, String orgId, Kind kind, String parentId, String uniqueName,
                            boolean deleted) {
}
