package io.waybill.launcher.api.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One write endpoint with a body: its fields and a valid body (the template) against real targets, which the
 * server would carry out. The fuzz test spoils the template, so that the spoiling is the only reason to refuse.
 *
 * @param partial      a partial update: absent fields are left alone and clearable ones may be set to null
 * @param optionalBody the body may be left out altogether (an empty body is then a valid request)
 * @param rowsOfBulk   the fields are those of one row, sent as {@code {"rows": [row]}}
 * @param bulk         rows are answered one by one: a 200 whose every row failed is a refusal too
 */
public record WriteEndpoint(String method, String path, List<FuzzField> fields, Map<String, Object> template,
                            boolean partial, boolean optionalBody, boolean rowsOfBulk, boolean bulk) {

    static WriteEndpoint create(String path, Map<String, Object> template, List<FuzzField> fields) {
        return new WriteEndpoint("POST", path, fields, template, false, false, false, false);
    }

    static WriteEndpoint update(String path, Map<String, Object> template, List<FuzzField> fields) {
        return new WriteEndpoint("PATCH", path, fields, template, true, false, false, false);
    }

    WriteEndpoint withFields(List<FuzzField> others) {
        return new WriteEndpoint(method, path, others, template, partial, optionalBody, rowsOfBulk, bulk);
    }

    WriteEndpoint withMethod(String other) {
        return new WriteEndpoint(other, path, fields, template, partial, optionalBody, rowsOfBulk, bulk);
    }

    WriteEndpoint withOptionalBody() {
        return new WriteEndpoint(method, path, fields, template, partial, true, rowsOfBulk, bulk);
    }

    /** The same endpoint, its fields those of a row of {@code {"rows": [...]}}. */
    WriteEndpoint asRows() {
        return new WriteEndpoint(method, path, fields, template, partial, optionalBody, true, true);
    }

    /** The same endpoint seen as its envelope {@code {"rows": [template]}}, at most {@code max} rows. */
    WriteEndpoint asEnvelope(int max) {
        return new WriteEndpoint(method, path, List.of(FuzzField.rows("rows", max).required()),
                Map.of("rows", List.of(template)), false, false, false, true);
    }

    public Set<String> fieldNames() {
        return fields.stream().map(FuzzField::name).collect(Collectors.toUnmodifiableSet());
    }

    JsonText.Fields body() {
        return JsonText.Fields.of(template);
    }

    /** The request body around one spoiled object. */
    String wrap(String objectJson) {
        return rowsOfBulk ? "{\"rows\":[" + objectJson + "]}" : objectJson;
    }

    boolean refusesNull(FuzzField field) {
        return partial ? !field.clearable() : field.mandatory();
    }

    boolean refusesAbsence(FuzzField field) {
        return !partial && field.mandatory();
    }

    @Override
    public String toString() {
        return method + " " + path + (rowsOfBulk ? " (a row)" : "");
    }
}
