package io.waybill.platform.request;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

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
    void lengthsCountCharactersNotUtf16Units() {
        String truck = "\ud83d\ude9a";
        assertThat(read("name", truck.repeat(255), 255)).hasSize(510);
        assertThat(errors("name", truck.repeat(256), 255)).containsEntry("name", "must be at most 255 characters");
        assertThat(Values.ids(JSON.valueToTree(new String[]{truck.repeat(64)}), 10).problem()).isNull();
        assertThat(Values.ids(JSON.valueToTree(new String[]{truck.repeat(65)}), 10).problem()).isNotNull();
    }

    @Test
    void idsRefuseControlCharacters() {
        assertThat(Values.ids(JSON.valueToTree(new String[]{"a", "b\u0001"}), 10).problem())
                .isEqualTo("must hold ids of 1 to 64 characters, without control characters");
    }

    private static String read(String field, String value, int max) {
        Values.Read<String> read = Values.text(JSON.valueToTree(value), max);
        assertThat(read.problem()).as(field).isNull();
        return read.value();
    }

    private static Map<String, Object> errors(String field, String value, int max) {
        Values.Read<String> read = Values.text(JSON.valueToTree(value), max);
        if (read.problem() == null) {
            throw new AssertionError("accepted " + escape(value));
        }
        return Map.of(field, read.problem());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
