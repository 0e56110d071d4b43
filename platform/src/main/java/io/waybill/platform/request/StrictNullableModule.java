package io.waybill.platform.request;

import org.openapitools.jackson.nullable.JsonNullable;
import org.openapitools.jackson.nullable.JsonNullableJackson3Deserializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.std.ReferenceTypeDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.type.ReferenceType;

/**
 * {@code JsonNullable} fields read as strictly as plain ones. The library's deserializer takes a blank string given
 * for anything but a plain {@code String} as a field left out, so {@code "isActive": ""} would change nothing and
 * pass; here every value given goes to the field's own reader, which refuses it. Registered after the library's
 * module, whose type modifier makes {@code JsonNullable} a reference type.
 */
final class StrictNullableModule extends JacksonModule {

    @Override
    public String getModuleName() {
        return "waybill-strict-json-nullable";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public ValueDeserializer<?> findReferenceDeserializer(ReferenceType type, DeserializationConfig config,
                                                                  BeanDescription.Supplier description,
                                                                  TypeDeserializer contentTypes,
                                                                  ValueDeserializer<?> contents) {
                return type.hasRawClass(JsonNullable.class) ? new Strict(type, null, contentTypes, contents) : null;
            }

            @Override
            public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
                return valueType == JsonNullable.class;
            }
        });
    }

    private static final class Strict extends JsonNullableJackson3Deserializer {

        Strict(JavaType type, ValueInstantiator instantiator, TypeDeserializer contentTypes,
               ValueDeserializer<?> contents) {
            super(type, instantiator, contentTypes, contents);
        }

        @Override
        public JsonNullable<Object> deserialize(JsonParser p, DeserializationContext ctxt) {
            return referenceValue(_valueDeserializer.deserialize(p, ctxt));
        }

        @Override
        protected ReferenceTypeDeserializer<JsonNullable<Object>> withResolved(TypeDeserializer contentTypes,
                                                                             ValueDeserializer<?> contents) {
            return new Strict(_fullType, _valueInstantiator, contentTypes, contents);
        }
    }
}
