package org.p2px.bench.engine;

import org.agrona.MutableDirectBuffer;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.Role;
import org.p2px.codec.Side;

/**
 * The command stream of the engine benchmarks: a world of merchants with large SELL ads and many takers, then
 * endless take / mark paid / release cycles spread over takers and ads. Order ids are predictable (the core
 * numbers orders in sequence and every take succeeds), so the stream needs no replies to go on.
 */
final class TradeCycleScript
{
    static final long ADMIN = 1;
    static final int USDT = 1;
    static final int EUR = 100;
    static final int MARKET = 1;
    static final long FIRST_MERCHANT = 1_000;
    static final long FIRST_TAKER = 1_000_000;

    private final CommandProxy proxy = new CommandProxy();
    private final int merchants;
    private final int takers;
    private final AdTermsSpec terms = new AdTermsSpec().fixed(9_200).limits(1_000, 100_000).paymentMethods(0b1111);

    TradeCycleScript(final int merchants, final int takers)
    {
        this.merchants = merchants;
        this.takers = takers;
    }

    /** How many setup commands {@link #setup} writes. */
    int setupCommands()
    {
        return 4 + merchants * 3 + takers;
    }

    /** Writes setup command {@code n} (0-based) and returns its length. */
    int setup(final int n, final MutableDirectBuffer buffer, final long correlationId)
    {
        switch (n)
        {
            case 0:
                return proxy.registerUser(buffer, 0, correlationId, 0, ADMIN, Role.ADMIN, 3);
            case 1:
                return proxy.defineAsset(buffer, 0, correlationId, 0, ADMIN, USDT, 6, false);
            case 2:
                return proxy.defineAsset(buffer, 0, correlationId, 0, ADMIN, EUR, 2, true);
            case 3:
                return proxy.createMarket(buffer, 0, correlationId, 0, ADMIN, MARKET, USDT, EUR, 4, 1, 1_000, 10, 0, 0b1111);
            default:
                break;
        }
        final int m = n - 4;
        if (m < merchants * 3)
        {
            final long merchant = FIRST_MERCHANT + m / 3;
            return switch (m % 3)
            {
                case 0 -> proxy.registerUser(buffer, 0, correlationId, 0, merchant, Role.MERCHANT, 2);
                case 1 -> proxy.deposit(buffer, 0, correlationId, 0, ADMIN, merchant, USDT, 4_000_000_000_000L);
                default -> proxy.createAd(buffer, 0, correlationId, 0, merchant, MARKET, Side.SELL, 2_000_000_000_000L,
                    AdStatus.ONLINE, terms);
            };
        }
        return proxy.registerUser(buffer, 0, correlationId, 0, FIRST_TAKER + (m - merchants * 3), Role.USER, 1);
    }

    /** Writes trade command {@code n} (0-based, three per cycle) and returns its length. */
    int trade(final long n, final MutableDirectBuffer buffer, final long correlationId)
    {
        final long cycle = n / 3;
        final long orderId = cycle + 1;
        final long taker = FIRST_TAKER + cycle % takers;
        final long ad = 1 + cycle % merchants;
        return switch ((int)(n % 3))
        {
            case 0 -> proxy.takeAd(buffer, 0, correlationId, 0, taker, ad, 9_200, true, 0, 0);
            case 1 -> proxy.markPaid(buffer, 0, correlationId, 0, taker, orderId);
            default -> proxy.release(buffer, 0, correlationId, 0, FIRST_MERCHANT + (ad - 1), orderId);
        };
    }
}
