package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Keep-alive: a client that answers the server's pings stays; one that answers nothing is closed with 4000. */
@QuarkusTest
@TestProfile(WsIdleTest.ShortIdle.class)
class WsIdleTest
{
    @TestHTTPResource("/ws")
    URI uri;

    /** Pings every 300 ms, idle after 1.5 s. */
    public static class ShortIdle implements QuarkusTestProfile
    {
        @Override
        public Map<String, String> getConfigOverrides()
        {
            return Map.of(
                "quarkus.websockets-next.server.auto-ping-interval", "300ms",
                "p2px.ws.idle-timeout", "1.5s",
                "p2px.ws.sweep-interval", "200ms");
        }
    }

    @Test
    void aSilentClientThatAnswersPingsStaysOpen() throws InterruptedException
    {
        try (WsClient client = WsClient.open(uri))
        {
            Thread.sleep(3_000);
            assertFalse(client.isClosed());
            assertTrue(client.request("c-1", "ping", Map.of()).get("ok").asBoolean());
        }
    }

    @Test
    void aClientThatAnswersNothingIsClosedWith4000() throws InterruptedException
    {
        try (WsClient client = WsClient.open(uri, Map.of(), List.of(), true))
        {
            Thread.sleep(3_000);
            client.resume();
            final WsClient.Closed closed = client.closed();
            assertEquals(CloseCodes.IDLE, closed.code());
            assertTrue(closed.reason().startsWith("idle"), closed.reason());
        }
    }
}
