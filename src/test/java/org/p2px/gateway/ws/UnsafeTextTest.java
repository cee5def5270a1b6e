package org.p2px.gateway.ws;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Text one user writes and another reads holds no control characters and no bidi embeddings, overrides or isolates
 * (a right-to-left override shows an IBAN's digits turned around), as a chat line does: an ad's terms and
 * auto-reply, a payment account's holder and details, a rating's comment, an appeal's statement. Each is refused
 * with VALIDATION_FAILED naming the field and the character, the same over REST and the WebSocket, and nothing is
 * stored.
 */
@QuarkusTest
class UnsafeTextTest
{
    /** Turns what follows around on screen. */
    private static final String OVERRIDE = "DE89 3704 \u202E0044 0532";
    /** A terminal escape: red text in a console. */
    private static final String ESCAPE = "pay now \u001b[31m";
    private static final String NUL = "nul \u0000";
    private static final String ISOLATE = "isolate \u2067x\u2069";
    private static final String LINES = "two\nlines";
    private static final String TAB = "a\ttab";
    /** Each text's first character refused. */
    private static final Map<String, String> REFUSED = Map.of(OVERRIDE, "202E", ESCAPE, "001B", NUL, "0000",
        ISOLATE, "2067", LINES, "000A", TAB, "0009");
    private static final String IBAN = "DE89 3704 0044 0532 0130 00";

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    ShiftableClock clock;

    @Test
    void anAdsTermsAndAutoReplyAreRefusedAndNothingIsStored()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        final String adPath = "/api/v1/ads/" + adId;
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + seller.token()), List.of(), false))
        {
            for (final String field : List.of("terms", "autoReply"))
            {
                for (final String text : List.of(OVERRIDE, ESCAPE, NUL, ISOLATE))
                {
                    final String message = refusal(field, text);
                    final Map<String, Object> ad = Map.of("market", market, "side", "SELL", "quantity", "10",
                        "terms", ErrorParityTest.terms(field, text));
                    ErrorParityTest.same(ws, seller, "POST", "/api/v1/ads", ad, "ad.create", ad, "VALIDATION_FAILED",
                        message);
                    ErrorParityTest.same(ws, seller, "PUT", adPath, ErrorParityTest.terms(field, text),
                        "ad.update", Map.of("adId", adId, "terms", ErrorParityTest.terms(field, text)),
                        "VALIDATION_FAILED", message);
                }
            }
        }
        seller.request().get("/api/v1/me/ads").then().statusCode(200).body("", hasSize(1));
        seller.request().get(adPath).then().statusCode(200).body("terms", equalTo(""))
            .body("autoReply", equalTo("Thanks! Pay by SEPA please."));
        // Multi-line texts keep their line breaks and tabs, as a chat line does.
        seller.request().body(ErrorParityTest.terms("terms", "Bank transfer only.\n\tNo third parties.")).put(adPath)
            .then().statusCode(200).body("terms", equalTo("Bank transfer only.\n\tNo third parties."));
    }

    @Test
    void aPaymentAccountsHolderAndDetailsAreRefusedAndNothingIsStored()
    {
        final Trader user = newUser();
        final String path = "/api/v1/account/payment-accounts/SEPA";
        user.request().body(Map.of("holder", "Ana Example", "details", IBAN)).put(path).then().statusCode(200);
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + user.token()), List.of(), false))
        {
            for (final String field : List.of("holder", "details"))
            {
                // Single lines: a line break or a tab is refused too.
                for (final String text : List.of(OVERRIDE, ESCAPE, NUL, LINES, TAB))
                {
                    final Map<String, Object> body = new HashMap<>(Map.of("holder", "Ana", "details", IBAN));
                    body.put(field, text);
                    final Map<String, Object> args = new HashMap<>(body);
                    args.put("method", "SEPA");
                    ErrorParityTest.same(ws, user, "PUT", path, body, "payment_account.set", args, "VALIDATION_FAILED",
                        refusal(field, text));
                }
            }
        }
        user.request().get("/api/v1/account/payment-accounts").then().statusCode(200).body("", hasSize(1))
            .body("[0].holder", equalTo("Ana Example")).body("[0].details", equalTo(IBAN));
    }

    @Test
    void aRatingsCommentIsRefusedAndNothingIsStored()
    {
        final PaidOrder paid = paidOrder();
        final Trader seller = paid.seller();
        final Trader buyer = paid.buyer();
        final long orderId = paid.orderId();
        seller.request().body(Map.of("fundPassword", FUND_PASSWORD)).post("/api/v1/orders/" + orderId + "/release")
            .then().statusCode(200);
        final String feedbackList = "/api/v1/users/" + seller.id() + "/feedback";
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + buyer.token()), List.of(), false))
        {
            for (final String text : List.of(OVERRIDE, ESCAPE, NUL))
            {
                ErrorParityTest.same(ws, buyer, "POST", "/api/v1/orders/" + orderId + "/feedback",
                    Map.of("positive", true, "comment", text), "feedback.leave",
                    Map.of("orderId", orderId, "positive", true, "comment", text), "VALIDATION_FAILED",
                    refusal("comment", text));
            }
        }
        buyer.request().get(feedbackList).then().statusCode(200).body("items", empty());
        buyer.request().body(Map.of("positive", true, "comment", "Quick.\nWould trade again."))
            .post("/api/v1/orders/" + orderId + "/feedback").then().statusCode(201);
        buyer.request().get(feedbackList).then().statusCode(200)
            .body("items.comment", equalTo(List.of("Quick.\nWould trade again.")));
    }

    @Test
    void anAppealsStatementIsRefusedNamingItsFieldAndOpensNothing()
    {
        final PaidOrder paid = paidOrder();
        final Trader buyer = paid.buyer();
        final long orderId = paid.orderId();
        clock.advance(Duration.ofMinutes(11).toMillis());
        final String appealPath = "/api/v1/orders/" + orderId + "/appeal";
        try (WsClient ws = WsClient.open(uri, Map.of("Authorization", "Bearer " + buyer.token()), List.of(), false))
        {
            for (final String text : List.of(OVERRIDE, ESCAPE, NUL))
            {
                ErrorParityTest.same(ws, buyer, "POST", appealPath, Map.of("statement", text), "order.appeal",
                    Map.of("orderId", orderId, "statement", text), "VALIDATION_FAILED", refusal("statement", text));
            }
            buyer.request().get("/api/v1/orders/" + orderId).then().statusCode(200).body("state", equalTo("PAID"));
            buyer.request().body(Map.of("statement", "Paid in full.\nReceipt to follow.")).post(appealPath)
                .then().statusCode(200).body("state", equalTo("DISPUTED"));
            for (final String text : List.of(OVERRIDE, ESCAPE))
            {
                ErrorParityTest.same(ws, buyer, "POST", appealPath + "/evidence", Map.of("statement", text),
                    "order.appeal_evidence", Map.of("orderId", orderId, "statement", text), "VALIDATION_FAILED",
                    refusal("statement", text));
            }
        }
        buyer.request().get(appealPath).then().statusCode(200).body("statements", hasSize(1));
    }

    /** An order of 50 EUR its buyer marked paid. */
    private record PaidOrder(Trader seller, Trader buyer, long orderId)
    {
    }

    private static PaidOrder paidOrder()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final long adId = postAd(seller, market, "SELL", "100", "0.9200", "10", "500");
        final Trader buyer = newUser();
        final long orderId = take(buyer, adId, "50");
        buyer.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
        return new PaidOrder(seller, buyer, orderId);
    }

    /** The refusal of {@code text} in {@code field}: its first control or text-direction character. */
    private static String refusal(final String field, final String text)
    {
        return field + " must not hold control or text-direction characters (U+" + REFUSED.get(text) + ").";
    }
}
