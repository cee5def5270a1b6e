package org.p2px.gateway;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
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
 * {@code 0.1} may already have been rounded by the client's floating point before it was sent;</li>
 * <li>no string, fraction or boolean where the API takes a whole number ({@code "adId": "19"} or {@code 19.5} would
 * otherwise become ad 19), and no string or number where it takes a boolean;</li>
 * <li>no key twice in one object: {@code "amount": "10", "amount": "20"} means 10 to some parsers and 20 to
 * others, and a signed body must mean to the server what it meant to its signer.</li>
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
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
