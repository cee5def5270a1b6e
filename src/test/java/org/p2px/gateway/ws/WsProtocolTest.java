package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.agrona.concurrent.EpochClock;
import org.junit.jupiter.api.Test;

/** Frames, replies and errors of /ws (docs/protocol.md, "Frames" and "Errors"). */
@QuarkusTest
class WsProtocolTest
{
    @TestHTTPResource("/ws")
    URI uri;
    @Inject
    EpochClock clock;

    @Test
    void pingRepliesWithTheServerTime()
    {
        try (WsClient client = WsClient.open(uri))
        {
            // The trading core's clock (which tests move forward to pass deadlines), not the machine's.
            final long before = clock.time();
            final JsonNode reply = client.request("c-1", "ping", Map.of());
            assertEquals("c-1", reply.get("id").asText());
            assertTrue(reply.get("ok").asBoolean());
            final long pong = reply.get("result").get("pong").asLong();
            assertTrue(pong >= before && pong <= clock.time() + 1, "pong " + pong);
            assertEquals(List.of("id", "ok", "result"), fieldNames(reply));
        }
    }

    @Test
    void anIntegerIdAndMissingArgsAreFine()
    {
        try (WsClient client = WsClient.open(uri))
        {
            client.send("{\"id\": 7, \"op\": \"ping\"}");
            final JsonNode reply = client.next();
            assertTrue(reply.get("id").isInt());
            assertEquals(7, reply.get("id").asInt());
            assertTrue(reply.get("ok").asBoolean());
        }
    }

    @Test
    void malformedFramesGetMalformedRequestAndTheConnectionStays()
    {
        try (WsClient client = WsClient.open(uri))
        {
            client.send("this is not json");
            assertError(client.next(), null, "MALFORMED_REQUEST");
            client.send("[1, 2]");
            assertError(client.next(), null, "MALFORMED_REQUEST");
            client.send("{\"op\": \"ping\"}");
            assertError(client.next(), null, "MALFORMED_REQUEST");
            client.send("{\"id\": {\"no\": 1}, \"op\": \"ping\"}");
            assertError(client.next(), null, "MALFORMED_REQUEST");
            client.send("{\"id\": \"c-2\"}");
            assertError(client.next(), "c-2", "MALFORMED_REQUEST");
            client.send("{\"id\": \"c-3\", \"op\": 5}");
            assertError(client.next(), "c-3", "MALFORMED_REQUEST");
            client.send("{\"id\": \"c-4\", \"op\": \"ping\", \"args\": [1]}");
            assertError(client.next(), "c-4", "MALFORMED_REQUEST");
            client.send("{\"id\": \"c-6\", \"op\": \"ping\"} trailing garbage");
            assertError(client.next(), null, "MALFORMED_REQUEST");
            client.send("{\"id\": \"c-7\", \"op\": \"ping\"}{\"id\": \"c-8\", \"op\": \"ping\"}");
            assertError(client.next(), null, "MALFORMED_REQUEST");
            client.sendBinary(new byte[] {1, 2, 3});
            assertError(client.next(), null, "MALFORMED_REQUEST");
            assertTrue(client.request("c-5", "ping", Map.of()).get("ok").asBoolean());
        }
    }

    @Test
    void unknownOpIsRefused()
    {
        try (WsClient client = WsClient.open(uri))
        {
            final JsonNode reply = client.request("c-1", "order.fly", Map.of());
            assertError(reply, "c-1", "UNKNOWN_OP");
            assertEquals("No operation 'order.fly'.", reply.get("error").get("message").asText());
        }
    }

    @Test
    void anOperationNeedingAUserRefusesAnAnonymousConnection()
    {
        try (WsClient client = WsClient.open(uri))
        {
            assertError(client.request("c-1", "test.whoami", Map.of()), "c-1", "UNAUTHENTICATED");
            final JsonNode open = client.request("c-2", "test.public", Map.of());
            assertFalse(open.get("result").get("signedIn").asBoolean());
        }
    }

    @Test
    void aBugIsAnInternalErrorWithoutDetails()
    {
        try (WsClient client = WsClient.open(uri))
        {
            final JsonNode reply = client.request("c-1", "test.bug", Map.of());
            assertError(reply, "c-1", "INTERNAL_ERROR");
            assertFalse(reply.toString().contains("secret internal detail"), reply.toString());
            assertFalse(reply.toString().contains("Exception"), reply.toString());
            assertTrue(client.request("c-2", "ping", Map.of()).get("ok").asBoolean());
        }
    }

    @Test
    void repliesComeInRequestOrder()
    {
        try (WsClient client = WsClient.open(uri))
        {
            client.send(WsClient.json(Map.of("id", "slow", "op", "test.slow", "args", Map.of("millis", 300))));
            client.send(WsClient.json(Map.of("id", "fast", "op", "ping")));
            assertEquals("slow", client.next().get("id").asText());
            assertEquals("fast", client.next().get("id").asText());
        }
    }

    static void assertError(final JsonNode reply, final String id, final String code)
    {
        assertFalse(reply.get("ok").asBoolean(), reply.toString());
        if (id == null)
        {
            assertTrue(reply.get("id").isNull(), reply.toString());
        }
        else
        {
            assertEquals(id, reply.get("id").asText(), reply.toString());
        }
        assertEquals(code, reply.get("error").get("code").asText(), reply.toString());
        assertFalse(reply.get("error").get("message").asText().isBlank(), reply.toString());
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
