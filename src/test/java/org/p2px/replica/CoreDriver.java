package org.p2px.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.CommandAdapter;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;

/**
 * A core driven with a clock the test controls, keeping every batch as the journal would: what the projector's
 * replica is fed in tests that need deadlines (expiry, appeals) the engine's wall clock would take minutes to reach.
 * The world: admin 1, arbiter 2, USDT (1, scale 6) against EUR (100, scale 2) in market 1 at 0.9200.
 */
final class CoreDriver
{
    static final long ADMIN = 1;
    static final long ARBITER = 2;
    static final int USDT = 1;
    static final int MARKET = 1;
    static final long MINUTE = 60_000;

    final TradingCore core = new TradingCore(CoreConfig.defaults());
    final List<byte[]> batches = new ArrayList<>();
    private final CommandAdapter adapter = new CommandAdapter(core);
    private final CommandProxy proxy = new CommandProxy();
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[1024]);
    private long correlationId;
    private long now = 1_750_000_000_000L;

    CoreDriver world()
    {
        send(p -> p.registerUser(command, 0, ++correlationId, now, ADMIN, Role.ADMIN, 3));
        send(p -> p.registerUser(command, 0, ++correlationId, now, ARBITER, Role.ARBITER, 3));
        send(p -> p.defineAsset(command, 0, ++correlationId, now, ADMIN, USDT, 6, false));
        send(p -> p.defineAsset(command, 0, ++correlationId, now, ADMIN, 100, 2, true));
        send(p -> p.createMarket(command, 0, ++correlationId, now, ADMIN, MARKET, USDT, 100, 4, 1, 1_000, 10, 0, 0b1111));
        send(p -> p.setIndexPrice(command, 0, ++correlationId, now, ADMIN, MARKET, 9_200));
        return this;
    }

    void merchant(final long id, final long usdt)
    {
        send(p -> p.registerUser(command, 0, ++correlationId, now, id, Role.MERCHANT, 2));
        send(p -> p.deposit(command, 0, ++correlationId, now, ADMIN, id, USDT, usdt * 1_000_000));
    }

    void user(final long id)
    {
        send(p -> p.registerUser(command, 0, ++correlationId, now, id, Role.USER, 1));
    }

    void sellAd(final long owner, final long usdt, final AdTermsSpec terms)
    {
        send(p -> p.createAd(command, 0, ++correlationId, now, owner, MARKET, Side.SELL, usdt * 1_000_000,
            AdStatus.ONLINE, terms));
    }

    void takeEur(final long taker, final long adId, final long eur)
    {
        send(p -> p.takeAd(command, 0, ++correlationId, now, taker, adId, eur * 100, true, 0, 0));
    }

    void markPaid(final long buyer, final long orderId)
    {
        send(p -> p.markPaid(command, 0, ++correlationId, now, buyer, orderId));
    }

    void appeal(final long actor, final long orderId)
    {
        send(p -> p.appeal(command, 0, ++correlationId, now, actor, orderId));
    }

    void withdrawAppeal(final long actor, final long orderId)
    {
        send(p -> p.withdrawAppeal(command, 0, ++correlationId, now, actor, orderId));
    }

    void resolve(final long orderId, final org.p2px.codec.DisputeOutcome outcome)
    {
        send(p -> p.resolveDispute(command, 0, ++correlationId, now, ARBITER, orderId, outcome));
    }

    void setAdStatus(final long owner, final long adId, final AdStatus status)
    {
        send(p -> p.setAdStatus(command, 0, ++correlationId, now, owner, adId, status));
    }

    void tick()
    {
        send(p -> p.tick(command, 0, ++correlationId, now));
    }

    void advance(final long millis)
    {
        now += millis;
    }

    /** Decides one command and keeps its batch (a tick with nothing due leaves none, as in the engine). */
    private void send(final ToIntFunction<CommandProxy> encode)
    {
        adapter.onCommand(command, 0, encode.applyAsInt(proxy));
        if (core.batchLength() > 0)
        {
            final byte[] batch = new byte[core.batchLength()];
            core.batchBuffer().getBytes(0, batch);
            batches.add(batch);
        }
    }
}
