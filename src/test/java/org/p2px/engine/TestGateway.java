package org.p2px.engine;

import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * Sends commands to a running engine the way a gateway will: encode with {@link CommandProxy}, offer through
 * the {@link CommandPublisher}. Correlation ids count up from a start, so each test knows which answer is whose.
 * Uses the standard world of the core tests: admin 1, USDT (1, scale 6) against EUR (100, scale 2) in market 1.
 */
final class TestGateway
{
    static final long ADMIN = 1;
    static final int USDT = 1;
    static final int EUR = 100;
    static final int MARKET = 1;
    static final long SESSION = 42;

    private final CommandPublisher publisher;
    private final CommandProxy proxy = new CommandProxy();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private long correlationId;

    TestGateway(final CommandPublisher publisher, final long firstCorrelationId)
    {
        this.publisher = publisher;
        this.correlationId = firstCorrelationId - 1;
    }

    long lastCorrelationId()
    {
        return correlationId;
    }

    long world()
    {
        offer(proxy.registerUser(buffer, 0, ++correlationId, 0, ADMIN, Role.ADMIN, 3));
        offer(proxy.defineAsset(buffer, 0, ++correlationId, 0, ADMIN, USDT, 6, false));
        offer(proxy.defineAsset(buffer, 0, ++correlationId, 0, ADMIN, EUR, 2, true));
        offer(proxy.createMarket(buffer, 0, ++correlationId, 0, ADMIN, MARKET, USDT, EUR, 4, 1, 1_000, 10, 0, 0b1111));
        return offer(proxy.setIndexPrice(buffer, 0, ++correlationId, 0, ADMIN, MARKET, 9_200));
    }

    long register(final long userId, final Role role)
    {
        return offer(proxy.registerUser(buffer, 0, ++correlationId, 0, userId, role, 2));
    }

    long deposit(final long userId, final long amount)
    {
        return offer(proxy.deposit(buffer, 0, ++correlationId, 0, ADMIN, userId, USDT, amount));
    }

    long sellAd(final long owner, final long quantity)
    {
        final AdTermsSpec terms = new AdTermsSpec().fixed(9_200).limits(1_000, 100_000).paymentMethods(0b1111);
        return offer(proxy.createAd(buffer, 0, ++correlationId, 0, owner, MARKET, Side.SELL, quantity, AdStatus.ONLINE,
            terms));
    }

    long take(final long taker, final long adId, final long fiat)
    {
        return offer(proxy.takeAd(buffer, 0, ++correlationId, 0, taker, adId, fiat, true, 0, 0));
    }

    long markPaid(final long buyer, final long orderId)
    {
        return offer(proxy.markPaid(buffer, 0, ++correlationId, 0, buyer, orderId));
    }

    long release(final long seller, final long orderId)
    {
        return offer(proxy.release(buffer, 0, ++correlationId, 0, seller, orderId));
    }

    /** Offers until the engine takes the command (spinning on BUSY); fails on UNAVAILABLE. */
    long offer(final int length)
    {
        while (true)
        {
            final OfferResult result = publisher.offer(SESSION, buffer, 0, length);
            if (result == OfferResult.ACCEPTED)
            {
                return correlationId;
            }
            if (result == OfferResult.UNAVAILABLE)
            {
                throw new IllegalStateException("engine unavailable");
            }
            Thread.onSpinWait();
        }
    }

    /** Offers once and reports what happened. */
    OfferResult offerOnce(final int length)
    {
        return publisher.offer(SESSION, buffer, 0, length);
    }

    CommandProxy proxy()
    {
        return proxy;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    long nextCorrelationId()
    {
        return ++correlationId;
    }
}
