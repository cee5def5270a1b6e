package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.Pushes;

/** Rate limit, message size and slow clients (docs/protocol.md, "Limits and close codes"). */
@QuarkusTest
class WsLimitsTest
{
    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    Pushes pushes;

    @Inject
    Sessions sessions;

    @Test
    void overTheRateLimitARequestIsRefusedNotTheConnection() throws InterruptedException
    {
        try (WsClient client = WsClient.open(uri))
        {
            for (int i = 0; i < 100; i++)
            {
                client.send(WsClient.json(Map.of("id", "p-" + i, "op", "ping")));
            }
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 100; i++)
            {
                final JsonNode reply = client.next();
                if (reply.get("ok").asBoolean())
                {
                    ok++;
                }
                else
                {
                    assertEquals("RATE_LIMITED", reply.get("error").get("code").asText());
                    limited++;
                }
            }
            assertTrue(ok >= 40 && limited > 0, ok + " ok, " + limited + " limited");
            Thread.sleep(1_100);
            assertTrue(client.request("later", "ping", Map.of()).get("ok").asBoolean());
            assertFalse(client.isClosed());
        }
    }

    @Test
    void sustainedAbuseClosesWith1008()
    {
        try (WsClient client = WsClient.open(uri))
        {
            // Requests trickle through as the bucket refills; they do not excuse the flood around them.
            for (int i = 0; i < 2_000 && !client.isClosed(); i++)
            {
                try
                {
                    client.send(WsClient.json(Map.of("id", "p-" + i, "op", "ping")));
                }
                catch (final CompletionException closedMeanwhile)
                {
                    break;
                }
            }
            assertEquals(CloseCodes.POLICY_VIOLATION, client.closed().code());
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009()
    {
        try (WsClient client = WsClient.open(uri))
        {
            client.send("{\"id\":\"big\",\"op\":\"ping\",\"args\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}");
            assertEquals(CloseCodes.MESSAGE_TOO_BIG, client.closed().code());
        }
    }

    @Test
    void aMessageOverTheLimitInSmallFramesClosesWith1009()
    {
        try (WsClient client = WsClient.open(uri))
        {
            client.sendInTwoFrames("{\"id\":\"big\",\"op\":\"ping\",\"args\":{\"pad\":\"" + "x".repeat(40_000),
                "x".repeat(40_000) + "\"}}");
            final WsClient.Closed closed = client.closed();
            assertEquals(CloseCodes.MESSAGE_TOO_BIG, closed.code());
            assertEquals("message too big", closed.reason());
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedWhileOthersKeepReceiving() throws InterruptedException
    {
        final JsonPath user = WsTestUsers.signUp();
        final long userId = user.getLong("user.id");
        final Map<String, String> bearer = Map.of("Authorization", "Bearer " + user.getString("accessToken"));
        try (WsClient normal = WsClient.open(uri, bearer, List.of(), false).receivingSyntheticPushes();
             WsClient slow = WsClient.open(uri, bearer, List.of(), true).receivingSyntheticPushes())
        {
            normal.request("s-1", "subscribe", Map.of("channel", "orders"));
            normal.push("orders");
            slow.read(2);
            slow.send(WsClient.json(Map.of("id", "s-1", "op", "subscribe", "args", Map.of("channel", "orders"))));
            assertTrue(slow.reply("s-1").get("ok").asBoolean());
            assertEquals(1, slow.push("orders").get("seq").asLong());
            assertEquals(2, sessions.openCount(userId));

            // The slow client reads nothing more; push in rounds the normal client keeps up with.
            final String pad = "p".repeat(2_000);
            int pushed = 0;
            for (int round = 0; round < 200 && sessions.openCount(userId) == 2; round++)
            {
                for (int i = 0; i < 100; i++)
                {
                    pushed++;
                    pushes.toUser(userId, "orders", "order", Map.of("n", pushed, "pad", pad));
                }
                awaitReceived(normal, pushed + 2);
            }
            assertEquals(1, sessions.openCount(userId), "the slow client is still open after " + pushed + " pushes");

            // The normal client got every push, in sequence.
            for (int n = 1; n <= pushed; n++)
            {
                final JsonNode push = normal.push("orders");
                assertEquals(n + 1, push.get("seq").asLong());
                assertEquals(n, push.get("data").get("n").asInt());
            }
            // Once it reads again, the slow client finds the close after what the socket already held.
            slow.resume();
            final WsClient.Closed closed = slow.closed();
            assertEquals(CloseCodes.TRY_AGAIN_LATER, closed.code());
            assertTrue(closed.reason().startsWith("too slow"), closed.reason());
        }
    }

    private static void awaitReceived(final WsClient client, final int frames) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 10_000;
        while (client.received() < frames && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(5);
        }
        assertEquals(frames, client.received(), "the normal client fell behind");
    }
}
