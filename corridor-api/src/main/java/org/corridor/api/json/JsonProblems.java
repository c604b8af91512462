package org.corridor.api.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.corridor.api.ApiLimits;
import org.corridor.api.error.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's reasons for refusing a body into 400 answers that point at the problem: the parameter (as a
 * path such as {@code items[0].amount_minor}) or the line and column. Messages are written here, never copied
 * from Jackson, whose texts name Java classes.
 */
final class JsonProblems {
    private static final String DUPLICATE_PREFIX = "Duplicate Object property \"";
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final int CLAUSE_CHARS_MAX = 160;

    private JsonProblems() {}

    /**
     * The client's error behind {@code problem}, or {@code problem} itself when the fault is the server's (a
     * target type Jackson cannot bind is a programming error and must surface as a 500).
     */
    static RuntimeException translate(JacksonException problem) {
        if (problem instanceof InvalidDefinitionException) {
            return problem;
        }
        if (problem instanceof ValueInstantiationException instantiation) {
            // A record's constructor refused a value: its own ApiException says why, anything else is generic.
            if (instantiation.getCause() instanceof ApiException refusal) {
                return refusal;
            }
            String param = param(problem);
            return ApiException.badRequest("parameter_invalid",
                    param == null ? "The request body is not valid." : "The value of " + param + " is not valid.",
                    param);
        }
        if (problem instanceof StreamConstraintsException limit) {
            return limitExceeded(limit);
        }
        if (problem instanceof UnrecognizedPropertyException) {
            String param = param(problem);
            return ApiException.badRequest("parameter_unknown", "Received unknown parameter: " + param + ".", param);
        }
        if (problem instanceof InputCoercionException) {
            String param = param(problem);
            return ApiException.badRequest("parameter_invalid_integer",
                    (param == null ? "A number" : param) + " is out of range for a 64-bit integer.", param);
        }
        if (problem instanceof MismatchedInputException mismatch) {
            return mismatch(mismatch);
        }
        if (problem instanceof UnexpectedEndOfInputException) {
            return ApiException.badRequest("json_invalid",
                    "The request body ends before its JSON is complete" + at(problem) + ".", null);
        }
        if (problem instanceof StreamReadException) {
            String message = problem.getOriginalMessage();
            if (message != null && message.startsWith(DUPLICATE_PREFIX)) {
                String param = param(problem); // the parser's position: the repeated key itself
                return ApiException.badRequest("json_duplicate_key",
                        "The request body has the key " + param + " more than once" + at(problem) + ".", param);
            }
            return ApiException.badRequest("json_invalid",
                    "The request body is not valid JSON" + at(problem) + ": " + firstClause(message) + ".", null);
        }
        return problem;
    }

    private static ApiException mismatch(MismatchedInputException mismatch) {
        String param = param(mismatch);
        if (param == null) {
            return ApiException.badRequest("json_invalid", "The request body must be a JSON object.", null);
        }
        if (mismatch instanceof InvalidNullException) {
            return ApiException.badRequest("parameter_invalid", param + " must not be null.", param);
        }
        Class<?> target = mismatch.getTargetType();
        if (isInteger(target)) {
            return ApiException.badRequest("parameter_invalid_integer", param + " must be an integer.", param);
        }
        return ApiException.badRequest("parameter_invalid", param + " must be " + expectation(target) + ".", param);
    }

    /** Jackson raises these without a position, so the answer names the limit rather than the place. */
    private static ApiException limitExceeded(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage());
        if (message.startsWith("Document nesting depth")) {
            return ApiException.badRequest("json_too_deep", "The request body nests objects and arrays more than "
                    + ApiLimits.JSON_DEPTH_MAX + " levels deep" + at(limit) + ".", null);
        }
        if (message.startsWith("Number value length")) {
            return ApiException.badRequest("json_number_too_long", "A number in the request body is longer than "
                    + ApiLimits.JSON_NUMBER_CHARS_MAX + " characters" + at(limit) + ".", null);
        }
        if (message.startsWith("Name length")) {
            return ApiException.badRequest("json_key_too_long", "A key in the request body is longer than "
                    + ApiLimits.JSON_NAME_CHARS_MAX + " characters" + at(limit) + ".", null);
        }
        return ApiException.badRequest("json_too_large",
                "The request body's JSON is larger than the server accepts" + at(limit) + ".", null);
    }

    /**
     * The path of the value concerned, e.g. {@code items[0].amount_minor}, or null for the body itself. For an
     * error the parser raised (a duplicate key) it is the parser's position, which includes the key; for a
     * binding error it is the path binding had reached.
     */
    private static String param(JacksonException problem) {
        StringBuilder text = new StringBuilder();
        if (problem instanceof StreamReadException && problem.processor() instanceof JsonParser parser) {
            List<TokenStreamContext> steps = new ArrayList<>();
            for (TokenStreamContext step = parser.streamReadContext(); step != null && !step.inRoot();
                    step = step.getParent()) {
                steps.addFirst(step);
            }
            for (TokenStreamContext step : steps) {
                append(text, step.inObject() ? step.currentName() : null, step.inArray() ? step.getCurrentIndex() : -1);
            }
        } else {
            for (JacksonException.Reference step : problem.getPath()) {
                append(text, step.getPropertyName(), step.getIndex());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static void append(StringBuilder path, String propertyName, int index) {
        if (propertyName != null) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(propertyName);
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }

    private static String at(JacksonException problem) {
        TokenStreamLocation location = problem.getLocation();
        if (location == null && problem.processor() instanceof JsonParser parser) {
            location = parser.currentLocation();
        }
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return String.format(Locale.ROOT, " at line %d, column %d", location.getLineNr(), location.getColumnNr());
    }

    /**
     * Jackson's own wording of a syntax error, which describes the input only, cut before the parts that do not:
     * its source description, its nested locations and character codes.
     */
    private static String firstClause(String message) {
        if (message == null || message.isBlank()) {
            return "unexpected input";
        }
        int end = message.length();
        for (String stop : new String[] {"\n", "[Source", " (for ", " (start marker", " at [", "; line:"}) {
            int index = message.indexOf(stop);
            if (index > 0) {
                end = Math.min(end, index);
            }
        }
        String clause = CHARACTER_CODE.matcher(message.substring(0, end)).replaceAll("").strip();
        while (!clause.isEmpty() && ".:;,".indexOf(clause.charAt(clause.length() - 1)) >= 0) {
            clause = clause.substring(0, clause.length() - 1);
        }
        return clause.length() > CLAUSE_CHARS_MAX ? clause.substring(0, CLAUSE_CHARS_MAX) : clause;
    }

    private static boolean isInteger(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class;
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of the documented type";
    }
}
