package org.corridor.app.api.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.corridor.api.contract.OpenApiDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Checks a JSON value against a schema of the document: the part of JSON Schema 2020-12 that openapi.yaml uses.
 * A keyword it does not know fails the check instead of being skipped, so that the document cannot say more than
 * is checked without this class learning it first.
 */
final class SchemaCheck {
    /** Keywords that describe and constrain nothing. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "format", "default", "examples",
            "discriminator", "deprecated", "readOnly", "writeOnly");

    private final OpenApiDocument document;

    SchemaCheck(OpenApiDocument document) {
        this.document = document;
    }

    /** What is wrong with {@code value} under {@code schema}, one line each; empty when it conforms. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(schema, value, "$", found);
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> found) {
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String name = keyword.getKey();
            JsonNode arg = keyword.getValue();
            switch (name) {
                case "$ref" -> check(document.pointer(arg.asString()), value, at, found);
                case "type" -> {
                    boolean any = false;
                    for (JsonNode type : arg.isArray() ? arg.values() : List.of(arg)) any |= isOfType(value, type.asString());
                    if (!any) found.add(at + ": " + describe(value) + " is not of type " + arg);
                }
                case "const" -> {
                    if (!same(arg, value)) found.add(at + ": " + describe(value) + " is not " + arg);
                }
                case "enum" -> {
                    if (arg.values().stream().noneMatch(option -> same(option, value))) {
                        found.add(at + ": " + describe(value) + " is not one of " + arg);
                    }
                }
                case "allOf" -> arg.values().forEach(part -> check(part, value, at, found));
                case "anyOf" -> {
                    if (arg.values().stream().noneMatch(part -> violations(part, value).isEmpty())) {
                        found.add(at + ": " + describe(value) + " matches none of anyOf");
                    }
                }
                case "oneOf" -> {
                    long matching = arg.values().stream().filter(part -> violations(part, value).isEmpty()).count();
                    if (matching != 1) found.add(at + ": " + describe(value) + " matches " + matching + " of oneOf");
                }
                case "if" -> {
                    String branch = violations(arg, value).isEmpty() ? "then" : "else";
                    if (schema.has(branch)) check(schema.get(branch), value, at, found);
                }
                case "then", "else" -> {
                    // Applied by "if".
                }
                case "not" -> {
                    if (violations(arg, value).isEmpty()) found.add(at + ": " + describe(value) + " matches not " + arg);
                }
                case "properties" -> {
                    if (value.isObject()) {
                        for (Map.Entry<String, JsonNode> property : arg.properties()) {
                            JsonNode present = value.get(property.getKey());
                            if (present != null) check(property.getValue(), present, at + "." + property.getKey(), found);
                        }
                    }
                }
                case "required" -> {
                    if (value.isObject()) {
                        for (JsonNode required : arg.values()) {
                            if (!value.has(required.asString())) found.add(at + ": lacks " + required.asString());
                        }
                    }
                }
                case "additionalProperties" -> {
                    if (value.isObject()) {
                        Set<String> declared = new HashSet<>();
                        if (schema.has("properties")) declared.addAll(schema.get("properties").propertyNames());
                        for (Map.Entry<String, JsonNode> property : value.properties()) {
                            if (declared.contains(property.getKey())) continue;
                            if (arg.isBoolean()) {
                                if (!arg.booleanValue()) found.add(at + ": has undocumented " + property.getKey());
                            } else {
                                check(arg, property.getValue(), at + "." + property.getKey(), found);
                            }
                        }
                    }
                }
                case "propertyNames" -> {
                    if (value.isObject()) {
                        for (String property : value.propertyNames()) {
                            check(arg, StringNode.valueOf(property), at + "{" + property + "}", found);
                        }
                    }
                }
                case "maxProperties" -> {
                    if (value.isObject() && value.size() > arg.intValue()) found.add(at + ": more than " + arg + " properties");
                }
                case "items" -> {
                    if (value.isArray()) {
                        int i = 0;
                        for (JsonNode item : value.values()) check(arg, item, at + "[" + i++ + "]", found);
                    }
                }
                case "minItems" -> {
                    if (value.isArray() && value.size() < arg.intValue()) found.add(at + ": fewer than " + arg + " items");
                }
                case "maxItems" -> {
                    if (value.isArray() && value.size() > arg.intValue()) found.add(at + ": more than " + arg + " items");
                }
                case "minimum" -> {
                    if (value.isNumber() && value.decimalValue().compareTo(arg.decimalValue()) < 0) {
                        found.add(at + ": " + value + " is below " + arg);
                    }
                }
                case "maximum" -> {
                    if (value.isNumber() && value.decimalValue().compareTo(arg.decimalValue()) > 0) {
                        found.add(at + ": " + value + " is above " + arg);
                    }
                }
                case "minLength" -> {
                    if (value.isString() && codePoints(value) < arg.intValue()) found.add(at + ": shorter than " + arg);
                }
                case "maxLength" -> {
                    if (value.isString() && codePoints(value) > arg.intValue()) found.add(at + ": longer than " + arg);
                }
                case "pattern" -> {
                    if (value.isString() && !Pattern.compile(arg.asString()).matcher(value.asString()).find()) {
                        found.add(at + ": " + describe(value) + " does not match " + arg.asString());
                    }
                }
                default -> {
                    if (!ANNOTATIONS.contains(name)) {
                        throw new IllegalStateException("SchemaCheck does not know the keyword " + name + " (at " + at + ")");
                    }
                }
            }
        }
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("not a JSON Schema type: " + type);
        };
    }

    /** JSON equality, with numbers equal by value whatever their Java representation. */
    private static boolean same(JsonNode expected, JsonNode value) {
        if (expected.isNumber() && value.isNumber()) {
            return expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return expected.equals(value);
    }

    private static int codePoints(JsonNode value) {
        String text = value.asString();
        return text.codePointCount(0, text.length());
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
