package io.waybill.launcher.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One malformed request: the endpoint, how its body was spoiled (and in which field), the Content-Type sent (null
 * for none) and the body's bytes.
 */
public record FuzzRequest(WriteEndpoint endpoint, Category category, String field, String contentType,
                          byte[] body) {

    /** What an answer's details must show for the request to count as refused for the right reason. */
    public enum Expect {
        /** {@code details.fields} names the spoiled field. */
        FIELD,
        /** {@code details.body} says where the JSON broke. */
        BODY,
        /** The details are not empty. */
        DETAILS,
        /** {@code details.header} names the Content-Type header. */
        HEADER,
        /** Nothing beyond the envelope. */
        ENVELOPE
    }

    public enum Category {
        WRONG_TYPE(Expect.FIELD), OUT_OF_RANGE(Expect.FIELD), TOO_LONG(Expect.FIELD),
        CONTROL_CHARACTER(Expect.FIELD), UNKNOWN_ENUM_VALUE(Expect.FIELD), NULL_FOR_REQUIRED(Expect.FIELD),
        MISSING_REQUIRED(Expect.FIELD), UNKNOWN_FIELD(Expect.FIELD), ODD_FIELD_NAME(Expect.DETAILS),
        DUPLICATE_FIELD(Expect.FIELD),
        DEEP_VALUE(Expect.DETAILS), INVALID_UTF8(Expect.BODY), BROKEN_SYNTAX(Expect.BODY),
        RANDOM_BYTES(Expect.DETAILS), JSON_LIKE_NOISE(Expect.DETAILS), NOT_AN_OBJECT(Expect.DETAILS),
        DEEP_DOCUMENT(Expect.DETAILS), EMPTY(Expect.DETAILS), WRONG_CONTENT_TYPE(Expect.HEADER),
        OVER_THE_LIMIT(Expect.ENVELOPE),
        /** Counted only: requests spoiled outside their bodies are {@link RawRequest}s, checked on their own. */
        OUTSIDE_THE_BODY(Expect.ENVELOPE);

        public final Expect expect;

        Category(Expect expect) {
            this.expect = expect;
        }
    }

    /**
     * Words an error body must never hold, as they tell of the server's insides. Requests that hold one are not
     * generated, so that an answer quoting the caller's own input cannot be mistaken for a leak.
     */
    public static final List<String> LEAK_WORDS = List.of("exception", "at io.", "org.", "java.", "sql", "select ",
            "tools.jackson", "com.fasterxml", "caused by", "stacktrace", "\tat ");
    /** A stack frame, or a class named with its package. */
    public static final Pattern LEAK_PATTERN = Pattern.compile(
            "\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][\\w$]*");

    static FuzzRequest json(WriteEndpoint endpoint, Category category, String field, String body) {
        return new FuzzRequest(endpoint, category, field, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static FuzzRequest json(WriteEndpoint endpoint, Category category, String field, byte[] body) {
        return new FuzzRequest(endpoint, category, field, "application/json", body);
    }

    /** No leak word or class-like name in the body, so that an echo of it is no leak. */
    public boolean isFreeOfLeakWords() {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String lower = text.toLowerCase(Locale.ROOT);
        return LEAK_WORDS.stream().noneMatch(lower::contains) && !LEAK_PATTERN.matcher(text).find()
                && (field == null || !LEAK_PATTERN.matcher(field).find());
    }

    @Override
    public String toString() {
        return endpoint + " · " + category + (field == null ? "" : " of \"" + printable(field) + "\"")
                + " · Content-Type " + contentType + " · " + body.length + " bytes: "
                + printable(new String(body, StandardCharsets.UTF_8));
    }

    /** The text with what a terminal would not show escaped, cut after 400 characters. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(400).forEach(c -> {
            if (c < 0x20 || c >= 0x7f && c < 0xa0 || c == 0xfffd || Character.isSurrogate((char) c)
                    || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return text.length() > 400 ? out + "…" : out.toString();
    }
}
