package io.waybill.platform.web;

import io.waybill.platform.Causes;
import io.waybill.api.DomainError;
import io.waybill.api.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

import java.util.Map;

/**
 * Says where and why a request body could not be read as JSON, in our own words: the parser's messages name its
 * classes and settings, which no caller should see.
 */
final class MalformedJson {

    /** The only parser failure that has no type of its own; its text is checked by MalformedJsonTest. */
    private static final String DUPLICATE = "Duplicate ";

    private MalformedJson() {
    }

    /** The error for a body the JSON parser refused, or null when the failure was not the parser's. */
    static DomainError describe(Throwable failure) {
        JacksonException parse = parserCause(failure);
        if (parse == null) {
            return null;
        }
        if (parse instanceof StreamConstraintsException) {
            return error("the request body exceeds the JSON limits",
                    "nested too deeply, or a number or string too long");
        }
        String field = duplicateField(parse);
        if (field != null) {
            return new DomainError(ErrorCode.VALIDATION_FAILED.code(), field + ": appears more than once",
                    Map.of("fields", Map.of(field, "appears more than once"),
                            "body", "duplicate field" + position(parse)));
        }
        String what = parse instanceof UnexpectedEndOfInputException ? "incomplete JSON, it ends" : "malformed JSON";
        return error("the request body is not valid JSON", what + position(parse));
    }

    private static DomainError error(String message, String body) {
        return new DomainError(ErrorCode.VALIDATION_FAILED.code(), message, Map.of("body", body));
    }

    private static JacksonException parserCause(Throwable failure) {
        return Causes.find(failure, JacksonException.class).orElse(null);
    }

    private static String position(JacksonException parse) {
        TokenStreamLocation location = parse.getLocation();
        if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    /** The path of a field given twice in one object ({@code id}, {@code rows[0].id}), or null. */
    private static String duplicateField(JacksonException parse) {
        if (!(parse instanceof StreamReadException) || parse.getOriginalMessage() == null
                || !parse.getOriginalMessage().startsWith(DUPLICATE)
                || !(parse.processor() instanceof JsonParser parser)) {
            return null;
        }
        return path(parser.streamReadContext());
    }

    private static String path(TokenStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        String name = String.valueOf(context.currentName());
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
