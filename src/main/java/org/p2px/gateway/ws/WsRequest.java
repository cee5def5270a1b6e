package org.p2px.gateway.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request frame {@code {"id": "c-17", "op": "order.take", "args": {...}}} as read from the text, or why it is
 * malformed ({@code problem}, with the id when it could be read). The id is a string or an integer; args, when
 * present, an object.
 */
record WsRequest(JsonNode id, String op, JsonNode args, String problem)
{
    static WsRequest parse(final ObjectMapper mapper, final String text)
    {
        final JsonNode root;
        try
        {
            root = mapper.readTree(text);
        }
        catch (final JsonProcessingException ex)
        {
            return malformed(null, "The frame is not valid JSON.");
        }
        if (root == null || !root.isObject())
        {
            return malformed(null, "A request is a JSON object: {\"id\", \"op\", \"args\"}.");
        }
        final JsonNode id = root.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()))
        {
            return malformed(null, "A request needs an \"id\": a string or an integer.");
        }
        final JsonNode op = root.get("op");
        if (op == null || !op.isTextual() || op.asText().isBlank())
        {
            return malformed(id, "A request needs an \"op\": a string.");
        }
        final JsonNode args = root.get("args");
        if (args != null && !args.isNull() && !args.isObject())
        {
            return malformed(id, "\"args\" must be a JSON object.");
        }
        return new WsRequest(id, op.asText(), args == null || args.isNull() ? mapper.createObjectNode() : args, null);
    }

    boolean malformed()
    {
        return problem != null;
    }

    private static WsRequest malformed(final JsonNode id, final String problem)
    {
        return new WsRequest(id, null, null, problem);
    }
}
