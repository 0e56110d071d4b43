package io.waybill.launcher.api.fuzz;

import io.waybill.api.inventory.EntryType;
import io.waybill.launcher.api.fuzz.JsonText.Raw;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** Values that a field must refuse: of another JSON type, out of range, too long, with control characters. */
final class FieldValues {

    private static final List<String> BAD_DECIMALS = List.of("1".repeat(27), "1." + "1".repeat(13), "1e3", "1E-2",
            ".5", "5.", "+1", "1,5", "NaN", "Infinity", "-Infinity", "0x1A", " 1", "1 ", "\uff11", "\u0663", "",
            "1.2.3", "--1", "1_000", "0.5.", "- 1");
    private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "20260101",
            "2026-1-1", "2026/01/01", "tomorrow", "2026-01-01T00:00:00Z", "", "0000-00-00", "01-02-2026");
    private static final List<String> BAD_INSTANTS = List.of("2026-01-01T25:00:00Z", "2026-01-01T10:00:00",
            "2026-01-01", "1700000000", "2026-01-01T10:00:00+25:00", "2026-01-01 10:00:00Z", "now");
    /** Every control character a name may not hold: C0, DEL, C1, the Unicode separators, lone surrogates. */
    private static final List<Character> CONTROLS = controls();

    private FieldValues() {
    }

    static Arbitrary<Object> wrongType(FuzzField field) {
        return switch (field.kind()) {
            case INTEGER -> Arbitraries.<Object>of("1", "", "x", new Raw("1.5"), new Raw("2.0"), new Raw("1e3"), true,
                    List.of(), List.of(1), Map.of(), Map.of("value", 1));
            case BOOLEAN -> Arbitraries.<Object>of("true", "false", "", 0, 1, List.of(), List.of(true), Map.of());
            case IDS, NAMES, QUANTITIES -> Arbitraries.<Object>of("x", "1", 1, true, Map.of(), Map.of("0", "a"),
                    List.of(1, 2), List.of(true, false), List.of(Map.of(), Map.of()), List.of(List.of("a"), List.of("b")),
                    Arrays.asList(null, null));
            case BOM_LINES -> Arbitraries.<Object>of("x", 1, true, Map.of(), List.of(1), List.of("x"),
                    List.of(List.of()), Collections.singletonList(null));
            case ROWS -> Arbitraries.<Object>of("x", 1, true, Map.of(), Map.of("0", Map.of()));
            default -> Arbitraries.<Object>of(1, 0, -7, new Raw("1.5"), new Raw("1e3"), true, false, List.of(),
                    List.of("x"), Map.of(), Map.of("a", "b"));
        };
    }

    /** Values beyond the field's range or format, or null when it has none but its length. */
    static Arbitrary<Object> outOfRange(FuzzField field, Object valid) {
        return switch (field.kind()) {
            case INTEGER -> Arbitraries.oneOf(
                    Arbitraries.longs().between(field.max() + 1, field.max() + 1_000_000).map(Object.class::cast),
                    Arbitraries.longs().between(field.min() - 1_000_000, field.min() - 1).map(Object.class::cast),
                    Arbitraries.<Object>of(new Raw("2147483648"), new Raw("-2147483649"),
                            new Raw("9223372036854775808"), new Raw("-9223372036854775809"), new Raw("1e400"),
                            new Raw("-1e400"), new Raw("1" + "0".repeat(300))))
                    .filter(value -> !(value instanceof Long number && number >= field.min()
                            && number <= field.max()));
            case DECIMAL_POSITIVE -> Arbitraries.oneOf(decimals("0", "0.0", "-0", "000", "0.000000000000"),
                    negative());
            case DECIMAL_NON_NEGATIVE -> Arbitraries.oneOf(decimals(), negative());
            case DECIMAL_NON_ZERO -> decimals("0", "-0", "0.000", "-0.0");
            case DATE -> Arbitraries.of(field.name().equals("eventDate") ? plus(BAD_DATES, "2999-01-01",
                    LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()) : BAD_DATES).map(Object.class::cast);
            case INSTANT -> Arbitraries.of(BAD_INSTANTS).map(Object.class::cast);
            case QUANTITIES -> Arbitraries.<Object>of(List.of("0", "2"), List.of("-1", "3"), List.of("2"), List.of(),
                    Collections.nCopies(102, "1"), List.of("1e2", "1"), List.of("1".repeat(27), "1"),
                    List.of("1.0000000000001", "1"), List.of(" 1", "1"));
            case IDS, NAMES -> Arbitraries.oneOf(Arbitraries.integers().between((int) field.max() + 1,
                            (int) field.max() + 20)
                    .map(count -> (Object) IntStream.range(0, count).mapToObj(i -> "id-" + i).toList()),
                    Arbitraries.<Object>of(List.of(""), List.of("   ")));
            case BOM_LINES -> bomLines(valid);
            case ROWS -> Arbitraries.<Object>of(List.of(), Collections.nCopies((int) field.max() + 1, firstOf(valid)));
            default -> null;
        };
    }

    static Arbitrary<Object> tooLong(FuzzField field, Object valid) {
        return switch (field.kind()) {
            case SID, TEXT, PATTERNED, ENUM, DATE, INSTANT -> lengthened(valid, field.max() + 1, field.max() + 300);
            case DECIMAL_POSITIVE, DECIMAL_NON_NEGATIVE, DECIMAL_NON_ZERO -> Arbitraries.integers().between(27, 60)
                    .map(length -> (Object) ("1" + "0".repeat(length - 1)));
            case IDS -> lengthened("id", 65, 300).map(id -> (Object) List.of(id));
            case NAMES -> lengthened("name", FuzzField.SHORT + 1, FuzzField.SHORT + 300)
                    .map(name -> (Object) List.of(name));
            case QUANTITIES -> Arbitraries.integers().between(27, 60)
                    .map(length -> (Object) List.of("1".repeat(length), "1"));
            case BOM_LINES -> lengthened("m", 65, 300).map(material -> (Object) List.of(Map.of("materialId", material,
                    "quantityPerUnit", "2")));
            default -> null;
        };
    }

    /** The valid value with one control character put in: a name refuses them all, a long text all but layout. */
    static Arbitrary<Object> withControl(FuzzField field, Object valid) {
        Arbitrary<Character> controls = Arbitraries.of(CONTROLS)
                .filter(c -> !field.isLongText() || (c != '\t' && c != '\n' && c != '\r'));
        return switch (field.kind()) {
            case IDS, NAMES -> inserted(firstOf(valid).toString(), controls).map(text -> (Object) List.of(text));
            case QUANTITIES -> inserted("1", controls).map(text -> (Object) List.of(text, "1"));
            case BOM_LINES -> inserted("m-1", controls).map(material -> (Object) List.of(Map.of("materialId", material,
                    "quantityPerUnit", "2")));
            default -> field.isString() ? inserted(String.valueOf(valid), controls).map(Object.class::cast) : null;
        };
    }

    static Arbitrary<String> unknownValue(FuzzField field) {
        Arbitrary<String> known = Arbitraries.of(field.values());
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(16),
                known.map(value -> value.toUpperCase(Locale.ROOT)),
                known.map(value -> value.toLowerCase(Locale.ROOT)),
                known.map(value -> value.charAt(0) + value.substring(1).toLowerCase(Locale.ROOT)),
                known.map(value -> value + "_"),
                Arbitraries.of(Arrays.stream(EntryType.values()).map(EntryType::name).toList()),
                Arbitraries.of("TELEPORT", "lost", "superuser", "ACTIVE", "null", "undefined", "0", "*", "%"))
                .filter(value -> !value.isBlank() && !field.values().contains(value.strip()));
    }

    private static Arbitrary<Object> decimals(String... more) {
        return Arbitraries.of(plus(BAD_DECIMALS, more)).map(Object.class::cast);
    }

    private static Arbitrary<Object> negative() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE).map(n -> (Object) ("-" + n));
    }

    private static Arbitrary<Object> bomLines(Object valid) {
        @SuppressWarnings("unchecked")
        Map<String, Object> line = (Map<String, Object>) firstOf(valid);
        Object material = line.get("materialId");
        List<Map<String, Object>> many = IntStream.range(0, 501).mapToObj(i -> Map.<String, Object>of(
                "materialId", "m-" + i, "quantityPerUnit", "1")).toList();
        return Arbitraries.<Object>of(List.of(), many, List.of(Map.of("materialId", material, "quantityPerUnit", "0")),
                List.of(Map.of("materialId", material, "quantityPerUnit", "-1")), List.of(line, line),
                List.of(Map.of("materialId", material)), List.of(Map.of("quantityPerUnit", "2")),
                List.of(Map.of("materialId", material, "quantityPerUnit", "2", "note", "x")));
    }

    private static Arbitrary<Object> lengthened(Object valid, long min, long max) {
        String start = String.valueOf(valid);
        return Arbitraries.integers().between((int) min, (int) max).flatMap(length -> Arbitraries.strings()
                .withCharRange('a', 'z').ofLength(Math.max(0, length - start.length()))
                .map(fill -> (Object) (start + fill)));
    }

    private static Arbitrary<String> inserted(String valid, Arbitrary<Character> controls) {
        return Arbitraries.integers().between(0, valid.length()).flatMap(at -> controls
                .map(c -> valid.substring(0, at) + c + valid.substring(at)));
    }

    private static Object firstOf(Object list) {
        return ((List<?>) list).get(0);
    }

    private static List<String> plus(List<String> values, String... more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(List.of(more));
        return all;
    }

    private static List<Character> controls() {
        List<Character> controls = new ArrayList<>();
        for (char c = 0; c < 0xa0; c++) {
            if (Character.isISOControl(c)) {
                controls.add(c);
            }
        }
        controls.addAll(List.of('\u2028', '\u2029', '\ud800', '\udbff', '\udc00', '\udfff'));
        return List.copyOf(controls);
    }
}
