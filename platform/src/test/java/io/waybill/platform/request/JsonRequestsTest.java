package io.waybill.platform.request;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.LineStatus;
import jakarta.validation.Validation;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.waybill.platform.request.Decimal.Sign.NOT_ZERO;
import static io.waybill.platform.request.Decimal.Sign.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonRequests requests = new JsonRequests(JSON,
            Validation.buildDefaultValidatorFactory().getValidator());

    record Create(@Sid String sid, @Required @Name String name, @Text(max = 2000) String notes,
                  @Required @Decimal(POSITIVE) BigDecimal quantity, @Decimal(NOT_ZERO) BigDecimal correction,
                  @Range(min = 1, max = 10, message = "must be between {min} and {max}") Integer count,
                  Boolean urgent, LocalDate due, Instant at, LineStatus status, @Ids(max = 2) List<String> related)
            implements CheckedRequest {

        @Override
        public void check(Problems problems) {
            if (urgent != null && urgent && due == null) {
                problems.reject("due", "is required when urgent");
            }
        }
    }

    record Patch(@Name JsonNullable<String> name, @Decimal(POSITIVE) JsonNullable<BigDecimal> quantity,
                 @Range(min = 1, max = 10, message = "must be between {min} and {max}") JsonNullable<Integer> count) {
    }

    @Test
    void aValidBodyIsReadWithStrippedTextsAndExactDecimals() {
        Create read = read(Create.class, "{\"sid\":\"a-1\",\"name\":\"  Bolt \",\"notes\":\"one\\ntwo\","
                + "\"quantity\":\"1.50\",\"correction\":\"-2\",\"count\":3,\"urgent\":true,\"due\":\"2026-03-31\","
                + "\"at\":\"2026-03-31T09:30:00+02:00\",\"status\":\"canceled\",\"related\":[\"x\",\"y\"]}");
        assertThat(read).isEqualTo(new Create("a-1", "Bolt", "one\ntwo", new BigDecimal("1.5"), new BigDecimal("-2"),
                3, true, LocalDate.of(2026, 3, 31), Instant.parse("2026-03-31T07:30:00Z"), LineStatus.CANCELED,
                List.of("x", "y")));
    }

    @Test
    void everyWrongFieldIsToldAtOnceWithTheFirstInTheMessage() {
        assertThatThrownBy(() -> read(Create.class, "{\"extra\":1,\"sid\":\"-x\",\"name\":\"\\u0007\","
                + "\"quantity\":1.5,\"correction\":\"0\",\"count\":11,\"urgent\":\"yes\",\"due\":\"31.3.2026\","
                + "\"at\":\"2026-03-31\",\"status\":\"gone\",\"related\":[\"a\",\"b\",\"c\"],\"more\":{}}"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("extra: unknown field (and more, see details)");
                    assertThat(fields(e)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                            Map.entry("extra", "unknown field"), Map.entry("more", "unknown field"),
                            Map.entry("sid", "must be 1 to 64 letters, digits, _ or -, starting with a letter or "
                                    + "digit"),
                            Map.entry("name", "must not contain control characters or line breaks"),
                            Map.entry("quantity", "must be a decimal in a string, like \"12.5\" (at most 12 decimal "
                                    + "places)"),
                            Map.entry("correction", "must not be zero"),
                            Map.entry("count", "must be between 1 and 10"),
                            Map.entry("urgent", "must be true or false"),
                            Map.entry("due", "must be a date like 2026-03-31"),
                            Map.entry("at", "must be a date-time with offset, like 2026-03-31T09:30:00Z"),
                            Map.entry("status", "status must be one of active, canceled"),
                            Map.entry("related", "must be an array of at most 2 ids")));
                });
    }

    @Test
    void aMissingRequiredFieldAndACrossFieldRuleAreTold() {
        assertThatThrownBy(() -> read(Create.class, "{\"urgent\":true,\"name\":null}"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(fields(e)).isEqualTo(Map.of(
                        "name", "is required", "quantity", "is required", "due", "is required when urgent")));
    }

    @Test
    void aWrongValueOfARequiredFieldIsToldAsWrongNotAsMissing() {
        assertThatThrownBy(() -> read(Create.class, "{\"name\":\" \",\"quantity\":\"-1\"}"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(fields(e)).isEqualTo(Map.of(
                        "name", "must not be blank", "quantity", "must be greater than zero")));
    }

    @Test
    void aPatchTellsALeftOutFieldFromOneSetToNull() {
        Patch patch = read(Patch.class, "{\"name\":null,\"count\":4}");
        assertThat(Patches.change(patch.name())).isEqualTo(Change.to(null));
        assertThat(Patches.change(patch.quantity())).isNull();
        assertThat(Patches.change(patch.count())).isEqualTo(Change.to(4));
    }

    @Test
    void aPatchValueIsCheckedAsACreateValueIs() {
        assertThatThrownBy(() -> read(Patch.class, "{\"name\":7,\"quantity\":\"0\",\"count\":0}"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(fields(e)).isEqualTo(Map.of(
                        "name", "must be a string", "quantity", "must be greater than zero",
                        "count", "must be between 1 and 10")));
    }

    @Test
    void aBlankStringInAPatchIsAValueToJudgeNotAFieldLeftOut() {
        assertThatThrownBy(() -> read(Patch.class, "{\"name\":\"  \",\"quantity\":\"\",\"count\":\"\"}"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(fields(e)).isEqualTo(Map.of(
                        "name", "must not be blank",
                        "quantity", "must be a decimal in a string, like \"12.5\" (at most 12 decimal places)",
                        "count", "must be a whole number")));
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> read(Patch.class, "[1]")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.toError().details()).isEqualTo(Map.of("body", "must be a JSON object")));
    }

    private <R extends Record> R read(Class<R> type, String json) {
        return requests.read(JSON.readTree(json), type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(DomainException e) {
        return (Map<String, String>) e.toError().details().get("fields");
    }
}
