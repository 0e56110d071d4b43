package io.waybill.platform.web;

import io.waybill.api.DomainError;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins what Jackson's failures are turned into, so an upgrade that changes them is noticed here. */
class MalformedJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void aFieldGivenTwiceIsNamedWithItsPath() {
        assertThat(describe("{\"sid\":\"a\",\"sid\":\"b\"}").details())
                .containsEntry("fields", Map.of("sid", "appears more than once"))
                .containsEntry("body", "duplicate field at line 1 column 17");
        assertThat(describe("{\"rows\":[{\"a\":1},{\"a\":1,\"b\":{\"c\":1,\"c\":2}}]}").details())
                .containsEntry("fields", Map.of("rows[1].b.c", "appears more than once"));
    }

    @Test
    void brokenSyntaxIsPlacedByLineAndColumn() {
        assertThat(describe("{\n \"a\": }").details()).containsEntry("body", "malformed JSON at line 2 column 7");
        assertThat(describe("{\"a\": 1").details())
                .containsEntry("body", "incomplete JSON, it ends at line 1 column 8");
        assertThat(describe("{\"a\": 1} {}").message()).isEqualTo("the request body is not valid JSON");
    }

    @Test
    void exceededLimitsAreToldWithoutTheParsersWords() {
        DomainError error = describe("[".repeat(2000));
        assertThat(error.details()).containsEntry("body", "nested too deeply, or a number or string too long");
        assertThat(error.message() + error.details()).doesNotContain("StreamReadConstraints", "Exception", "jackson");
    }

    @Test
    void aFailureWithoutAParserCauseIsNotDescribed() {
        assertThat(MalformedJson.describe(new IllegalStateException("boom"))).isNull();
    }

    private static DomainError describe(String json) {
        try {
            JSON.readerFor(JsonNode.class).readValue(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (JacksonException e) {
            return MalformedJson.describe(new IllegalArgumentException("wrapped", e));
        }
        throw new AssertionError("parsed: " + json);
    }
}
