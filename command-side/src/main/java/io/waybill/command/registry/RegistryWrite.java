package io.waybill.command.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A registry row as one write left it, carried in the metadata of the event it was made for: the row's key, its
 * {@code version} (how many writes it has had, so that a write applies only over an older one) and its state.
 */
public record RegistryWrite(String orgId, String id, long version, String kind, String parentId, String uniqueName,
                            boolean deleted) {

    /** The metadata key of the writes an event carries. */
    public static final String METADATA = "registryWrites";

    /** The version after {@code version}; rows written before writes were carried start again from 1. */
    static long after(long version) {
        return version == Long.MAX_VALUE ? 1 : version + 1;
    }

    List<String> encoded() {
        return Arrays.asList(orgId, id, Long.toString(version), kind, parentId, uniqueName, Boolean.toString(deleted));
    }

    /** The writes in an event's metadata value (none for an event that carries none). */
    static List<RegistryWrite> decode(Object value) {
        List<RegistryWrite> writes = new ArrayList<>();
        if (value instanceof List<?> rows) {
            for (Object row : rows) {
                List<?> f = (List<?>) row;
                writes.add(new RegistryWrite(text(f.get(0)), text(f.get(1)), Long.parseLong(text(f.get(2))),
                        text(f.get(3)), text(f.get(4)), text(f.get(5)), Boolean.parseBoolean(text(f.get(6)))));
            }
        }
        return writes;
    }

    static List<List<String>> encode(List<RegistryWrite> writes) {
        return writes.stream().map(RegistryWrite::encoded).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
