package org.p2px.gateway;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Requests mean exactly what they say, or are refused with {@code MALFORMED_REQUEST}:
 * <ul>
 * <li>one JSON document per request body or WebSocket frame: anything after it is refused rather than silently
 * ignored, so that a frame glued to garbage (or two frames glued together) is not half-executed;</li>
 * <li>no field the request does not know: a typo such as {@code paymentWindw} would otherwise be dropped and the
 * default used (the answer names the field);</li>
 * <li>no JSON number where the API takes a string: amounts and prices are decimal strings, and a number such as
 * {@code 0.1} may already have been rounded by the client's floating point before it was sent.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer
{
    @Override
    public void customize(final ObjectMapper mapper)
    {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.coercionConfigFor(LogicalType.Textual)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
