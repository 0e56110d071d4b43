package io.waybill.launcher.api.fuzz;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON as strictly as the service should: no duplicate fields, nothing after the value. */
final class JsonCheck {

    static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonCheck() {
    }

    /** Whether the bytes are one JSON object, which a random spoiling can produce by chance. */
    static boolean isObject(byte[] body) {
        try {
            JsonNode node = STRICT.readTree(body);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }
}
