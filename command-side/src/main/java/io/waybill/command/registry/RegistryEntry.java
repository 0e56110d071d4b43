package io.waybill.command.registry;

/** A registry row; {@code version} counts its writes (see {@link RegistryWrite}). */
public record RegistryEntry(String id, String orgId, String kind, String parentId, String uniqueName,
                            boolean deleted, long version) {

    public boolean is(Kind expected) {
        return expected.name().equals(kind);
    }
}
