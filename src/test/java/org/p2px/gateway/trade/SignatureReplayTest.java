package org.p2px.gateway.trade;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.deposit;
import static org.p2px.testing.TradingFixture.hmac;
import static org.p2px.testing.TradingFixture.newKey;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.p2px.auth.UsedSignatures;
import org.p2px.testing.SigningClock;
import org.p2px.testing.TradingFixture.Key;
import org.p2px.testing.TradingFixture.Trader;

/** A signed API-key request runs once: sent again, by anyone, at once or later, it is refused. */
@QuarkusTest
class SignatureReplayTest
{
    @TestHTTPResource("/api/v1/account/me")
    URI me;

    @Inject
    UsedSignatures usedSignatures;

    @Test
    void aSignedTakeSentAgainIsRefusedAndOpensOneOrder()
    {
        final String market = newMarket();
        final Trader seller = newUser("MERCHANT");
        deposit(seller.id(), assetOf(market), "1000");
        final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "500");
        final Key key = newKey(newUser(), List.of("READ", "TRADE"));
        final String body = "{\"adId\":" + adId + ",\"amount\":\"92\",\"paymentMethod\":\"SEPA\"}";
        final long timestamp = SigningClock.next();
        final String signature = hmac(key.secret(), timestamp + "\nPOST\n/api/v1/orders\n\n" + body);

        sent(key, timestamp, signature, body).post("/api/v1/orders").then().statusCode(201);
        sent(key, timestamp, signature, body).post("/api/v1/orders").then().statusCode(401)
            .body("code", equalTo("SIGNATURE_ALREADY_USED"));
        sent(key, timestamp, signature.toUpperCase(Locale.ROOT), body).post("/api/v1/orders").then().statusCode(401)
            .body("code", equalTo("SIGNATURE_ALREADY_USED"));

        // One order of 100 took 100 of the 500: the replays moved nothing.
        given().get("/api/v1/ads/" + adId).then().statusCode(200).body("remaining", equalTo("400.000000"));
    }

    @Test
    void ofIdenticalRequestsSentAtOnceExactlyOneGetsIn() throws Exception
    {
        final Key key = newKey(newUser(), List.of("READ"));
        final long timestamp = SigningClock.next();
        final HttpRequest request = HttpRequest.newBuilder(me)
            .header("X-P2PX-APIKEY", key.keyId())
            .header("X-P2PX-TIMESTAMP", String.valueOf(timestamp))
            .header("X-P2PX-SIGNATURE", hmac(key.secret(), timestamp + "\nGET\n/api/v1/account/me\n\n"))
            .GET().build();
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++)
        {
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        int accepted = 0;
        int replays = 0;
        for (final CompletableFuture<HttpResponse<String>> answer : answers)
        {
            final HttpResponse<String> response = answer.join();
            if (response.statusCode() == 200)
            {
                accepted++;
            }
            else if (response.statusCode() == 401 && response.body().contains("SIGNATURE_ALREADY_USED"))
            {
                replays++;
            }
        }
        assertEquals(1, accepted, "accepted");
        assertEquals(7, replays, "refused as replays");
    }

    @Test
    void aSignatureIsForgottenOnlyOnceItsTimestampHasLeftTheWindow()
    {
        final long timestamp = 1_700_000_000_000L;
        final String signature = "%064x".formatted(System.nanoTime());
        QuarkusTransaction.requiringNew().run(() -> usedSignatures.claim(signature, timestamp));
        usedSignatures.sweep(timestamp + 5_000);
        assertThrows(AuthenticationFailedException.class,
            () -> QuarkusTransaction.requiringNew().run(() -> usedSignatures.claim(signature, timestamp)));
        // The receive window is 5 s and a row stays a second longer.
        usedSignatures.sweep(timestamp + 6_001);
        QuarkusTransaction.requiringNew().run(() -> usedSignatures.claim(signature, timestamp));
    }

    private static RequestSpecification sent(final Key key, final long timestamp, final String signature, final String body)
    {
        return given().urlEncodingEnabled(false).contentType(ContentType.JSON)
            .header("X-P2PX-APIKEY", key.keyId())
            .header("X-P2PX-TIMESTAMP", String.valueOf(timestamp))
            .header("X-P2PX-SIGNATURE", signature)
            .body(body);
    }
}
