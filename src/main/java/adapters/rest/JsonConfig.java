package adapters.rest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict JSON in: an integer field takes only a JSON integer in range (no 1.5, no "5", no 2^63),
 * a string field only a JSON string, and nothing may trail the document. Unknown fields are
 * ignored so clients can send more than we read. A string the database could not store (U+0000 or a
 * lone surrogate, {@link domain.shared.Text}) is refused as {@link UnstorableTextException}: a 400
 * naming the field, before anything is done.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("storable-text")
                .addDeserializer(String.class, new StorableStringDeserializer()));
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** Jackson's own string deserializer, then the storable-text rule. */
    static final class StorableStringDeserializer
            extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(
                com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(p, ctxt);
            if (!domain.shared.Text.isStorable(value)) {
                throw new UnstorableTextException(p, value);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** A JSON string holding U+0000 or a lone surrogate; the path names the field. */
    public static final class UnstorableTextException
            extends com.fasterxml.jackson.databind.exc.InvalidFormatException {
        UnstorableTextException(com.fasterxml.jackson.core.JsonParser p, String value) {
            super(
                    p,
                    "contains a character that cannot be stored (U+0000 or half of a surrogate pair)",
                    value,
                    String.class);
        }
    }
}
