package io.waybill.platform.request;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.openapitools.jackson.nullable.JsonNullableJackson3Module;
import org.springframework.stereotype.Component;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads request bodies into their records: Jackson binds the fields, each with the strict reader its type and format
 * annotation name, Bean Validation checks the rules on the record (what is required, ranges), and a
 * {@link CheckedRequest} its rules across fields. Fields the record does not have are refused first. Every problem
 * is collected, per field, and the request is refused with all of them ({@code validation_failed},
 * {@code details.fields}), or read whole.
 * PATCH bodies tell a field left out from one set to null with {@code JsonNullable}.
 */
@Component
public class JsonRequests {

    private final JsonMapper mapper;
    private final Validator validator;
    /** Per record type, its reader (with its root deserializer found) and its fields in order: found once. */
    private final ClassValue<RecordReader> readers = new ClassValue<>() {
        @Override
        protected RecordReader computeValue(Class<?> type) {
            return new RecordReader(mapper.readerFor(type), Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).toList());
        }
    };

    public JsonRequests(JsonMapper mapper, Validator validator) {
        SimpleModule fields = new SimpleModule("waybill-request-fields");
        fields.setDeserializers(new SimpleDeserializers() {
            @Override
            public ValueDeserializer<?> findEnumDeserializer(JavaType type, DeserializationConfig config,
                                                             BeanDescription.Supplier description) {
                return new FieldDeserializer(type.getRawClass());
            }
        });
        FieldDeserializer.types().forEach(type -> register(fields, type));
        this.mapper = mapper.rebuild()
                .addModule(fields)
                .addModule(new JsonNullableJackson3Module())
                .addModule(new StrictNullableModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.validator = validator;
    }

    public <R> R read(JsonNode body, Class<R> type) {
        Problems problems = new Problems();
        R request = read(body, type, problems);
        problems.throwIfAny();
        return request;
    }

    /**
     * Reads the body into the record, adding what is wrong to {@code problems} instead of refusing: for a request
     * read in parts, refused once with the problems of all of them.
     */
    public <R> R read(JsonNode body, Class<R> type, Problems problems) {
        if (body == null || !body.isObject()) {
            throw notAnObject();
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getSimpleName() + " is no record");
        }
        RecordReader reader = readers.get(type);
        List<String> order = reader.fields();
        body.propertyNames().stream().filter(name -> !order.contains(name))
                .forEach(name -> problems.reject(name, "unknown field"));
        R request = reader.reader().withAttribute(Problems.class, problems).readValue(body);
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<R> v) -> order.indexOf(field(v))))
                .forEach(violation -> problems.reject(field(violation), violation.getMessage()));
        if (request instanceof CheckedRequest checked) {
            checked.check(problems);
        }
        return request;
    }

    /**
     * Reads each element of an array into the record and hands it to {@code each} with its place
     * ({@code items[2]}); what is wrong with an element is told under that place, {@code shape} saying what an
     * element must look like, and the element is left out.
     */
    public <R> void readEach(JsonNode array, String field, Class<R> type, String shape, Problems problems,
                             BiConsumer<String, R> each) {
        for (int i = 0; i < array.size(); i++) {
            String place = field + "[" + i + "]";
            if (!array.get(i).isObject()) {
                problems.reject(place, "must be an object " + shape);
                continue;
            }
            Problems elementProblems = new Problems();
            R element = read(array.get(i), type, elementProblems);
            if (elementProblems.isEmpty()) {
                each.accept(place, element);
            } else {
                problems.reject(place, elementProblems.summary());
            }
        }
    }

    public static DomainException notAnObject() {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "the request body must be a JSON object",
                Map.of("body", "must be a JSON object"));
    }

    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    private record RecordReader(ObjectReader reader, List<String> fields) {
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(SimpleModule module, Class<T> type) {
        module.addDeserializer(type, (ValueDeserializer<T>) (ValueDeserializer<?>) new FieldDeserializer(type));
    }
}
