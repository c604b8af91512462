package org.corridor.api.json;

import static org.corridor.api.ApiLimits.JSON_DEPTH_MAX;
import static org.corridor.api.ApiLimits.JSON_NAME_CHARS_MAX;
import static org.corridor.api.ApiLimits.JSON_NUMBER_CHARS_MAX;
import static org.corridor.api.ApiLimits.JSON_STRING_CHARS_MAX;
import static org.corridor.api.ApiLimits.JSON_TOKENS_MAX;
import static org.corridor.api.ApiLimits.REQUEST_BODY_BYTES_MAX;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The one Jackson 3 configuration of the API: snake_case names, and a reader that accepts exactly what the
 * contract says and refuses the rest instead of guessing.
 *
 * <p>Refused: unknown fields, duplicate keys, trailing content after the body, a fraction or a string where an
 * integer is expected, a number or a boolean where a string is expected, {@code null} for a number that must be
 * there, an enum given by its position, nesting deeper than {@link org.corridor.api.ApiLimits#JSON_DEPTH_MAX},
 * and keys, numbers, strings or token counts beyond the other {@code JSON_*} limits.
 */
public final class StrictJson {
    private StrictJson() {}

    /** A new mapper; it is thread-safe, so one serves the whole server. */
    public static JsonMapper newMapper() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(JSON_DEPTH_MAX)
                .maxNameLength(JSON_NAME_CHARS_MAX)
                .maxNumberLength(JSON_NUMBER_CHARS_MAX)
                .maxStringLength(JSON_STRING_CHARS_MAX)
                .maxDocumentLength(REQUEST_BODY_BYTES_MAX)
                .maxTokenCount(JSON_TOKENS_MAX)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // Declared order, so that documents and tests read in the order the records declare.
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
    }
}
