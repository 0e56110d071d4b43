package io.waybill.command.registry;

import java.util.Arrays;
import java.util.List;

/**
 * A registry row as one write left it, as the event it was made for carries it: the row's key, its {@code version}
 * (how many writes it has had, so that a write applies only over an older one) and its state.
 */
record RegistryWrite(String orgId, String id, long version, String kind, String parentId, String uniqueName,
                     boolean deleted) {

    /** The metadata key of the registry writes an event carries. */
    static final String KEY = "registryWrites";

    List<String> encoded() {
        return Arrays.asList(orgId, id, Long.toString(version), kind, parentId, uniqueName, Boolean.toString(deleted));
    }

    static RegistryWrite decode(List<String> f) {
        return new RegistryWrite(f.get(0), f.get(1), Long.parseLong(f.get(2)), f.get(3), f.get(4), f.get(5),
                Boolean.parseBoolean(f.get(6)));
    }
}
