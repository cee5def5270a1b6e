package org.p2px.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.Side;
import org.p2px.core.AdSnapshot;
import org.p2px.core.CoreConfig;
import org.p2px.core.OrderState;
import org.p2px.core.TradingCore;

/** What the projector notes from each batch, driven through every order transition with a controlled clock. */
class ChangeCollectorTest
{
    private static final long SELLER = 10;
    private static final long BUYER = 20;

    private final CoreDriver driver = new CoreDriver().world();
    private final ChangeCollector collector = new ChangeCollector(new TradingCore(CoreConfig.defaults()));
    private int fed;

    @Test
    void disputesAppealsAndAnArbiterReleaseAreNotedInOrder()
    {
        driver.merchant(SELLER, 1_000);
        driver.user(BUYER);
        driver.sellAd(SELLER, 500, new AdTermsSpec().fixed(9_200).limits(1_000, 100_000).paymentMethods(0b1111));
        replayAll();

        driver.takeEur(BUYER, 1, 92);
        driver.markPaid(BUYER, 1);
        driver.advance(11 * CoreDriver.MINUTE);
        driver.appeal(BUYER, 1);
        driver.withdrawAppeal(BUYER, 1);
        driver.advance(31 * CoreDriver.MINUTE);
        driver.tick();
        driver.resolve(1, DisputeOutcome.RELEASE);
        final Changes changes = feed();

        assertEquals(List.of(ChatNote.Topic.OPENED, ChatNote.Topic.AUTO_REPLY, ChatNote.Topic.PAID,
            ChatNote.Topic.DISPUTED, ChatNote.Topic.APPEAL_WITHDRAWN, ChatNote.Topic.DISPUTED,
            ChatNote.Topic.COMPLETED_BY_ARBITER), changes.chat.stream().map(ChatNote::topic).toList());
        assertEquals(BUYER, changes.chat.get(3).detail());
        assertEquals(0, changes.chat.get(5).detail());
        assertEquals(1, changes.chat.get(1).detail());
        final Changes.Finished finished = changes.finishedOrders.get(1L);
        assertEquals(OrderState.COMPLETED, finished.order().state());
        assertNull(finished.cancelReason());
        assertNotNull(changes.disputedAt.get(1L));

        changes.resolve(collector.reader());
        assertEquals(List.of(OrderState.COMPLETED), changes.orders.stream().map(o -> o.state()).toList());
        final AdSnapshot ad = changes.ads.get(0);
        assertEquals(92 * 1_000_000L / 92 * 100, ad.filled());
        assertEquals(0, ad.frozen());
        assertTrue(changes.users.stream().anyMatch(u -> u.userId() == BUYER && u.completedOrders() == 1));
        assertTrue(changes.books.contains(new Changes.BookSide(CoreDriver.MARKET, Side.SELL)));
        assertEquals(driver.core.digest(), collector.replica().digest());
    }

    @Test
    void anExpiredOrderAndAClosedAdAreCopiedBeforeTheyLeaveTheCore()
    {
        driver.merchant(SELLER, 1_000);
        driver.user(BUYER);
        driver.sellAd(SELLER, 500, new AdTermsSpec().fixed(9_200).limits(1_000, 100_000).paymentMethods(0b1111));
        driver.takeEur(BUYER, 1, 92);
        driver.takeEur(BUYER, 1, 46);
        replayAll();

        driver.advance(16 * CoreDriver.MINUTE);
        driver.tick();
        driver.setAdStatus(SELLER, 1, AdStatus.CLOSED);
        final Changes changes = feed();

        assertEquals(List.of(ChatNote.Topic.EXPIRED, ChatNote.Topic.EXPIRED),
            changes.chat.stream().map(ChatNote::topic).toList());
        assertEquals(OrderState.EXPIRED, changes.finishedOrders.get(2L).order().state());
        final AdSnapshot closed = changes.closedAds.get(1L);
        assertEquals(AdStatus.CLOSED, closed.status());
        assertEquals(0, closed.reserved());
        assertEquals(500_000_000L, closed.remaining());

        changes.resolve(collector.reader());
        assertEquals(List.of(AdStatus.CLOSED), changes.ads.stream().map(AdSnapshot::status).toList());
        assertEquals(List.of(new org.p2px.core.BalanceSnapshot(CoreDriver.USDT, 1_000_000_000L, 0)),
            collector.reader().user(SELLER).balances());
        assertEquals(driver.core.digest(), collector.replica().digest());
    }

    /** Feeds what the driver has journaled so far without noting it, as a restart's replay does. */
    private void replayAll()
    {
        for (; fed < driver.batches.size(); fed++)
        {
            final byte[] batch = driver.batches.get(fed);
            collector.replay(new UnsafeBuffer(batch), 0, batch.length);
        }
    }

    /** Feeds the batches journaled since, noting them into one change set. */
    private Changes feed()
    {
        final Changes changes = new Changes();
        for (; fed < driver.batches.size(); fed++)
        {
            final byte[] batch = driver.batches.get(fed);
            collector.apply(fed + 1, new UnsafeBuffer(batch), 0, batch.length, changes);
        }
        return changes;
    }
}
