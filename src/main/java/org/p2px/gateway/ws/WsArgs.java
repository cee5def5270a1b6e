package org.p2px.gateway.ws;

import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.JsonShape;

/**
 * Reads an operation's {@code args} as the REST layer reads a body: the wrong shape is MALFORMED_REQUEST, and the
 * record's Bean Validation constraints (the same ones REST checks with {@code @Valid}) fail with a
 * {@link ConstraintViolationException}, which {@link org.p2px.gateway.Failures} turns into VALIDATION_FAILED naming
 * the fields, as for REST.
 */
@Singleton
public class WsArgs
{
    private final ObjectMapper mapper;
    private final Validator validator;

    public WsArgs(final ObjectMapper mapper, final Validator validator)
    {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T read(final JsonNode args, final Class<T> type)
    {
        final T value;
        try
        {
            value = mapper.treeToValue(args, type);
        }
        catch (final JsonProcessingException ex)
        {
            // The same message as REST's for the same body: which field is unknown or must be a string.
            throw ApiException.of(GatewayError.MALFORMED_REQUEST, JsonShape.describe(ex));
        }
        if (value == null)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "The args are required.");
        }
        // The same annotations and the same answer as a REST body: Failures encodes the violations for both.
        final Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty())
        {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** A required non-blank text field (a number is taken as its text). */
    public static String text(final JsonNode args, final String field)
    {
        final JsonNode value = args.get(field);
        if (value == null || !(value.isTextual() || value.isNumber()) || value.asText().isBlank())
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, field + " is required");
        }
        return value.asText();
    }
}
