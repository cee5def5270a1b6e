package org.p2px.gateway;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that go away mid-request (a request body cut short, a WebSocket dropped with a reset instead of a close)
 * are everyday internet traffic: they must not write an ERROR with a stack trace each (70 lines for a 150-byte
 * request used to be a lever to fill the disk), and the server keeps serving.
 */
@QuarkusTest
class ClientGoneLogTest
{
    private static final int ATTEMPTS = 5;

    @TestHTTPResource("/")
    URI server;

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler collector = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue())
            {
                errors.add(record);
            }
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    };

    @BeforeEach
    void collectErrors()
    {
        Logger.getLogger("").addHandler(collector);
    }

    @AfterEach
    void stopCollecting()
    {
        Logger.getLogger("").removeHandler(collector);
    }

    @Test
    void aBodyCutShortIsNoError() throws Exception
    {
        for (int i = 0; i < ATTEMPTS; i++)
        {
            try (Socket socket = connect())
            {
                socket.getOutputStream().write(("POST /api/v1/auth/signin HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user").getBytes(US_ASCII));
                socket.getOutputStream().flush();
                Thread.sleep(100);
                socket.setSoLinger(true, 0);   // a reset, as a client that crashed or lost its network
            }
        }
        assertServerStillServesAndLoggedNoError();
    }

    @Test
    void aWebSocketDroppedWithoutACloseIsNoError() throws Exception
    {
        for (int i = 0; i < ATTEMPTS; i++)
        {
            try (Socket socket = connect())
            {
                final String key = Base64.getEncoder().encodeToString(("client-gone-" + i + "xxxx").substring(0, 16)
                    .getBytes(US_ASCII));
                socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(US_ASCII));
                assertTrue(readHead(socket.getInputStream()).startsWith("HTTP/1.1 101"), "the upgrade is accepted");
                socket.setSoLinger(true, 0);
            }
        }
        assertServerStillServesAndLoggedNoError();
    }

    private void assertServerStillServesAndLoggedNoError() throws InterruptedException
    {
        Thread.sleep(500);   // the server notices the resets on its event loops
        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }

    private Socket connect() throws IOException
    {
        final Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String readHead(final InputStream in) throws IOException
    {
        final StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b == -1)
            {
                break;
            }
            head.append((char)b);
        }
        return head.toString();
    }
}
