package io.waybill.command.registry;

public record RegistryEntry(String id, String orgId, String kind, String parentId, String uniqueName,
                            boolean deleted) {

    public boolean is(Kind expected) {
        return expected.name().equals(kind);
    }
}
