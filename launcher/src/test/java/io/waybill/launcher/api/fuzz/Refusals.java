package io.waybill.launcher.api.fuzz;

import io.waybill.api.ErrorCode;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer to a malformed request must be: a refusal (4xx) in the error envelope, with a stable code and
 * details that point at what was wrong, and nothing of the server's insides or of another organisation.
 */
public final class Refusals {

    private static final Set<Integer> STATUSES = Set.of(400, 404, 409, 413, 415);

    private Refusals() {
    }

    public static void assertRefused(FuzzRequest request, HttpResponse<String> answer, Set<String> foreignIds) {
        String body = answer.body();
        String about = request + "\n  answered " + answer.statusCode() + ": " + FuzzRequest.printable(body);
        assertNothingLeaks(body, foreignIds, about);
        if (request.endpoint().bulk() && answer.statusCode() == 200) {
            assertEveryRowFailed(request, body, about);
            return;
        }
        assertThat(answer.statusCode()).as("status of %s", about).isIn(STATUSES);
        assertThat(answer.headers().firstValue("Content-Type")).as("Content-Type of %s", about).get()
                .asString().startsWith("application/json");
        JsonNode root = JsonCheck.STRICT.readTree(body);
        assertThat(root.propertyNames()).as("envelope of %s", about).containsExactly("error");
        JsonNode error = root.get("error");
        assertError(error, about);
        assertThat(ErrorCode.fromCode(error.get("code").stringValue()).httpStatus()).as("code of %s", about)
                .isEqualTo(answer.statusCode());
        assertReason(request, answer.statusCode(), error.get("details"), about);
    }

    /**
     * What every answer to a request spoiled outside its body must be: never a 5xx; a refusal in the error envelope
     * whose code matches its status; a success only where the request may succeed (a read whose spoiled value is
     * still valid); nothing of the server's insides or of another organisation.
     */
    public static void assertAnsweredSafely(RawRequest request, RawClient.Answer answer, Set<String> foreignIds) {
        String about = request + "\n  answered " + answer.status() + ": " + FuzzRequest.printable(answer.body());
        // an id the caller sent itself (another organisation's, in X-Org-Id) may be quoted back
        String sent = request.target() + request.headers().values();
        assertNothingLeaks(answer.body(), foreignIds.stream().filter(id -> !sent.contains(id))
                .collect(java.util.stream.Collectors.toSet()), about);
        assertThat(answer.status()).as("status of %s", about).isBetween(200, 499);
        if (answer.status() < 300) {
            assertThat(request.maySucceed()).as("success of %s", about).isTrue();
            return;
        }
        assertThat(answer.status()).as("status of %s", about).isGreaterThanOrEqualTo(400);
        assertThat(answer.headers().getOrDefault("content-type", "")).as("Content-Type of %s", about)
                .startsWith("application/json");
        JsonNode root = JsonCheck.STRICT.readTree(answer.body());
        assertThat(root.propertyNames()).as("envelope of %s", about).containsExactly("error");
        assertError(root.get("error"), about);
        assertThat(ErrorCode.fromCode(root.get("error").get("code").stringValue()).httpStatus())
                .as("code of %s", about).isEqualTo(answer.status());
    }

    private static void assertError(JsonNode error, String about) {
        assertThat(error.get("code").isString()).as("code of %s", about).isTrue();
        ErrorCode code = ErrorCode.fromCode(error.get("code").stringValue());
        assertThat(code).as("code of %s", about).isNotEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(code.httpStatus()).as("code of %s", about).isBetween(400, 499);
        assertThat(error.get("message").isString() && !error.get("message").stringValue().isBlank())
                .as("message of %s", about).isTrue();
        assertThat(error.get("details").isObject()).as("details of %s", about).isTrue();
    }

    /** The details point at what was spoiled: the field, where the JSON broke, or the header. */
    private static void assertReason(FuzzRequest request, int status, JsonNode details, String about) {
        switch (request.category().expect) {
            case FIELD -> {
                assertThat(status).as("status of %s", about).isEqualTo(400);
                assertNamesField(request, details, about);
            }
            case BODY -> {
                assertThat(status).as("status of %s", about).isEqualTo(400);
                assertThat(details.path("body").isString()).as("details.body of %s", about).isTrue();
            }
            case DETAILS -> assertThat(details.isEmpty()).as("details of %s", about).isFalse();
            case HEADER -> assertThat(details.path("header").asString("")).as("details.header of %s", about)
                    .isEqualTo("Content-Type");
            case ENVELOPE -> assertThat(status).as("status of %s", about).isEqualTo(413);
        }
    }

    private static void assertNamesField(FuzzRequest request, JsonNode details, String about) {
        String field = request.field();
        JsonNode fields = details.path("fields");
        assertThat(fields.isObject()).as("details.fields of %s", about).isTrue();
        assertThat(fields.propertyNames()).as("details.fields of %s", about).anyMatch(name -> name.equals(field)
                || name.startsWith(field + "[") || name.endsWith("." + field));
        if (request.category() == FuzzRequest.Category.UNKNOWN_FIELD) {
            assertThat(fields.path(field).asString("")).as("details.fields of %s", about).isEqualTo("unknown field");
        }
    }

    /** A bulk request answers each row: every one of them must have failed, for a reason of its own. */
    private static void assertEveryRowFailed(FuzzRequest request, String body, String about) {
        JsonNode root = JsonCheck.STRICT.readTree(body);
        JsonNode rows = root.path("data");
        assertThat(rows.isArray() && !rows.isEmpty()).as("rows of %s", about).isTrue();
        for (JsonNode row : rows.values()) {
            assertThat(row.path("status").asString("")).as("row of %s", about).isEqualTo("failed");
            assertError(row.get("error"), about);
            if (request.category().expect == FuzzRequest.Expect.FIELD && request.endpoint().rowsOfBulk()) {
                assertNamesField(request, row.get("error").get("details"), about);
            }
        }
    }

    private static void assertNothingLeaks(String body, Set<String> foreignIds, String about) {
        String lower = body.toLowerCase(Locale.ROOT);
        assertThat(FuzzRequest.LEAK_WORDS).as("leak words in %s", about).noneMatch(lower::contains);
        assertThat(FuzzRequest.LEAK_PATTERN.matcher(body).find()).as("class names in %s", about).isFalse();
        assertThat(foreignIds).as("another organisation's ids in %s", about).noneMatch(body::contains);
    }
}
