package io.waybill.platform.request;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Values#isoDate} reads and refuses exactly what {@code LocalDate.parse} does. */
class IsoDateTest {

    @Test
    void everyMonthAndDayWrittenInTwoDigitsOfSomeYears() {
        for (String year : new String[]{"0000", "0001", "0999", "1900", "2000", "2024", "2026", "9999"}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = year + "-" + twoDigits(month) + "-" + twoDigits(day);
                    assertThat(outcome(() -> Values.isoDate(text))).as(text)
                            .isEqualTo(outcome(() -> LocalDate.parse(text)));
                }
            }
        }
    }

    @Property(tries = 3000)
    void anyTextOfDigitsSignsAndDashes(@ForAll("texts") String text) {
        assertThat(outcome(() -> Values.isoDate(text))).as(text).isEqualTo(outcome(() -> LocalDate.parse(text)));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-+ x\u0661").ofMinLength(8).ofMaxLength(12),
                Arbitraries.strings().numeric().ofLength(4).map(year -> year + "-0"),
                Arbitraries.integers().between(-1, 40).flatMap(day -> Arbitraries.integers().between(-1, 14)
                        .map(month -> "2026-" + month + "-" + day)));
    }

    private static String twoDigits(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    private static Object outcome(Supplier<LocalDate> read) {
        try {
            return read.get();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }
}
