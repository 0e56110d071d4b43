package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzRequest.Category;
import io.waybill.launcher.api.fuzz.JsonText.Raw;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Valid bodies with one field spoiled: of another JSON type, out of range, too long, holding a control character,
 * an unknown enum value, null or missing where required, an unknown field, a field given twice, a value nested
 * thousands deep. The rest of the body stays valid, so the spoiled field is the only reason to refuse it.
 */
public final class FieldMalformations {

    private FieldMalformations() {
    }

    public static Arbitrary<FuzzRequest> of(WriteEndpoint endpoint) {
        List<Arbitrary<FuzzRequest>> kinds = new ArrayList<>();
        add(kinds, endpoint, Category.WRONG_TYPE, FieldValues::wrongType);
        add(kinds, endpoint, Category.OUT_OF_RANGE, f -> FieldValues.outOfRange(f, valid(endpoint, f)));
        add(kinds, endpoint, Category.TOO_LONG, f -> FieldValues.tooLong(f, valid(endpoint, f)));
        add(kinds, endpoint, Category.CONTROL_CHARACTER, f -> FieldValues.withControl(f, valid(endpoint, f)));
        add(kinds, endpoint, Category.UNKNOWN_ENUM_VALUE, f -> f.kind() == FuzzField.Kind.ENUM
                ? FieldValues.unknownValue(f).map(Object.class::cast) : null);
        add(kinds, endpoint, Category.NULL_FOR_REQUIRED, f -> endpoint.refusesNull(f)
                ? Arbitraries.just(new Raw("null")) : null);
        List<FuzzField> removable = endpoint.fields().stream()
                .filter(f -> endpoint.refusesAbsence(f) && endpoint.body().has(f.name())).toList();
        if (!removable.isEmpty()) {
            kinds.add(Arbitraries.of(removable).map(f -> request(endpoint, Category.MISSING_REQUIRED, f.name(),
                    endpoint.body().without(f.name()))));
        }
        kinds.add(unknownField(endpoint));
        if (endpoint.fields().stream().anyMatch(f -> endpoint.body().has(f.name()))) {
            kinds.add(duplicateField(endpoint));
        }
        if (!endpoint.fields().isEmpty()) {
            kinds.add(deepValue(endpoint));
        }
        return Arbitraries.oneOf(kinds);
    }

    /** The field's value in the template, or a valid example of its kind. */
    static Object valid(WriteEndpoint endpoint, FuzzField field) {
        Object value = endpoint.body().get(field.name());
        return value != null ? value : field.example();
    }

    static FuzzRequest request(WriteEndpoint endpoint, Category category, String field, JsonText.Fields body) {
        return FuzzRequest.json(endpoint, category, field, endpoint.wrap(JsonText.write(body)));
    }

    private static void add(List<Arbitrary<FuzzRequest>> kinds, WriteEndpoint endpoint, Category category,
                            Function<FuzzField, Arbitrary<Object>> values) {
        List<FuzzField> applicable = endpoint.fields().stream().filter(f -> values.apply(f) != null).toList();
        if (!applicable.isEmpty()) {
            kinds.add(Arbitraries.of(applicable).flatMap(f -> values.apply(f).map(value -> request(endpoint,
                    category, f.name(), endpoint.body().with(f.name(), value)))));
        }
    }

    private static Arbitrary<FuzzRequest> unknownField(WriteEndpoint endpoint) {
        // a body of no fields (a control) is spoiled by names of the kinds below and of the other endpoints
        Arbitrary<String> known = Arbitraries.of(endpoint.fieldNames().isEmpty() ? Set.of("notes", "quantity")
                : endpoint.fieldNames());
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(24),
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(12),
                known.map(name -> name.toUpperCase(Locale.ROOT)),
                known.map(name -> name.toLowerCase(Locale.ROOT)),
                known.map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)),
                known.map(name -> name + "s"),
                known.map(name -> " " + name),
                known.map(name -> name + "\u0000"),
                Arbitraries.of("", " ", "__proto__", "constructor", "$where", "id", "orgId", "organizationId",
                        "orgId", "version", "createdAt", "deleted", "type", "rows", "data", "na\u00efve",
                        "\u540d\u524d", "\ud83d\ude80"))
                .filter(name -> !endpoint.fieldNames().contains(name));
        Arbitrary<Object> values = Arbitraries.of("x", 1, new Raw("null"), true, List.of(), Map.of());
        return Combinators.combine(names, values).as((name, value) -> request(endpoint,
                hasLoneSurrogate(name) ? Category.ODD_FIELD_NAME : Category.UNKNOWN_FIELD, name,
                endpoint.body().plus(name, value)));
    }

    /** Such a name cannot be told back as it is: the parser may refuse it, or the answer names it escaped. */
    private static boolean hasLoneSurrogate(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Arbitrary<FuzzRequest> duplicateField(WriteEndpoint endpoint) {
        List<FuzzField> present = endpoint.fields().stream().filter(f -> endpoint.body().has(f.name())).toList();
        return Arbitraries.of(present).flatMap(f -> Arbitraries.of(Stream.of(valid(endpoint, f), f.example())
                        .filter(Objects::nonNull).toList())
                .map(value -> request(endpoint, Category.DUPLICATE_FIELD, f.name(),
                        endpoint.body().plus(f.name(), value))));
    }

    private static Arbitrary<FuzzRequest> deepValue(WriteEndpoint endpoint) {
        Arbitrary<Integer> depths = Arbitraries.integers().between(2, 3000);
        return Combinators.combine(Arbitraries.of(endpoint.fields()), depths, Arbitraries.of(true, false))
                .as((f, depth, arrays) -> request(endpoint, Category.DEEP_VALUE, f.name(),
                        endpoint.body().with(f.name(), new Raw(nested(depth, arrays)))));
    }

    static String nested(int depth, boolean arrays) {
        return arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }
}
