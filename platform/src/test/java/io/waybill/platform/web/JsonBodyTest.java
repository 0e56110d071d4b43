package io.waybill.platform.web;

import io.waybill.api.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aNameRefusesEveryControlCharacterSeparatorAndLoneSurrogate() {
        for (String bad : new String[]{"a\u0000", "a\tb", "a\nb", "a\rb", "b\u001f", "a\u007f", "a\u0085", "a\u009f",
                "a\u2028", "a\u2029", "a\ud800", "\udc00a", "a\ud800\ud800"}) {
            assertThat(errors("name", bad, 255)).as(escape(bad))
                    .containsEntry("name", "must not contain control characters or line breaks");
        }
    }

    @Test
    void aLongTextKeepsTabsAndLineBreaksButNoOtherControlCharacter() {
        String notes = "one\n\ttwo\r\nthree \ud83d\ude9a";
        assertThat(read("notes", notes, 4000)).isEqualTo(notes);
        for (String bad : new String[]{"a\u0000", "a\u000b", "a\u0007", "a\u0085", "a\u2028", "a\udbff"}) {
            assertThat(errors("notes", bad, 4000)).as(escape(bad))
                    .containsEntry("notes", "must not contain control characters other than tab and line breaks");
        }
    }

    @Test
    void aNameKeepsLettersOfEveryScriptAndPairedSurrogates() {
        String name = "D\u00f6ck \u5009\u5eab \ud83d\ude9a";
        assertThat(read("name", "  " + name + "  ", 255)).isEqualTo(name);
    }

    @Test
    void idsRefuseControlCharacters() {
        JsonBody body = body(Map.of("ids", new String[]{"a", "b\u0001"}));
        body.ids("ids", 10);
        assertThatThrownBy(body::validate).isInstanceOfSatisfying(DomainException.class, e ->
                assertThat(fields(e)).containsKey("ids"));
    }

    @Test
    void aBodyThatIsNoObjectSaysSoInItsDetails() {
        assertThatThrownBy(() -> JsonBody.of(JSON.readTree("[1]"), Set.of()))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.toError().details()).containsEntry("body", "must be a JSON object"));
    }

    private static String read(String field, String value, int max) {
        JsonBody body = body(Map.of(field, value));
        String read = body.string(field, max);
        body.validate();
        return read;
    }

    private static Map<String, Object> errors(String field, String value, int max) {
        JsonBody body = body(Map.of(field, value));
        assertThat(body.string(field, max)).isNull();
        try {
            body.validate();
        } catch (DomainException e) {
            return fields(e);
        }
        throw new AssertionError("accepted " + escape(value));
    }

    private static JsonBody body(Map<String, Object> fields) {
        return JsonBody.of(JSON.valueToTree(fields), fields.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(DomainException e) {
        return (Map<String, Object>) e.toError().details().get("fields");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
