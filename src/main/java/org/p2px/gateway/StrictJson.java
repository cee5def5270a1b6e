package org.p2px.gateway;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * One JSON document per request body or WebSocket frame: anything after it is {@code MALFORMED_REQUEST} rather
 * than silently ignored, so that a frame glued to garbage (or two frames glued together) is not half-executed.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer
{
    @Override
    public void customize(final ObjectMapper mapper)
    {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
