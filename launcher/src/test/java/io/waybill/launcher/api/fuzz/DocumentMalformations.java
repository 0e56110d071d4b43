package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzRequest.Category;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Bodies that are not a JSON object at all: invalid UTF-8, broken syntax, random bytes, JSON-like noise, other
 * JSON values, documents nested hundreds of thousands deep, a valid body under the wrong Content-Type, nothing,
 * and a body over the size limit.
 */
public final class DocumentMalformations {

    private static final String MARK = "~~BAD~~";
    private static final List<byte[]> BAD_UTF8 = List.of(bytes(0x80), bytes(0xbf), bytes(0xc0, 0xaf),
            bytes(0xc1, 0xbf), bytes(0xc3), bytes(0xe2, 0x82), bytes(0xed, 0xa0, 0x80), bytes(0xed, 0xbf, 0xbf),
            bytes(0xf0, 0x9f), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xf5, 0x80, 0x80, 0x80),
            bytes(0xf8, 0x88, 0x80, 0x80, 0x80), bytes(0xfe), bytes(0xff), bytes(0xef, 0xbf));
    private static final List<UnaryOperator<String>> BREAKS = List.of(
            json -> json.replace('"', '\''),
            json -> "{/* note */" + json.substring(1),
            json -> "{// note\n" + json.substring(1),
            json -> "{# note\n" + json.substring(1),
            json -> json.substring(0, json.length() - 1) + ",}",
            json -> json.replaceFirst("\"([A-Za-z]+)\":", "$1:"),
            json -> json.replaceFirst("\":", "\" "),
            json -> json.replaceFirst(",\"", " \""),
            json -> json.replaceFirst("\":", "\"::"),
            json -> json.replaceFirst(":\"", ":\"\u0001"),
            json -> json.replaceFirst(":\"", ":\"\n"),
            json -> json.replaceFirst(":\"", ":\"\\\\x41"),
            json -> json.replaceFirst(":\"", ":\"\\\\u12"),
            json -> json.replaceFirst(":\"", ":\"\\\\uZZZZ"),
            json -> json.replaceFirst(":\"", ":\"\\\\'"));
    private static final List<String> BAD_TOKENS = List.of("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.",
            "0x10", "1e", "tru", "nul", "True", "undefined", "'x'", "--1", "\"a\" \"b\"");
    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fz", "application/octet-stream",
            "text/html", "image/png", "application/json;charset=bogus", "garbage", "application/", "/json",
            "application/json; charset=\"");

    private DocumentMalformations() {
    }

    public static Arbitrary<FuzzRequest> of(WriteEndpoint endpoint) {
        String valid = endpoint.wrap(JsonText.write(endpoint.body()));
        return Arbitraries.frequencyOf(
                Tuple.of(3, invalidUtf8(endpoint)),
                Tuple.of(4, syntax(endpoint, valid)),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(400)
                        .filter(body -> !JsonCheck.isObject(body))
                        .map(body -> FuzzRequest.json(endpoint, Category.RANDOM_BYTES, null, body))),
                Tuple.of(2, Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789 \n\ttrufalsn\\xyz")
                        .ofMinLength(1).ofMaxLength(200)
                        .filter(text -> !JsonCheck.isObject(text.getBytes(StandardCharsets.UTF_8)))
                        .map(text -> FuzzRequest.json(endpoint, Category.JSON_LIKE_NOISE, null, text))),
                Tuple.of(2, Arbitraries.of("[]", "[" + valid + "]", "\"text\"", "123", "-1.5", "true", "false",
                                "null", JsonText.write(valid), "[{}]", "\"\"", "0", "1e999")
                        .map(text -> FuzzRequest.json(endpoint, Category.NOT_AN_OBJECT, null, text))),
                Tuple.of(2, deepDocument(endpoint)),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES).map(type -> new FuzzRequest(endpoint,
                        Category.WRONG_CONTENT_TYPE, null, type, valid.getBytes(StandardCharsets.UTF_8)))),
                Tuple.of(1, Arbitraries.of(endpoint.optionalBody() ? List.of(" ", "\n", "\t \r\n")
                                : List.of("", " ", "\n", "\t \r\n"))
                        .map(text -> FuzzRequest.json(endpoint, Category.EMPTY, null, text))),
                Tuple.of(1, Arbitraries.just(FuzzRequest.json(endpoint, Category.OVER_THE_LIMIT, null,
                        valid.substring(0, valid.length() - 1) + ",\"padding\":\"" + "x".repeat(1 << 20) + "\"}"))));
    }

    /**
     * A string value (or a key) with a byte sequence in it that UTF-8 does not allow, under any charset the
     * Content-Type may name: the parser reads the bytes as they are, whatever it says.
     */
    private static Arbitrary<FuzzRequest> invalidUtf8(WriteEndpoint endpoint) {
        List<FuzzField> strings = endpoint.fields().stream().filter(FuzzField::isString).toList();
        Arbitrary<JsonText.Fields> marked = Arbitraries.just(endpoint.body().plus("fi" + MARK + "eld", "x"));
        if (!strings.isEmpty()) {
            marked = Arbitraries.oneOf(marked, Arbitraries.of(strings).flatMap(f -> {
                String value = String.valueOf(FieldMalformations.valid(endpoint, f));
                return Arbitraries.integers().between(0, value.length()).map(at -> endpoint.body().with(f.name(),
                        value.substring(0, at) + MARK + value.substring(at)));
            }));
        }
        Arbitrary<byte[]> sequences = Arbitraries.oneOf(Arbitraries.of(BAD_UTF8),
                Arbitraries.bytes().between((byte) 0x80, (byte) 0xff).array(byte[].class).ofMinSize(1).ofMaxSize(4));
        Arbitrary<String> declared = Arbitraries.of("application/json", "application/json;charset=UTF-8",
                "application/json; charset=ISO-8859-1", "application/json;charset=UTF-16");
        return Combinators.combine(marked, sequences, declared)
                .as((body, sequence, type) -> new FuzzRequest(endpoint, Category.INVALID_UTF8, null, type,
                        splice(endpoint.wrap(JsonText.write(body)), sequence)))
                .filter(request -> !isUtf8(request.body()));
    }

    private static Arbitrary<FuzzRequest> syntax(WriteEndpoint endpoint, String valid) {
        return Arbitraries.oneOf(
                        Arbitraries.integers().between(1, valid.length() - 1).map(end -> valid.substring(0, end)),
                        Arbitraries.of(" x", "}", "]", ",", "{}", "[]", "1", "\"x\"", "null", " {\"id\":\"x\"}",
                                "\u0000", "//", ":").map(tail -> valid + tail),
                        Arbitraries.of("x", ",", "]", "\"", "1 ", "{").map(head -> head + valid),
                        Arbitraries.of(BREAKS).map(change -> change.apply(valid)),
                        Arbitraries.of(BAD_TOKENS).map(token -> valid.replaceFirst(
                                ":(\"[^\"]*\"|-?[0-9]+|true|false|null)", ":" + token.replace("$", "\\$"))))
                .map(text -> text.getBytes(StandardCharsets.UTF_8))
                .filter(body -> !JsonCheck.isObject(body))
                .map(body -> FuzzRequest.json(endpoint, Category.BROKEN_SYNTAX, null, body));
    }

    private static Arbitrary<FuzzRequest> deepDocument(WriteEndpoint endpoint) {
        Arbitrary<Integer> depths = Arbitraries.integers().between(2, 150_000);
        return Combinators.combine(depths, Arbitraries.of(0, 1, 2)).as((depth, shape) -> switch (shape) {
            case 0 -> FieldMalformations.nested(depth, true);
            case 1 -> FieldMalformations.nested(depth, false);
            default -> "[".repeat(depth);
        }).map(text -> FuzzRequest.json(endpoint, Category.DEEP_DOCUMENT, null, text));
    }

    private static byte[] splice(String json, byte[] sequence) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(sequence);
        out.write(text, at + MARK.length(), text.length - at - MARK.length());
        return out.toByteArray();
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
