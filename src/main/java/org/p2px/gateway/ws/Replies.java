package org.p2px.gateway.ws;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p2px.api.GatewayError;

/**
 * Reply frames: {@code {"id", "ok": true, "result"}} or {@code {"id", "ok": false, "error": {"code", "message"}}},
 * the id echoed as the client sent it (null when it could not be read).
 */
@Singleton
public class Replies
{
    private final ObjectMapper mapper;

    public Replies(final ObjectMapper mapper)
    {
        this.mapper = mapper;
    }

    String ok(final JsonNode id, final Object result) throws JsonProcessingException
    {
        return mapper.writeValueAsString(new Ok(id, true, result));
    }

    String error(final JsonNode id, final WsError error)
    {
        try
        {
            return mapper.writeValueAsString(new Failed(id, false, error));
        }
        catch (final JsonProcessingException ex)
        {
            // An id and two strings always serialise; this is only what the compiler asks for.
            throw new IllegalStateException(ex);
        }
    }

    String error(final JsonNode id, final GatewayError error, final String message)
    {
        return error(id, new WsError(error.name(), message));
    }

    @JsonPropertyOrder({"id", "ok", "result"})
    record Ok(JsonNode id, boolean ok, Object result)
    {
    }

    @JsonPropertyOrder({"id", "ok", "error"})
    record Failed(JsonNode id, boolean ok, WsError error)
    {
    }
}
