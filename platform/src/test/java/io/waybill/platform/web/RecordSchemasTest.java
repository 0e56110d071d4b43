package io.waybill.platform.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSchemasTest {

    record Line(String sku) {
    }

    record Answer(String title, long count, boolean open, Line line, List<Line> lines, BigDecimal amount) {
    }

    record Request(@ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Line.class))
                   JsonNode lines, JsonNode free) {
    }

    @Test
    void primitivesAreRequiredAndEveryOtherComponentAdmitsNull() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new RecordSchemas());
        Map<String, Schema> models = converters.readAll(Answer.class);

        Schema<?> answer = models.get("Answer");
        assertThat(answer.getRequired()).containsExactlyInAnyOrder("count", "open");
        assertThat(property(answer, "title").getTypes()).isEqualTo(Set.of("string", "null"));
        assertThat(property(answer, "lines").getTypes()).isEqualTo(Set.of("array", "null"));
        assertThat(property(answer, "amount").getTypes()).contains("null");
        assertThat(property(answer, "count").getTypes()).doesNotContain("null");
        Schema<?> line = property(answer, "line");
        assertThat(line.getAnyOf()).hasSize(2);
        assertThat(line.getAnyOf().get(0).get$ref()).endsWith("/Line");
        assertThat(line.getAnyOf().get(1).getTypes()).isEqualTo(Set.of("null"));
        assertThat(property(models.get("Line"), "sku").getTypes()).isEqualTo(Set.of("string", "null"));

        Schema<?> again = converters.readAll(Answer.class).get("Answer");
        assertThat(property(again, "line").getAnyOf()).as("a second reading wraps nothing twice").hasSize(2);
    }

    @Test
    void aJsonNodeDeclaringItsElementsIsAnArrayOfThem() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new RecordSchemas());
        Schema<?> request = converters.readAll(Request.class).get("Request");

        Schema<?> lines = property(request, "lines");
        assertThat(lines.getTypes()).isEqualTo(Set.of("array", "null"));
        assertThat(lines.getItems().get$ref()).endsWith("/Line");
        assertThat(property(request, "free").getTypes()).as("any JSON value").isNull();
        assertThat(property(request, "free").get$ref()).isNull();
    }

    private static Schema<?> property(Schema<?> model, String name) {
        return (Schema<?>) model.getProperties().get(name);
    }
}
