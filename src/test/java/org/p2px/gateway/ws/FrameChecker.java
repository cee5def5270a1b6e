package org.p2px.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks one test client's frames against asyncapi.yaml: every reply by the op of the request it answers, every push
 * by its channel and type, and every request the server accepted (ok) by its op's request message. A request the
 * server refused is not checked: tests send malformed ones on purpose.
 */
final class FrameChecker
{
    private final ProtocolSchemas schemas = ProtocolSchemas.DOCUMENT;
    private final Map<String, JsonNode> requestsById = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile boolean syntheticPushes;

    /** The test publishes made-up push data (to test numbering, say): only the push envelope is checked. */
    void expectSyntheticPushes()
    {
        syntheticPushes = true;
    }

    void sent(final String text)
    {
        try
        {
            final JsonNode request = WsClient.JSON.readTree(text);
            if (request.isObject() && (request.path("id").isTextual() || request.path("id").isIntegralNumber())
                && request.path("op").isTextual())
            {
                requestsById.put(request.path("id").asText(), request);
            }
        }
        catch (final Exception notJson)
        {
            // A deliberately malformed frame: nothing to check.
        }
    }

    void received(final JsonNode frame)
    {
        if (frame.has("ok"))
        {
            reply(frame);
        }
        else if (syntheticPushes)
        {
            record("Push", schemas.violationsOfSchema("Push", frame), frame);
        }
        else
        {
            check(ProtocolSchemas.pushMessage(frame.path("channel").asText(), frame.path("type").asText()), frame);
        }
    }

    List<String> violations()
    {
        return violations;
    }

    private void reply(final JsonNode reply)
    {
        final JsonNode request = reply.path("id").isNull() ? null : requestsById.remove(reply.path("id").asText());
        final String op = request == null ? null : request.path("op").asText();
        if (op == null || !schemas.hasMessage(ProtocolSchemas.operationMessage(op, "reply")))
        {
            // No request or an unknown op: the reply only has to be a reply ("ping" has the generic result).
            check("ping.reply", reply.path("ok").asBoolean() ? null : reply);
            return;
        }
        check(ProtocolSchemas.operationMessage(op, "reply"), reply);
        if (reply.path("ok").asBoolean())
        {
            check(ProtocolSchemas.operationMessage(op, "request"), request);
        }
    }

    private void check(final String message, final JsonNode frame)
    {
        if (frame == null)
        {
            return;
        }
        try
        {
            record(message, schemas.violations(message, frame), frame);
        }
        catch (final RuntimeException ex)
        {
            violations.add(message + " could not be checked: " + ex + " in " + frame);
        }
    }

    private void record(final String message, final Set<String> wrong, final JsonNode frame)
    {
        if (!wrong.isEmpty())
        {
            violations.add(message + " " + wrong + " in " + frame);
        }
    }
}
