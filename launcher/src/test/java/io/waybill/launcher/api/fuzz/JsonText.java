package io.waybill.launcher.api.fuzz;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text as the fuzz test needs it: fields in a given order and possibly twice, raw fragments that are
 * not JSON at all, and every character outside printable ASCII escaped, so that a lone surrogate or a control
 * character reaches the server as the escape a client would send.
 */
public final class JsonText {

    /** A fragment written as it is: a number no Java type holds, a token JSON does not have. */
    public record Raw(String json) {
    }

    /** An object whose fields keep their order and may repeat. */
    public record Fields(List<Map.Entry<String, Object>> entries) {

        public static Fields of(Map<String, Object> map) {
            return new Fields(new ArrayList<>(map.entrySet().stream()
                    .<Map.Entry<String, Object>>map(e -> new SimpleEntry<>(e.getKey(),
                            e.getValue()))
                    .toList()));
        }

        /** The value of the first field so named, or null. */
        Object get(String name) {
            return entries.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                    .orElse(null);
        }

        boolean has(String name) {
            return entries.stream().anyMatch(e -> e.getKey().equals(name));
        }

        /** This object with the field set to the value, in its place or else at the end. */
        Fields with(String name, Object value) {
            List<Map.Entry<String, Object>> copy = new ArrayList<>();
            boolean replaced = false;
            for (Map.Entry<String, Object> entry : entries) {
                boolean match = !replaced && entry.getKey().equals(name);
                copy.add(match ? new SimpleEntry<>(name, value) : entry);
                replaced |= match;
            }
            if (!replaced) {
                copy.add(new SimpleEntry<>(name, value));
            }
            return new Fields(copy);
        }

        /** This object with the field added at the end, even when it is already there. */
        Fields plus(String name, Object value) {
            List<Map.Entry<String, Object>> copy = new ArrayList<>(entries);
            copy.add(new SimpleEntry<>(name, value));
            return new Fields(copy);
        }

        Fields without(String name) {
            return new Fields(entries.stream().filter(e -> !e.getKey().equals(name)).toList());
        }
    }

    private JsonText() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Fields fields) {
            object(out, fields.entries());
        } else if (value instanceof Map<?, ?> map) {
            object(out, Fields.of(castMap(map)).entries());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static void object(StringBuilder out, List<Map.Entry<String, Object>> entries) {
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "" : ",");
            string(out, entries.get(i).getKey());
            out.append(':');
            append(out, entries.get(i).getValue());
        }
        out.append('}');
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
