package org.p2px.gateway.rest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.deposit;
import static org.p2px.testing.TradingFixture.hmac;
import static org.p2px.testing.TradingFixture.newKey;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture.Key;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Signed requests without a body, framed exactly as HTTP libraries frame them: Python's requests announces
 * {@code Content-Length: 0} on a POST without a body, Java 17's HttpClient does on a GET, and a streaming client
 * may send an empty chunked body. Sent so, a release (whose endpoint reads a body) went unanswered for 60 s.
 * Written to a raw socket, so that no client library adds, drops or rewrites a header.
 */
@QuarkusTest
class SignedEmptyBodyTest
{
    private static final String CONTENT_LENGTH_ZERO = "Content-Length: 0\r\n\r\n";
    private static final String EMPTY_CHUNKED_BODY = "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
    /** Far below the 60 s an unanswered request waited: a regression fails here instead of hanging the build. */
    private static final int TIMEOUT_MS = 10_000;

    @TestHTTPResource("/")
    URI server;

    @Test
    void bodylessSignedRequestsWithContentLengthZeroAreAnswered() throws IOException
    {
        final Stage stage = Stage.posted();
        final Key buyerKey = newKey(stage.buyer(), List.of("READ", "TRADE"));
        final Key releaser = newKey(stage.seller(), List.of("READ", "RELEASE"));

        final String completed = "/api/v1/orders/" + take(stage.buyer(), stage.adId(), "92");
        assertState("PAID", send(buyerKey, "POST", completed + "/paid", CONTENT_LENGTH_ZERO));
        assertState("COMPLETED", send(releaser, "POST", completed + "/release", CONTENT_LENGTH_ZERO));
        assertState("COMPLETED", send(releaser, "GET", completed, CONTENT_LENGTH_ZERO));

        final String cancelled = "/api/v1/orders/" + take(stage.buyer(), stage.adId(), "92");
        assertState("CANCELLED", send(buyerKey, "POST", cancelled + "/cancel", CONTENT_LENGTH_ZERO));
        assertState("CANCELLED", send(buyerKey, "GET", cancelled, CONTENT_LENGTH_ZERO));
    }

    @Test
    void signedPostsWithAnEmptyChunkedBodyAreAnswered() throws IOException
    {
        final Stage stage = Stage.posted();
        final String order = "/api/v1/orders/" + take(stage.buyer(), stage.adId(), "92");
        assertState("PAID", send(newKey(stage.buyer(), List.of("TRADE")), "POST", order + "/paid", EMPTY_CHUNKED_BODY));
        assertState("COMPLETED",
            send(newKey(stage.seller(), List.of("RELEASE")), "POST", order + "/release", EMPTY_CHUNKED_BODY));
    }

    /** A market of its own, a merchant with 1000 of its asset and a 500 SELL ad at 0.9200 (10 to 500 EUR), a buyer. */
    private record Stage(Trader seller, Trader buyer, long adId)
    {
        static Stage posted()
        {
            final String market = newMarket();
            final Trader seller = newUser("MERCHANT");
            deposit(seller.id(), assetOf(market), "1000");
            return new Stage(seller, newUser(), postAd(seller, market, "SELL", "500", "0.9200", "10", "500"));
        }
    }

    private static void assertState(final String state, final Answer answer)
    {
        assertEquals(200, answer.status(), answer.body());
        assertEquals(state, JsonPath.from(answer.body()).getString("state"), answer.body());
    }

    /** A status and a body. */
    private record Answer(int status, String body)
    {
    }

    /**
     * Sends a request signed over an empty body (as docs/api.md says) with the given framing: its last header lines,
     * the blank line and what follows it. Keeps the connection alive, as clients do, and reads one answer.
     */
    private Answer send(final Key key, final String method, final String path, final String framing)
        throws IOException
    {
        final long timestamp = org.p2px.testing.SigningClock.next();
        final String request = method + " " + path + " HTTP/1.1\r\n"
            + "Host: " + server.getHost() + ":" + server.getPort() + "\r\n"
            + "Accept: */*\r\n"
            + "Connection: keep-alive\r\n"
            + "X-P2PX-APIKEY: " + key.keyId() + "\r\n"
            + "X-P2PX-TIMESTAMP: " + timestamp + "\r\n"
            + "X-P2PX-SIGNATURE: " + hmac(key.secret(), timestamp + "\n" + method + "\n" + path + "\n\n") + "\r\n"
            + framing;
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            final OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** One HTTP/1.1 answer with a Content-Length (what the server sends for JSON). */
    private static Answer read(final InputStream in) throws IOException
    {
        final String head = readHead(in);
        final String[] lines = head.split("\r\n");
        final int status = Integer.parseInt(lines[0].split(" ")[1]);
        int length = -1;
        for (final String line : lines)
        {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
            {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        if (length < 0)
        {
            throw new IOException("an answer without Content-Length: " + head);
        }
        return new Answer(status, new String(in.readNBytes(length), UTF_8));
    }

    private static String readHead(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new EOFException("closed after " + head.toString(US_ASCII));
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toString(US_ASCII);
    }
}
