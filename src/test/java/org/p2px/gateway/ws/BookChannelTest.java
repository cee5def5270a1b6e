package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.catalog.Catalog;
import org.p2px.codec.Side;
import org.p2px.core.AdSnapshot;
import org.p2px.gateway.Pushes;
import org.p2px.gateway.feed.MarketFeeds;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.server.CoreCommands;
import org.p2px.testing.RandomTrading;
import org.p2px.testing.TradingFixture;

/**
 * The book channel as a client keeps it (docs/protocol.md, "Keeping a local book"): after a snapshot and every
 * delta of a seeded random run, a copy built by {@link BookReplica} equals the server's window and agrees with
 * each checksum; a client that subscribes in the middle of the run, or reconnects, ends up equal too; a client
 * that stops reading is conflated rather than queued or closed, and the others get every update. Seed:
 * {@code -Dp2px.book.seed=N}, steps {@code -Dp2px.book.steps=N}.
 */
@QuarkusTest
class BookChannelTest
{
    private static final int STEPS = Integer.getInteger("p2px.book.steps", 300);
    private static final long WAIT_MS = 10_000;

    @TestHTTPResource("/ws")
    URI uri;
    @Inject
    CoreCommands core;
    @Inject
    Catalog catalog;
    @Inject
    ViewMapper views;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pushes pushes;

    @Test
    void aClientsCopyFollowsTheServersBookThroughASeededRandomRun()
    {
        final long seed = Long.getLong("p2px.book.seed", 20_261_205L);
        System.out.println("BookChannelTest seed " + seed + " (-Dp2px.book.seed=" + seed + ")");
        final RandomTrading trading = new RandomTrading(core, catalog, new SplittableRandom(seed), 6);
        // More ads than the window holds on each side, so that ads are pushed out of it and come back.
        for (int i = 0; i < 2 * MarketFeeds.DEPTH + 30; i++)
        {
            trading.postAd(trading.anyUser());
        }
        final String channel = "book." + trading.market().symbol();
        final Set<String> reasons = new HashSet<>();
        Watcher late = null;
        BookReplica away = null;
        try (Watcher first = new Watcher(channel))
        {
            first.awaitEqual(trading, seed, -1);
            for (int step = 0; step < STEPS; step++)
            {
                trading.step();
                if (step == STEPS / 3)
                {
                    // In the middle of the run, without waiting for anything: no update lost or applied twice.
                    late = new Watcher(channel);
                }
                else if (step == 2 * STEPS / 3)
                {
                    // Reconnects a little later, resuming from its copy's seq: sent what it missed, no snapshot.
                    late.drain();
                    late.close();
                    away = late.replica;
                }
                else if (step == 2 * STEPS / 3 + 10)
                {
                    late = new Watcher(channel, away);
                    assertTrue(late.resumed, "resumed from seq " + away.seq());
                }
                first.awaitEqual(trading, seed, step);
            }
            late.awaitEqual(trading, seed, STEPS);
            reasons.addAll(first.reasons);
            assertEquals(List.of(), first.replica.problems(), "seed " + seed);
            assertEquals(List.of(), late.replica.problems(), "seed " + seed);
            assertTrue(first.replica.deltas() > STEPS / 3, "deltas: " + first.replica.deltas());
            assertEquals(1, first.replica.snapshots());
            assertEquals(1, late.replica.snapshots(), "the resumed copy was never replaced");
        }
        finally
        {
            if (late != null)
            {
                late.close();
            }
        }
        assertTrue(reasons.containsAll(List.of("OUT_OF_WINDOW", "CLOSED", "OFFLINE")), "removal reasons seen: " + reasons);
    }

    @Test
    void aCopyUpToDateResumesWithNothingAndOneThisServerCannotContinueGetsASnapshot()
    {
        final RandomTrading trading = new RandomTrading(core, catalog, new SplittableRandom(11), 4);
        trading.postAd(trading.anyUser());
        final String channel = "book." + trading.market().symbol();
        try (WsClient watcher = WsClient.open(uri); WsClient client = WsClient.open(uri))
        {
            watcher.request("s-1", "subscribe", Map.of("channel", channel));
            final long at = watcher.push(channel).get("seq").asLong();

            final JsonNode upToDate = client.request("s-2", "subscribe", Map.of("channel", channel, "since", at));
            assertTrue(upToDate.get("result").get("resumed").asBoolean(), upToDate.toString());
            assertEquals(null, client.pushWithin(channel, 200), "nothing changed since: nothing is sent");
            client.request("s-3", "unsubscribe", Map.of("channel", channel));

            // Before this server followed the book (its chain starts at the first subscriber's snapshot), and
            // beyond the batch its view has applied: a snapshot either way.
            for (final long since : new long[] {at - 1, at + 1_000_000})
            {
                final JsonNode reply = client.request("s-4", "subscribe", Map.of("channel", channel, "since", since));
                assertFalse(reply.get("result").get("resumed").asBoolean(), reply.toString());
                assertEquals("snapshot", client.push(channel).get("type").asText());
                client.request("s-5", "unsubscribe", Map.of("channel", channel));
            }

            assertEquals("MALFORMED_REQUEST", client.request("s-6", "subscribe",
                Map.of("channel", channel, "since", "12")).get("error").get("code").asText());
            assertEquals("VALIDATION_FAILED", client.request("s-7", "subscribe",
                Map.of("channel", channel, "since", -1)).get("error").get("code").asText());
        }
    }

    @Test
    void aCopyThatMissedMoreThanASlowClientMayHaveWaitingGetsASnapshot()
    {
        final RandomTrading trading = new RandomTrading(core, catalog, new SplittableRandom(13), 4);
        // An ad may be edited 10 times in 5 minutes: 31 ads, each edited at most 10 times below.
        final List<Long> adIds = new ArrayList<>();
        for (int i = 0; i < 31; i++)
        {
            adIds.add(trading.postAd(trading.anyUser()));
        }
        final String channel = "book." + trading.market().symbol();
        try (WsClient watcher = WsClient.open(uri); WsClient client = WsClient.open(uri))
        {
            watcher.request("s-1", "subscribe", Map.of("channel", channel));
            final long start = watcher.push(channel).get("seq").asLong();
            final List<Long> seqs = new ArrayList<>();
            // One delta a command: 300 changes, more than the 256 frames a slow client may have waiting.
            for (int i = 0; i < 300; i++)
            {
                final long adId = adIds.get(i % adIds.size());
                final long ownerId = core.read(state -> state.ad(adId)).ownerId();
                trading.send((p, b, o, c) -> p.changeAdQuantity(b, o, c, 0, ownerId, adId, -1));
                seqs.add(watcher.push(channel).get("seq").asLong());
            }
            final JsonNode tooFar = client.request("s-2", "subscribe", Map.of("channel", channel, "since", start));
            assertFalse(tooFar.get("result").get("resumed").asBoolean(), tooFar.toString());
            assertEquals("snapshot", client.push(channel).get("type").asText());
            client.request("s-3", "unsubscribe", Map.of("channel", channel));

            // 200 missed: resumed, each of them in order, then nothing more.
            final JsonNode near = client.request("s-4", "subscribe", Map.of("channel", channel, "since", seqs.get(99)));
            assertTrue(near.get("result").get("resumed").asBoolean(), near.toString());
            for (int i = 100; i < 300; i++)
            {
                final JsonNode delta = client.push(channel);
                assertEquals(seqs.get(i), delta.get("seq").asLong());
                assertEquals(seqs.get(i - 1), delta.get("prev").asLong());
            }
            assertEquals(null, client.pushWithin(channel, 200));
        }
    }

    @Test
    void oneAdsChangeIsOneSmallUpdate() throws JsonProcessingException
    {
        final RandomTrading trading = new RandomTrading(core, catalog, new SplittableRandom(7), 12);
        for (int i = 0; i < 130; i++)
        {
            trading.postAd(trading.anyUser());
        }
        final String channel = "book." + trading.market().symbol();
        try (WsClient client = WsClient.open(uri))
        {
            client.request("s-1", "subscribe", Map.of("channel", channel));
            final JsonNode snapshot = client.push(channel);
            final JsonNode best = snapshot.get("data").get("sell").get(0);
            final long adId = best.get("id").asLong();
            final AdSnapshot ad = core.read(state -> state.ad(adId));
            trading.send((p, b, o, c) -> p.changeAdQuantity(b, o, c, 0, ad.ownerId(), adId, -1_000_000L));

            final JsonNode update = client.push(channel);
            // Numbered by the engine's batch: after the snapshot's, from a point the snapshot is at or after.
            assertTrue(update.get("seq").asLong() > snapshot.get("seq").asLong(), update.toString());
            assertTrue(update.get("prev").asLong() <= snapshot.get("seq").asLong(), update.toString());
            assertEquals("delta", update.get("type").asText());
            final JsonNode changes = update.get("data").get("changes");
            assertEquals(1, changes.size());
            assertEquals("SELL", changes.get(0).get("side").asText());
            assertFalse(changes.get(0).get("upserts").get(0).get("ad").has("terms"), "no texts in the book channel");
            final JsonNode upserts = changes.get(0).get("upserts");
            assertEquals(1, upserts.size());
            assertEquals(0, upserts.get(0).get("position").asInt());
            assertEquals(adId, upserts.get(0).get("ad").get("id").asLong());
            final int bytes = WsClient.JSON.writeValueAsString(update).length();
            final int snapshotBytes = WsClient.JSON.writeValueAsString(snapshot).length();
            assertTrue(bytes < 1_024, "a one-ad update takes " + bytes + " bytes (the snapshot " + snapshotBytes + ")");
            assertTrue(snapshotBytes > 30 * bytes, "the snapshot holds the whole window: " + snapshotBytes);
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsConflatedWhileTheOthersGetEveryUpdate() throws InterruptedException
    {
        final String channel = "book." + TradingFixture.newMarket(false);
        try (WsClient normal = WsClient.open(uri).receivingSyntheticPushes();
             WsClient slow = WsClient.open(uri, Map.of(), List.of(), true).receivingSyntheticPushes())
        {
            normal.request("s-1", "subscribe", Map.of("channel", channel));
            final long base = normal.push(channel).get("seq").asLong();
            slow.read(2);
            slow.send(WsClient.json(Map.of("id", "s-1", "op", "subscribe", "args", Map.of("channel", channel))));
            assertTrue(slow.reply("s-1").get("ok").asBoolean());
            assertEquals(base, slow.push(channel).get("seq").asLong());

            // The slow client reads nothing more; updates in rounds the normal client keeps up with, far beyond
            // what the sockets and the slow client's queue hold.
            final String pad = "p".repeat(2_000);
            final int total = 12_000;
            for (int n = 1; n <= total; n++)
            {
                pushes.toChannel(channel, base + n, base + n - 1, "delta", Map.of("n", n, "pad", pad));
                if (n % 100 == 0)
                {
                    awaitReceived(normal, n + 2);
                }
            }
            for (int n = 1; n <= total; n++)
            {
                assertEquals(base + n, normal.push(channel).get("seq").asLong());
            }
            assertFalse(slow.isClosed(), "a slow subscriber of a public channel is not closed");

            // Reading again, it finds what the socket held, then a fresh snapshot instead of the rest.
            slow.resume();
            int updates = 0;
            JsonNode frame = slow.push(channel);
            while (!"snapshot".equals(frame.get("type").asText()))
            {
                updates++;
                frame = slow.push(channel);
            }
            assertTrue(updates < total, "conflated after " + updates + " of " + total + " updates");
            assertEquals(base, frame.get("seq").asLong(), "the fresh snapshot is the channel's state");
            assertFalse(slow.isClosed());
        }
    }

    private static void awaitReceived(final WsClient client, final int frames) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + WAIT_MS;
        while (client.received() < frames && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(2);
        }
    }

    /** One subscriber with its copy of the book. */
    private final class Watcher implements AutoCloseable
    {
        private final WsClient client = WsClient.open(uri);
        private final String channel;
        private final BookReplica replica;
        private final Set<String> reasons = new HashSet<>();
        private final boolean resumed;

        private Watcher(final String channel)
        {
            this.channel = channel;
            this.replica = new BookReplica();
            final JsonNode reply = client.request("s-1", "subscribe", Map.of("channel", channel));
            assertTrue(reply.get("ok").asBoolean());
            this.resumed = reply.get("result").get("resumed").asBoolean();
            assertFalse(resumed);
        }

        /** A client that had a copy, subscribing again on a new connection from that copy's seq. */
        private Watcher(final String channel, final BookReplica copy)
        {
            this.channel = channel;
            this.replica = copy;
            final JsonNode reply = client.request("s-1", "subscribe", Map.of("channel", channel, "since", copy.seq()));
            assertTrue(reply.get("ok").asBoolean());
            this.resumed = reply.get("result").get("resumed").asBoolean();
        }

        private void drain()
        {
            for (JsonNode frame = client.pushWithin(channel, 0); frame != null; frame = client.pushWithin(channel, 0))
            {
                frame.path("data").path("changes").forEach(change ->
                    change.get("removes").forEach(removal -> reasons.add(removal.get("reason").asText())));
                replica.accept(frame);
            }
        }

        /** Waits until the copy equals the server's window after {@code step}; fails with the difference. */
        private void awaitEqual(final RandomTrading trading, final long seed, final int step)
        {
            final List<JsonNode> buy = serverSide(trading, Side.BUY);
            final List<JsonNode> sell = serverSide(trading, Side.SELL);
            final long deadline = System.currentTimeMillis() + WAIT_MS;
            while (true)
            {
                drain();
                if (buy.equals(replica.side("BUY")) && sell.equals(replica.side("SELL")))
                {
                    return;
                }
                if (System.currentTimeMillis() > deadline)
                {
                    fail("seed " + seed + ", step " + step + ": the copy differs from the server's window\nBUY  "
                        + ids(buy) + " vs " + ids(replica.side("BUY")) + "\nSELL " + ids(sell) + " vs "
                        + ids(replica.side("SELL")) + "\nproblems " + replica.problems());
                }
                Thread.onSpinWait();
            }
        }

        private List<JsonNode> serverSide(final RandomTrading trading, final Side side)
        {
            final int marketId = trading.market().id();
            final List<AdSnapshot> ads = core.read(state -> state.book(marketId, side, 0, -1, 0, MarketFeeds.DEPTH));
            try
            {
                final List<JsonNode> nodes = new ArrayList<>(ads.size());
                WsClient.JSON.readTree(mapper.writeValueAsString(ads.stream().map(views::bookAd).toList()))
                    .forEach(nodes::add);
                return nodes;
            }
            catch (final JsonProcessingException ex)
            {
                throw new IllegalStateException(ex);
            }
        }

        private static List<Long> ids(final List<JsonNode> ads)
        {
            return ads.stream().map(ad -> ad.get("id").asLong()).toList();
        }

        @Override
        public void close()
        {
            client.close();
        }
    }
}
