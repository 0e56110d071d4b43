package io.waybill.launcher.api.fuzz;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A field of a write endpoint's body as the fuzz test knows it: what it holds, its limits as the seeds set them,
 * whether a create needs it ({@code mandatory}) and whether a partial update may clear it ({@code clearable}).
 */
public record FuzzField(String name, Kind kind, long min, long max, boolean mandatory, boolean clearable,
                        Set<String> values, Object example) {

    /** How a field's value is written; decimals travel as strings. */
    public enum Kind {
        SID, TEXT, PATTERNED, DECIMAL_POSITIVE, DECIMAL_NON_NEGATIVE, DECIMAL_NON_ZERO, INTEGER, BOOLEAN, DATE,
        INSTANT, ENUM, IDS, NAMES, QUANTITIES, BOM_LINES, ROWS
    }

    /** The longest string that is still a name, code or id: longer ones are texts and may hold line breaks. */
    static final int SHORT = 255;
    static final String PAST_DATE = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();

    public static FuzzField sid(String name) {
        return new FuzzField(name, Kind.SID, 1, 64, false, true, Set.of(), "fz-1");
    }

    public static FuzzField name(String name) {
        return text(name, SHORT);
    }

    public static FuzzField text(String name, int max) {
        return new FuzzField(name, Kind.TEXT, 1, max, false, true, Set.of(), "Plain text");
    }

    /** A string with a format of its own (e-mail, slug, URL, country), given a valid example. */
    public static FuzzField patterned(String name, int max, String example) {
        return new FuzzField(name, Kind.PATTERNED, 1, max, false, true, Set.of(), example);
    }

    public static FuzzField decimal(String name, Kind sign) {
        return new FuzzField(name, sign, 0, 0, false, true, Set.of(), "2");
    }

    public static FuzzField integer(String name, long min, long max) {
        return new FuzzField(name, Kind.INTEGER, min, max, false, true, Set.of(), Math.max(min, Math.min(max, 1)));
    }

    public static FuzzField bool(String name) {
        return new FuzzField(name, Kind.BOOLEAN, 0, 0, false, true, Set.of(), true);
    }

    public static FuzzField date(String name) {
        return new FuzzField(name, Kind.DATE, 0, 10, false, true, Set.of(), PAST_DATE);
    }

    public static FuzzField instant(String name) {
        return new FuzzField(name, Kind.INSTANT, 0, 40, false, true, Set.of(), PAST_DATE + "T09:30:00Z");
    }

    public static FuzzField oneOf(String name, Set<String> values) {
        return new FuzzField(name, Kind.ENUM, 1, 32, false, true, values, values.iterator().next());
    }

    public static FuzzField ids(String name, int maxCount) {
        return new FuzzField(name, Kind.IDS, 0, maxCount, false, true, Set.of(), List.of("rel-1"));
    }

    /** A list of at most {@code maxCount} names, each up to {@value #SHORT} characters. */
    public static FuzzField names(String name, int maxCount) {
        return new FuzzField(name, Kind.NAMES, 0, maxCount, false, true, Set.of(), List.of("Name 1"));
    }

    public static FuzzField quantities(String name) {
        return new FuzzField(name, Kind.QUANTITIES, 2, 101, false, true, Set.of(), List.of("1", "1"));
    }

    public static FuzzField bomLines(String name) {
        return new FuzzField(name, Kind.BOM_LINES, 1, 500, false, true, Set.of(), null);
    }

    public static FuzzField rows(String name, int maxCount) {
        return new FuzzField(name, Kind.ROWS, 1, maxCount, false, true, Set.of(), null);
    }

    /** A create refuses the request without it; a partial update may not clear it either. */
    public FuzzField required() {
        return new FuzzField(name, kind, min, max, true, false, values, example);
    }

    /** A partial update may not set it to null (a create may leave it out). */
    public FuzzField notClearable() {
        return new FuzzField(name, kind, min, max, mandatory, false, values, example);
    }

    boolean isString() {
        return switch (kind) {
            case SID, TEXT, PATTERNED, DECIMAL_POSITIVE, DECIMAL_NON_NEGATIVE, DECIMAL_NON_ZERO, DATE, INSTANT,
                 ENUM -> true;
            default -> false;
        };
    }

    /** A text longer than a name may hold tabs and line breaks; nothing else of the control characters. */
    boolean isLongText() {
        return (kind == Kind.TEXT || kind == Kind.PATTERNED) && max > SHORT;
    }
}
