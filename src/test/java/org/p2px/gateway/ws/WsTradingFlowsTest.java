package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.deposit;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.p2px.notice.Notice;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Whole trades over real WebSocket connections: every step is an op, every party follows its orders, balances
 * and chat by subscription, and each channel's pushes are numbered one by one from the snapshot.
 */
@QuarkusTest
class WsTradingFlowsTest
{
    private static final AtomicInteger IDS = new AtomicInteger();

    @TestHTTPResource("/ws")
    URI uri;

    @Inject
    ShiftableClock clock;
    @Inject
    Event<Notice> notices;

    /** A signed-in connection that checks the seq of every push it reads. */
    private final class Party implements AutoCloseable
    {
        final Trader trader;
        final WsClient client;
        final Map<String, Long> lastSeq = new HashMap<>();

        Party(final Trader trader, final String... channels)
        {
            this.trader = trader;
            this.client = WsClient.open(uri, Map.of("Authorization", "Bearer " + trader.token()), List.of(), false);
            for (final String channel : channels)
            {
                final JsonNode reply = client.request(id(), "subscribe", Map.of("channel", channel));
                assertTrue(reply.get("ok").asBoolean(), reply::toString);
                final JsonNode snapshot = push(channel);
                assertEquals("snapshot", snapshot.get("type").asText());
            }
        }

        /** The op's result; fails on an error reply. */
        JsonNode ok(final String op, final Object args)
        {
            final JsonNode reply = client.request(id(), op, args);
            assertTrue(reply.get("ok").asBoolean(), () -> op + " answered " + reply);
            return reply.get("result");
        }

        /** The op's error code; fails on success. */
        String refused(final String op, final Object args)
        {
            final JsonNode reply = client.request(id(), op, args);
            assertTrue(!reply.get("ok").asBoolean(), () -> op + " was accepted: " + reply);
            return reply.get("error").get("code").asText();
        }

        JsonNode push(final String channel)
        {
            final JsonNode push = client.push(channel);
            final long seq = push.get("seq").asLong();
            final Long previous = lastSeq.put(channel, seq);
            if (Channels.isPublic(channel) && previous != null)
            {
                // Numbered by the engine's batch: after the last one, for a copy at prev or later.
                assertTrue(push.get("prev").asLong() <= previous && seq > previous, () -> "seq on " + channel
                    + " after " + previous + ": " + push);
                return push;
            }
            // A private channel starts at 1 and counts up by one; a public one starts at its snapshot's batch.
            final long expected = previous == null ? (Channels.isPublic(channel) ? seq : 1) : previous + 1;
            assertEquals(expected, seq, () -> "seq on " + channel + ": " + push);
            return push;
        }

        /** Reads pushes on the channel until one's data matches. */
        JsonNode awaitPush(final String channel, final Predicate<JsonNode> wanted)
        {
            for (int i = 0; i < 50; i++)
            {
                final JsonNode push = push(channel);
                if (wanted.test(push.get("data")))
                {
                    return push.get("data");
                }
            }
            throw new AssertionError("no matching push on " + channel);
        }

        JsonNode awaitOrder(final long orderId, final String state)
        {
            return awaitPush("orders", order -> order.get("id").asLong() == orderId && state.equals(order.get("state").asText()));
        }

        @Override
        public void close()
        {
            client.close();
        }
    }

    @Test
    void aTradeOverTheWebSocketWithPushesToBothPartiesAndChat()
    {
        final String market = newMarket();
        final String asset = assetOf(market);
        final Trader sellerUser = newUser("MERCHANT");
        deposit(sellerUser.id(), asset, "1000");
        try (Party seller = new Party(sellerUser, "orders", "balances", "chat", "book." + market);
             Party buyer = new Party(newUser(), "orders", "balances", "chat"))
        {
            final JsonNode ad = seller.ok("ad.create", sellAd(market));
            final long adId = ad.get("id").asLong();
            assertEquals("ONLINE", ad.get("status").asText());
            final JsonNode book = seller.awaitPush("book." + market, data -> data.path("changes").size() == 1
                && "SELL".equals(data.get("changes").get(0).get("side").asText())
                && data.get("changes").get(0).get("upserts").size() == 1).get("changes").get(0);
            assertEquals(adId, book.get("upserts").get(0).get("ad").get("id").asLong());
            assertEquals(0, book.get("upserts").get(0).get("position").asInt());

            final JsonNode opened = buyer.ok("order.take", Map.of("adId", adId, "amount", "92", "paymentMethod", "SEPA"));
            final long orderId = opened.get("id").asLong();
            assertEquals("PENDING_PAYMENT", opened.get("state").asText());
            seller.awaitOrder(orderId, "PENDING_PAYMENT");
            buyer.awaitOrder(orderId, "PENDING_PAYMENT");
            buyer.awaitPush("chat", line -> line.get("orderId").asLong() == orderId && "AUTO_REPLY".equals(line.get("kind").asText()));

            buyer.ok("chat.send", Map.of("orderId", orderId, "text", "Sent by SEPA, reference 4711."));
            final JsonNode line = seller.awaitPush("chat", l -> "USER".equals(l.get("kind").asText()));
            assertEquals("Sent by SEPA, reference 4711.", line.get("text").asText());
            assertEquals(buyer.trader.id(), line.get("authorId").asLong());
            buyer.awaitPush("chat", l -> "USER".equals(l.get("kind").asText()));

            buyer.ok("order.paid", Map.of("orderId", orderId));
            seller.awaitOrder(orderId, "PAID");
            assertEquals("SECOND_FACTOR_REQUIRED", seller.refused("order.release", Map.of("orderId", orderId)));
            assertEquals("NOT_SELLER", buyer.refused("order.release", Map.of("orderId", orderId, "fundPassword", FUND_PASSWORD)));
            seller.ok("order.release", Map.of("orderId", orderId, "fundPassword", FUND_PASSWORD));
            buyer.awaitOrder(orderId, "COMPLETED");
            seller.awaitOrder(orderId, "COMPLETED");
            final JsonNode balance = buyer.awaitPush("balances", b -> asset.equals(b.get("asset").asText()));
            assertEquals(0, new BigDecimal("100").compareTo(new BigDecimal(balance.get("available").asText())));
            assertEquals(1, buyer.ok("orders.mine", Map.of("state", "COMPLETED")).get("total").asInt());
        }
    }

    @Test
    void cancelExpiryAndBothDisputeOutcomesArePushed()
    {
        final String market = newMarket();
        final Trader sellerUser = newUser("MERCHANT");
        deposit(sellerUser.id(), assetOf(market), "1000");
        try (Party seller = new Party(sellerUser, "orders");
             Party buyer = new Party(newUser(), "orders");
             Party arbiter = new Party(newUser("ARBITER")))
        {
            final long adId = seller.ok("ad.create", sellAd(market)).get("id").asLong();
            final long cancelled = take(buyer, adId, "46");
            buyer.ok("order.cancel", Map.of("orderId", cancelled));
            assertEquals("BY_BUYER", seller.awaitOrder(cancelled, "CANCELLED").get("cancelReason").asText());

            final long released = take(buyer, adId, "92");
            final long refunded = take(buyer, adId, "46");
            buyer.ok("order.paid", Map.of("orderId", released));
            buyer.ok("order.paid", Map.of("orderId", refunded));
            // A new taker holds at most two unpaid orders: the third is taken once the first two are paid.
            final long expired = take(buyer, adId, "20");
            clock.advance(Duration.ofMinutes(16).toMillis());
            seller.awaitOrder(expired, "EXPIRED");
            buyer.ok("order.appeal", Map.of("orderId", released));
            seller.ok("order.appeal", Map.of("orderId", refunded));
            buyer.awaitOrder(refunded, "DISPUTED");

            arbiter.ok("chat.send", Map.of("orderId", released, "text", "Arbiter here: please upload the receipt."));
            arbiter.ok("order.resolve", Map.of("orderId", released, "outcome", "RELEASE"));
            arbiter.ok("order.resolve", Map.of("orderId", refunded, "outcome", "REFUND"));
            buyer.awaitOrder(released, "COMPLETED");
            assertEquals("ARBITER_REFUND", buyer.awaitOrder(refunded, "CANCELLED").get("cancelReason").asText());
        }
    }

    @Test
    void expressSplitsAcrossAdsOverTheWebSocket()
    {
        final String market = newMarket();
        final Trader cheapUser = newUser("MERCHANT");
        final Trader dearerUser = newUser("MERCHANT");
        deposit(cheapUser.id(), assetOf(market), "1000");
        deposit(dearerUser.id(), assetOf(market), "1000");
        try (Party cheap = new Party(cheapUser, "orders");
             Party dearer = new Party(dearerUser);
             Party buyer = new Party(newUser()))
        {
            cheap.ok("ad.create", ad(market, "0.9200", "100"));
            dearer.ok("ad.create", ad(market, "0.9300", "100"));
            final JsonNode book = buyer.ok("book.get", Map.of("market", market, "side", "SELL"));
            assertEquals("0.9200", book.get("ads").get(0).get("price").asText());
            final JsonNode orders = buyer.ok("order.express", Map.of("market", market, "side", "BUY", "amount", "150",
                "paymentMethods", List.of("SEPA"), "allowSplit", true)).get("orders");
            assertEquals(2, orders.size());
            cheap.awaitOrder(orders.get(0).get("id").asLong(), "PENDING_PAYMENT");
        }
    }

    @Test
    void adOperationsAnswerTheAdAfterTheirOwnChangeAndTheirBalancePushComesFirst()
    {
        final String market = newMarket();
        final Trader sellerUser = newUser("MERCHANT");
        deposit(sellerUser.id(), assetOf(market), "1000");
        try (Party seller = new Party(sellerUser, "balances", "book." + market))
        {
            final long adId = seller.ok("ad.create", sellAd(market)).get("id").asLong();
            final JsonNode more = seller.ok("ad.quantity", Map.of("adId", adId, "delta", "25.5"));
            assertEquals("525.500000", more.get("remaining").asText());
            // The reservation grew: the balance push of that batch was on the wire before the answer; the book's
            // delta (market data) is not held before it, but comes.
            final JsonNode balance = seller.client.pushedBefore("balances");
            assertTrue(balance != null, "a balance push before the reply");
            seller.awaitPush("book." + market, delta -> delta.path("changes").findValuesAsText("remaining")
                .contains("525.500000"));
            final JsonNode less = seller.ok("ad.quantity", Map.of("adId", adId, "delta", "-100"));
            assertEquals("425.500000", less.get("remaining").asText());
            assertEquals("OFFLINE", seller.ok("ad.status", Map.of("adId", adId, "status", "OFFLINE")).get("status").asText());
            final JsonNode edited = seller.ok("ad.update", Map.of("adId", adId, "terms", Map.of("priceType", "FIXED",
                "price", "0.9300", "minFiat", "20", "maxFiat", "300", "paymentMethods", List.of("SEPA"))));
            assertEquals("0.9300", edited.get("price").asText());
            assertEquals("CLOSED", seller.ok("ad.close", Map.of("adId", adId)).get("status").asText());
            assertEquals("CLOSED", seller.ok("ad.get", Map.of("adId", adId)).get("status").asText());
        }
    }

    @Test
    void aClientThatReconnectsDuringHeavyTrafficGetsACoherentSnapshotThenGapFreeUpdates() throws Exception
    {
        final String market = newMarket();
        final Trader sellerUser = newUser("MERCHANT");
        deposit(sellerUser.id(), assetOf(market), "100000");
        final long adId;
        try (Party seller = new Party(sellerUser))
        {
            adId = seller.ok("ad.create", Map.of("market", market, "side", "SELL", "quantity", "50000",
                "terms", Map.of("priceType", "FIXED", "price", "0.9200", "minFiat", "10", "maxFiat", "5000",
                    "paymentMethods", List.of("SEPA")))).get("id").asLong();
        }
        final List<Trader> buyers = List.of(newUser(), newUser(), newUser(), newUser());
        final AtomicBoolean trading = new AtomicBoolean(true);
        final List<Thread> traffic = new java.util.ArrayList<>();
        for (final Trader buyer : buyers)
        {
            // Each buyer trades with the seller every 100 ms (take, paid, release: under the per-connection rate
            // limit, and no cancel limit to run into): the book and the seller's orders change all the time.
            final Thread thread = new Thread(() ->
            {
                try (Party party = new Party(buyer); Party seller = new Party(sellerUser))
                {
                    while (trading.get())
                    {
                        final long orderId = take(party, adId, "11");
                        party.ok("order.paid", Map.of("orderId", orderId));
                        seller.ok("order.release", Map.of("orderId", orderId, "fundPassword", FUND_PASSWORD));
                        Thread.sleep(100);
                    }
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            traffic.add(thread);
        }
        try
        {
            for (int reconnect = 0; reconnect < 3; reconnect++)
            {
                // Party checks each channel's seq: private from 1 by one, public chained by prev from the snapshot's.
                try (Party watcher = new Party(sellerUser, "orders", "book." + market))
                {
                    for (int i = 0; i < 40; i++)
                    {
                        watcher.push(i % 2 == 0 ? "orders" : "book." + market);
                    }
                }
            }
        }
        finally
        {
            trading.set(false);
            for (final Thread thread : traffic)
            {
                thread.join(10_000);
            }
        }
        // Quiet now: a last client's snapshot agrees with what the ad and the orders are.
        try (Party watcher = new Party(sellerUser))
        {
            watcher.client.request(id(), "subscribe", Map.of("channel", "book." + market));
            final JsonNode book = watcher.client.push("book." + market).get("data");
            final JsonNode ad = watcher.ok("ad.get", Map.of("adId", adId));
            assertEquals(ad.get("remaining").asText(), book.get("sell").get(0).get("remaining").asText());
            assertEquals("0.000000", ad.get("frozen").asText());
            watcher.client.request(id(), "subscribe", Map.of("channel", "orders"));
            assertEquals(0, watcher.client.push("orders").get("data").get("orders").size());
        }
    }

    @Test
    void aChatLineOverTheWebSocketCarriesAProofUploadedOverRest() throws Exception
    {
        final String market = newMarket();
        try (Party seller = new Party(merchantHolding(market), "chat");
             Party buyer = new Party(newUser(), "chat"))
        {
            final long orderId = orderBetween(seller, buyer, market);
            final long receipt = uploadPng(buyer.trader, orderId);
            final long sellersOwn = uploadPng(seller.trader, orderId);

            assertEquals("VALIDATION_FAILED", buyer.refused("chat.send",
                Map.of("orderId", orderId, "text", "not mine", "attachmentIds", List.of(sellersOwn))));
            final JsonNode reply = buyer.ok("chat.send",
                Map.of("orderId", orderId, "text", "Paid, receipt attached.", "attachmentIds", List.of(receipt)));
            assertEquals(receipt, reply.get("attachments").get(0).get("id").asLong());

            final JsonNode line = seller.awaitPush("chat", l -> "USER".equals(l.get("kind").asText()));
            assertEquals(1, line.get("attachments").size(), line::toString);
            final JsonNode attachment = line.get("attachments").get(0);
            assertEquals(receipt, attachment.get("id").asLong());
            assertEquals("receipt.png", attachment.get("fileName").asText());
            assertEquals("image/png", attachment.get("mediaType").asText());
            assertEquals(64, attachment.get("sha256").asText().length());
        }
    }

    /**
     * A line another gateway sharing the database stored reaches both parties here once its notice comes (as the
     * listener fires it); a notice that names no line of that order pushes nothing.
     */
    @Test
    void aChatLineAnotherGatewayStoredIsPushedHereOnItsNotice()
    {
        final String market = newMarket();
        try (Party seller = new Party(merchantHolding(market), "chat");
             Party buyer = new Party(newUser(), "chat"))
        {
            final long orderId = orderBetween(seller, buyer, market);
            final long lineId = storedElsewhere(orderId, buyer.trader.id(), "Paid through gateway 2.");

            notices.fire(new Notice.ChatLine(99, lineId, orderId + 1_000_000));
            notices.fire(new Notice.ChatLine(99, lineId + 1_000_000, orderId));
            notices.fire(new Notice.ChatLine(99, lineId, orderId));

            for (final Party party : List.of(seller, buyer))
            {
                final JsonNode line = party.awaitPush("chat", l -> "USER".equals(l.get("kind").asText()));
                assertEquals(lineId, line.get("id").asLong(), line::toString);
                assertEquals("Paid through gateway 2.", line.get("text").asText());
                assertEquals(buyer.trader.username(), line.get("authorName").asText());
            }
        }
    }

    private static long storedElsewhere(final long orderId, final long authorId, final String text)
    {
        return QuarkusTransaction.requiringNew().call(() ->
        {
            final ChatMessageRow row = new ChatMessageRow();
            row.orderId = orderId;
            row.authorId = authorId;
            row.kind = "USER";
            row.text = text;
            row.sentAt = Instant.now();
            row.persist();
            return row.id;
        });
    }

    @Test
    void anAppealOverTheWebSocketCarriesEvidenceUploadedOverRestWithTheChecksOfRest() throws Exception
    {
        final String market = newMarket();
        try (Party seller = new Party(merchantHolding(market), "chat");
             Party buyer = new Party(newUser(), "chat"))
        {
            final long orderId = orderBetween(seller, buyer, market);
            final long receipt = uploadPng(buyer.trader, orderId);
            final long sellersOwn = uploadPng(seller.trader, orderId);
            buyer.ok("chat.send", Map.of("orderId", orderId, "text", "Paid.", "attachmentIds", List.of(receipt)));
            buyer.ok("order.paid", Map.of("orderId", orderId));
            assertEquals("INVALID_ORDER_STATE", buyer.refused("order.appeal_evidence",
                Map.of("orderId", orderId, "statement", "too early")));
            clock.advance(Duration.ofMinutes(11).toMillis());

            // Refused statements open nothing, with REST's codes.
            assertEquals("VALIDATION_FAILED", buyer.refused("order.appeal",
                Map.of("orderId", orderId, "statement", "see", "attachmentIds", List.of(sellersOwn))));
            assertEquals("VALIDATION_FAILED", buyer.refused("order.appeal",
                Map.of("orderId", orderId, "statement", "x".repeat(2001))));
            assertEquals("MALFORMED_REQUEST", buyer.refused("order.appeal",
                Map.of("orderId", orderId, "statement", 42)));
            assertEquals("PAID", buyer.ok("order.get", Map.of("orderId", orderId)).get("state").asText());

            // The receipt shown in the chat is cited by the appeal, not uploaded again.
            assertEquals("DISPUTED", buyer.ok("order.appeal", Map.of("orderId", orderId,
                "statement", "I paid 92 EUR, see the receipt", "attachmentIds", List.of(receipt))).get("state").asText());
            final JsonNode opening = seller.awaitPush("chat", l -> "EVIDENCE".equals(l.get("kind").asText()));
            assertEquals(receipt, opening.get("attachments").get(0).get("id").asLong(), opening::toString);

            final JsonNode answer = seller.ok("order.appeal_evidence", Map.of("orderId", orderId,
                "statement", "Nothing arrived", "attachmentIds", List.of(sellersOwn)));
            assertEquals("SELLER", answer.get("role").asText());
            assertEquals(sellersOwn, answer.get("attachments").get(0).get("id").asLong());
            assertEquals("/api/v1/orders/" + orderId + "/attachments/" + sellersOwn,
                answer.get("attachments").get(0).get("downloadUrl").asText());
            assertEquals("VALIDATION_FAILED", seller.refused("order.appeal_evidence", Map.of("orderId", orderId)));
            assertEquals("VALIDATION_FAILED", seller.refused("order.appeal_evidence",
                Map.of("orderId", orderId, "attachmentIds", List.of(receipt))));
            RestAssured.given().auth().oauth2(seller.trader.token()).get("/api/v1/orders/" + orderId + "/appeal")
                .then().statusCode(200).body("statements.role", org.hamcrest.Matchers.equalTo(List.of("BUYER", "SELLER")));
        }
    }

    /** A merchant with 1000 of the market's asset to sell. */
    private static Trader merchantHolding(final String market)
    {
        final Trader merchant = newUser("MERCHANT");
        deposit(merchant.id(), assetOf(market), "1000");
        return merchant;
    }

    /** An order of 92 EUR the buyer takes from an ad the seller posts. */
    private static long orderBetween(final Party seller, final Party buyer, final String market)
    {
        return take(buyer, seller.ok("ad.create", sellAd(market)).get("id").asLong(), "92");
    }

    /** A small PNG uploaded over REST, as the web UI and bots do before they refer to it in a chat line. */
    private static long uploadPng(final Trader who, final long orderId) throws IOException
    {
        final ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        return RestAssured.given().auth().oauth2(who.token())
            .multiPart("file", "receipt.png", png.toByteArray(), "image/png")
            .post("/api/v1/orders/" + orderId + "/attachments")
            .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long take(final Party buyer, final long adId, final String amount)
    {
        return buyer.ok("order.take", Map.of("adId", adId, "amount", amount, "paymentMethod", "SEPA")).get("id").asLong();
    }

    private static Map<String, Object> sellAd(final String market)
    {
        return ad(market, "0.9200", "500");
    }

    private static Map<String, Object> ad(final String market, final String price, final String maxFiat)
    {
        return Map.of("market", market, "side", "SELL", "quantity", "500",
            "terms", Map.of("priceType", "FIXED", "price", price, "minFiat", "10", "maxFiat", maxFiat,
                "paymentMethods", List.of("SEPA", "WISE"), "autoReply", "Hello from the merchant."));
    }

    private static String id()
    {
        return "r-" + IDS.incrementAndGet();
    }
}
