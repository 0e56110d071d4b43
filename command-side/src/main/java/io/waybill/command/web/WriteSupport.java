package io.waybill.command.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Small helpers the write controllers share. */
final class WriteSupport {

    private WriteSupport() {
    }

    static Set<String> with(Set<String> fields, String... more) {
        Set<String> all = new HashSet<>(fields);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }

    static Map<String, String> deleted(String id) {
        return Map.of("deletedId", id);
    }
}
