package org.p2px.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request's headers and part of its body, then nothing (or nothing at all), hold no thread
 * that serves others and are sent away after the body timeout (2 s in tests, 10 s by default).
 */
@QuarkusTest
class SlowClientsTest
{
    /** More than the worker pool's 200 threads: before bodies were read off the workers, this starved everyone. */
    private static final int SLOW_CLIENTS = 260;

    @TestHTTPResource("/")
    URI base;

    @Test
    void manySlowBodiesDoNotStarveTheServer() throws Exception
    {
        final List<Socket> slow = new ArrayList<>();
        try
        {
            for (int i = 0; i < SLOW_CLIENTS; i++)
            {
                slow.add(partialSignIn());
            }
            final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
            final HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            final String name = TestUsers.signUp().getString("user.username");
            final HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/signin"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\""
                    + TestUsers.PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, signIn.statusCode(), signIn.body());
        }
        finally
        {
            for (final Socket socket : slow)
            {
                socket.close();
            }
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsAnsweredWithACodeAndTheConnectionClosed() throws Exception
    {
        try (Socket socket = partialSignIn())
        {
            socket.setSoTimeout(15_000);
            final String answer = readAll(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("REQUEST_TIMEOUT"), answer);
        }
    }

    /** Headers of a sign-in promising 100 bytes of body, and 12 of them. */
    private Socket partialSignIn() throws IOException
    {
        final Socket socket = new Socket(base.getHost(), base.getPort());
        final OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/auth/signin HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n{\"username\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Everything until the server closes the connection. */
    private static String readAll(final InputStream in) throws IOException
    {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
