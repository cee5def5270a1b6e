package org.p2px.gateway;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.p2px.api.GatewayError;

/**
 * The message of a {@code MALFORMED_REQUEST}: which field is wrong, in the client's own names, when the JSON was
 * well-formed but not of the request's shape; the generic message otherwise. Nothing of the server's classes.
 */
public final class JsonShape
{
    private static final Set<Class<?>> WHOLE_NUMBERS =
        Set.of(long.class, Long.class, int.class, Integer.class, short.class, Short.class);
    /** Jackson's words for a key given twice (StreamReadFeature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{1,64})'");

    private JsonShape()
    {
    }

    public static String describe(final JsonProcessingException failure)
    {
        if (failure instanceof UnrecognizedPropertyException unknown)
        {
            return "Unknown field '" + path(unknown) + "'.";
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() == String.class
            && !mismatch.getPath().isEmpty())
        {
            return "'" + path(mismatch) + "' must be a string: amounts and prices are decimal strings such as \"92.50\".";
        }
        if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
            && mismatch.getTargetType() != null && mismatch.getTargetType().isEnum())
        {
            return "'" + path(mismatch) + "' must be one of " + Arrays.stream(mismatch.getTargetType().getEnumConstants())
                .map(Object::toString).filter(name -> !name.equals("NULL_VAL")).collect(Collectors.joining(", ")) + ".";
        }
        if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
            && WHOLE_NUMBERS.contains(mismatch.getTargetType()))
        {
            return "'" + path(mismatch) + "' must be a whole number, such as 42 (not a string or a fraction).";
        }
        if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
            && (mismatch.getTargetType() == boolean.class || mismatch.getTargetType() == Boolean.class))
        {
            return "'" + path(mismatch) + "' must be true or false.";
        }
        final Matcher duplicate = DUPLICATE.matcher(String.valueOf(failure.getMessage()));
        if (duplicate.find())
        {
            return "Field '" + duplicate.group(1) + "' appears twice.";
        }
        return GatewayError.MALFORMED_REQUEST.message();
    }

    /** {@code terms.paymentWindw}, {@code orders[2].amount}. */
    private static String path(final JsonMappingException failure)
    {
        return failure.getPath().stream()
            .map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
            .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
