package io.waybill.platform.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
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

    record Limited(@Required @Sid String id, @Text(max = 10) String notes, @Name String name,
                   @Ids(max = 3) @Sid List<String> others) {
    }

    record Request(@ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Line.class))
                   JsonNode lines, JsonNode free) {
    }

    @Test
    void primitivesAreRequiredAndEveryOtherComponentAdmitsNull() {
        ModelConverters converters = converters();
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
        Schema<?> request = models(Request.class).get("Request");

        Schema<?> lines = property(request, "lines");
        assertThat(lines.getTypes()).isEqualTo(Set.of("array", "null"));
        assertThat(lines.getItems().get$ref()).endsWith("/Line");
        assertThat(property(request, "free").getTypes()).as("any JSON value").isNull();
        assertThat(property(request, "free").get$ref()).isNull();
    }

    @Test
    void requestFieldsShowTheLimitsTheirReadersKeep() {
        Schema<?> limited = models(Limited.class).get("Limited");

        Schema<?> id = property(limited, "id");
        assertThat(id.getPattern()).isEqualTo("^" + Sid.PATTERN + "$");
        assertThat(id.getMaxLength()).isEqualTo(64);
        assertThat(id.getTypes()).as("required, so never null").isEqualTo(Set.of("string"));
        assertThat(property(limited, "notes").getMaxLength()).isEqualTo(10);
        assertThat(property(limited, "name").getMaxLength()).isEqualTo(255);
        Schema<?> others = property(limited, "others");
        assertThat(others.getMaxItems()).isEqualTo(3);
        assertThat(others.getItems().getPattern()).isEqualTo("^" + Sid.PATTERN + "$");
    }

    private static ModelConverters converters() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new RecordSchemas());
        return converters;
    }

    private static Map<String, Schema> models(Class<?> type) {
        return converters().readAll(type);
    }

    private static Schema<?> property(Schema<?> model, String name) {
        return (Schema<?>) model.getProperties().get(name);
    }
}
