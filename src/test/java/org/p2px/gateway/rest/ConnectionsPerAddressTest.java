package org.p2px.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** One client address holds at most the configured number of connections; closing one makes room again. */
@QuarkusTest
@TestProfile(ConnectionsPerAddressTest.CapOfFive.class)
class ConnectionsPerAddressTest
{
    public static class CapOfFive implements QuarkusTestProfile
    {
        @Override
        public Map<String, String> getConfigOverrides()
        {
            return Map.of("p2px.http.max-connections-per-address", "5", "p2px.http.exempt-loopback", "false");
        }
    }

    @TestHTTPResource("/")
    URL server;

    @Test
    void theConnectionOverTheCapIsRefusedAndClosedAndAClosedOneMakesRoom() throws Exception
    {
        final List<Socket> open = new ArrayList<>();
        try
        {
            for (int i = 0; i < 5; i++)
            {
                final Socket socket = connect();
                assertTrue(get(socket).startsWith("HTTP/1.1 200"), "connection " + (i + 1) + " is served");
                open.add(socket);
            }
            try (Socket sixth = connect())
            {
                final String status = get(sixth);
                assertTrue(status.startsWith("HTTP/1.1 429"), "the sixth: " + status);
                assertEquals(-1, drainToEnd(sixth), "and closed");
            }
            open.remove(0).close();
            String status = "";
            for (int attempt = 0; attempt < 50 && !status.startsWith("HTTP/1.1 200"); attempt++)
            {
                Thread.sleep(20);
                try (Socket again = connect())
                {
                    status = get(again);
                }
            }
            assertTrue(status.startsWith("HTTP/1.1 200"), "a closed connection makes room: " + status);
            assertTrue(get(open.get(0)).startsWith("HTTP/1.1 200"), "the counted ones are still served");
        }
        finally
        {
            for (final Socket socket : open)
            {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException
    {
        final Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Sends a keep-alive GET and returns the status line; reads the rest of the answer off the socket. */
    private static String get(final Socket socket) throws IOException
    {
        socket.getOutputStream().write(("GET /api/v1/markets HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.US_ASCII));
        final String status = in.readLine();
        int length = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty())
        {
            if (line.toLowerCase().startsWith("content-length:"))
            {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        for (int i = 0; i < length; i++)
        {
            in.read();
        }
        return status == null ? "" : status;
    }

    private static int drainToEnd(final Socket socket) throws IOException
    {
        int read;
        while ((read = socket.getInputStream().read()) >= 0)
        {
            // the rest of the answer, then the end of the stream
        }
        return read;
    }
}
