package org.p2px.core;

import java.math.BigInteger;
import java.util.EnumSet;

import org.p2px.codec.ErrorCode;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;

/**
 * The simulation's own reading of the trading rules (docs/trading-rules.md), computed from what the events said
 * (KYC levels, registration times, completed and failed orders, restrictions, blocks, open orders, index prices)
 * and from the ads' terms and quantities, with its own arithmetic in {@link BigInteger}. It answers, for a take, a
 * crossing or a posting, every check that fails: the core must then refuse with one of them, or accept when there
 * are none. It never asks the core's rules, so that the two can be compared.
 */
final class RuleModel
{
    private static final long DAY = CoreConfig.DAY_MS;

    private final CoreConfig config;
    private final CoreState state;
    private final OrderTransitionTracker tracker;
    /** The failures found by the last question; reused. */
    final EnumSet<ErrorCode> failures = EnumSet.noneOf(ErrorCode.class);
    /** The quantity and fiat amount of the last take or crossing looked at. */
    long quantity;
    long fiat;

    RuleModel(final CoreConfig config, final CoreState state, final OrderTransitionTracker tracker)
    {
        this.config = config;
        this.state = state;
        this.tracker = tracker;
    }

    /**
     * Every check of taking {@code ad} that fails, by this test's own model of the rules (docs/trading-rules.md):
     * own ad, blocks, restriction, payment method, amount and its rounding, market minimum, the ad's limits and
     * remainder, the counterparty gates (from the events: KYC, account age, completed orders, 30-day completion
     * rate), open orders per taker, and the seller's funds. Empty when the take must succeed.
     */
    EnumSet<ErrorCode> takeFailures(
        final long time, final long takerId, final Ad ad, final long price, final long amount, final boolean inFiat,
        final int method, final long committed)
    {
        failures.clear();
        final long ownerId = ad.owner.id;
        final int m = ad.market.id - 1;
        if (ownerId == takerId)
        {
            failures.add(ErrorCode.OWN_AD);
        }
        if (tracker.isBlockedEitherWay(takerId, ownerId))
        {
            failures.add(ErrorCode.BLOCKED_COUNTERPARTY);
        }
        if (tracker.isRestricted(takerId, time))
        {
            failures.add(ErrorCode.USER_RESTRICTED);
        }
        if (method < 0 || method >= 64 || (ad.paymentMethods & (1L << method)) == 0)
        {
            failures.add(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED);
        }
        if (price <= 0)
        {
            failures.add(ErrorCode.NO_INDEX_PRICE);
            return failures;
        }
        final boolean takerBuys = ad.side == Side.SELL;
        final BigInteger unit = BigInteger.valueOf(SimulationDriver.MARKET_UNIT[m]);
        final BigInteger p = BigInteger.valueOf(price);
        final BigInteger exactQuantity;
        final BigInteger exactFiat;
        if (inFiat)
        {
            exactFiat = BigInteger.valueOf(amount);
            exactQuantity = divide(exactFiat.multiply(unit), p, !takerBuys);
        }
        else
        {
            exactQuantity = BigInteger.valueOf(amount);
            exactFiat = divide(exactQuantity.multiply(p), unit, takerBuys);
        }
        if (exactQuantity.bitLength() > 63 || exactFiat.bitLength() > 63)
        {
            failures.add(ErrorCode.AMOUNT_TOO_LARGE);
            return failures;
        }
        quantity = exactQuantity.longValue();
        fiat = exactFiat.longValue();
        if (fiat < SimulationDriver.MARKET_MIN_FIAT[m])
        {
            failures.add(ErrorCode.BELOW_MARKET_MINIMUM);
        }
        if (quantity <= 0 || fiat < ad.minFiat || fiat > ad.maxFiat)
        {
            failures.add(ErrorCode.AD_LIMIT_EXCEEDED);
        }
        if (quantity > ad.remaining)
        {
            failures.add(ErrorCode.AD_INSUFFICIENT_QUANTITY);
        }
        if (!passesGates(takerId, ad, time))
        {
            failures.add(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET);
        }
        if (ad.maxOpenOrdersPerTaker > 0 && tracker.openOrdersOn(ad.id, takerId) >= ad.maxOpenOrdersPerTaker)
        {
            failures.add(ErrorCode.TOO_MANY_OPEN_ORDERS);
        }
        final long sellerFee =
            fee(quantity, takerBuys ? SimulationDriver.MARKET_MAKER_BPS[m] : SimulationDriver.MARKET_TAKER_BPS[m]);
        final long escrow = quantity + sellerFee;
        final long needed = takerBuys ? Math.max(0, escrow - ad.reserved) : escrow;
        if (needed > available(takerBuys ? ownerId : takerId, SimulationDriver.MARKET_ASSET[m]) - committed)
        {
            failures.add(ErrorCode.INSUFFICIENT_BALANCE);
        }
        return failures;
    }

    /**
     * Whether a taker who would buy has as many unpaid orders as docs/trading-rules.md lets it hold (fewer while
     * it is new), by the events.
     */
    boolean atUnpaidLimit(final long takerId)
    {
        final int limit = tracker.userModels.get(takerId).completed < config.newTakerCompletedOrders()
            ? config.maxUnpaidOrdersNewTaker()
            : config.maxUnpaidOrdersPerTaker();
        return tracker.unpaidTakesOf(takerId) >= limit;
    }

    /**
     * Whether a FIXED price lies outside the band around the market's index (docs/trading-rules.md), by exact
     * arithmetic: |price - index| x 10000 > band x index; no band without an index or with a band of 0.
     */
    boolean outOfBand(final long price, final long index)
    {
        if (config.maxPriceDeviationBps() == 0 || index <= 0 || price <= 0)
        {
            return false;
        }
        final BigInteger distance = BigInteger.valueOf(price).subtract(BigInteger.valueOf(index)).abs();
        return distance.multiply(BigInteger.valueOf(10_000))
            .compareTo(BigInteger.valueOf(index).multiply(BigInteger.valueOf(config.maxPriceDeviationBps()))) > 0;
    }

    /** The posting thresholds for non-merchants (docs/trading-rules.md), by the events. */
    boolean meetsPostingThresholds(final long userId, final long now)
    {
        final OrderTransitionTracker.UserModel model = tracker.userModels.get(userId);
        return tracker.kycLevels.get(userId) >= config.postingMinKycLevel() &&
            now - tracker.registeredAt.get(userId) >= config.postingMinAccountAgeMs() &&
            model.completed >= config.postingMinCompletedOrders() &&
            model.completionRateBps(Math.floorDiv(now, DAY)) >= config.postingMinCompletionBps();
    }

    /** Whether a user passes an ad's counterparty gates, by the events. */
    boolean passesGates(final long userId, final Ad ad, final long time)
    {
        final OrderTransitionTracker.UserModel model = tracker.userModels.get(userId);
        return tracker.kycLevels.get(userId) >= ad.minKycLevel &&
            time - tracker.registeredAt.get(userId) >= ad.minAccountAgeDays * DAY &&
            model.completed >= ad.minCompletedOrders &&
            model.completionRateBps(Math.floorDiv(time, DAY)) >= ad.minCompletionRateBps;
    }

    /**
     * Every reason two opted-in ads whose prices meet may not cross, by this test's model of docs/trading-rules.md:
     * one owner, blocks, restrictions, no common method, gates either way, open orders per taker either way, no
     * amount within both limits and remainders at the first-rested ad's price, the seller's funds.
     */
    EnumSet<ErrorCode> crossFailures(final long now, final Ad buyAd, final Ad sellAd)
    {
        failures.clear();
        final long buyer = buyAd.owner.id;
        final long seller = sellAd.owner.id;
        final int m = buyAd.market.id - 1;
        if (buyer == seller)
        {
            failures.add(ErrorCode.OWN_AD);
        }
        if (tracker.isBlockedEitherWay(buyer, seller))
        {
            failures.add(ErrorCode.BLOCKED_COUNTERPARTY);
        }
        if (tracker.isRestricted(buyer, now) || tracker.isRestricted(seller, now))
        {
            failures.add(ErrorCode.USER_RESTRICTED);
        }
        if ((buyAd.paymentMethods & sellAd.paymentMethods & SimulationDriver.MARKET_METHODS[m]) == 0)
        {
            failures.add(ErrorCode.PAYMENT_METHOD_NOT_ACCEPTED);
        }
        if (!passesGates(buyer, sellAd, now) || !passesGates(seller, buyAd, now))
        {
            failures.add(ErrorCode.COUNTERPARTY_REQUIREMENTS_NOT_MET);
        }
        if ((sellAd.maxOpenOrdersPerTaker > 0 &&
            tracker.openOrdersOn(sellAd.id, buyer) >= sellAd.maxOpenOrdersPerTaker) ||
            (buyAd.maxOpenOrdersPerTaker > 0 && tracker.openOrdersOn(buyAd.id, seller) >= buyAd.maxOpenOrdersPerTaker))
        {
            failures.add(ErrorCode.TOO_MANY_OPEN_ORDERS);
        }
        final boolean buyRestedFirst = buyAd.bookSeq < sellAd.bookSeq;
        final long price = priceOf(buyRestedFirst ? buyAd : sellAd);
        if (price <= 0)
        {
            failures.add(ErrorCode.NO_INDEX_PRICE);
            return failures;
        }
        final BigInteger unit = BigInteger.valueOf(SimulationDriver.MARKET_UNIT[m]);
        final BigInteger p = BigInteger.valueOf(price);
        final long minFiat = Math.max(Math.max(buyAd.minFiat, sellAd.minFiat), SimulationDriver.MARKET_MIN_FIAT[m]);
        final long maxFiat = Math.min(buyAd.maxFiat, sellAd.maxFiat);
        // An upper limit worth more asset than a long holds limits nothing: the remainders do.
        final BigInteger byLimit = BigInteger.valueOf(maxFiat).multiply(unit).divide(p);
        final long quantity = Math.min(Math.min(buyAd.remaining, sellAd.remaining),
            byLimit.bitLength() > 63 ? Long.MAX_VALUE : byLimit.longValue());
        final BigInteger exactFiat = divide(BigInteger.valueOf(quantity).multiply(p), unit, !buyRestedFirst);
        if (exactFiat.bitLength() > 63)
        {
            failures.add(ErrorCode.AMOUNT_TOO_LARGE);
            return failures;
        }
        final long fiat = exactFiat.longValue();
        if (quantity <= 0 || fiat < minFiat || fiat > maxFiat)
        {
            failures.add(ErrorCode.AD_LIMIT_EXCEEDED);
        }
        final long escrow = quantity + fee(Math.max(0, quantity), SimulationDriver.MARKET_MAKER_BPS[m]);
        if (Math.max(0, escrow - sellAd.reserved) > available(seller, SimulationDriver.MARKET_ASSET[m]))
        {
            failures.add(ErrorCode.INSUFFICIENT_BALANCE);
        }
        return failures;
    }


    long priceOf(final Ad ad)
    {
        if (ad.priceType == PriceType.FIXED)
        {
            return ad.price;
        }
        final long index = tracker.indexPrices.get(ad.market.id);
        final long raw = BigInteger.valueOf(index).multiply(BigInteger.valueOf(10_000L + ad.marginBps))
            .divide(BigInteger.valueOf(10_000L)).longValueExact();
        return raw - raw % ad.market.priceTick;
    }

    static BigInteger divide(final BigInteger dividend, final BigInteger divisor, final boolean roundUp)
    {
        final BigInteger[] qr = dividend.divideAndRemainder(divisor);
        return roundUp && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    static long fee(final long quantity, final int bps)
    {
        return BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(bps)).divide(BigInteger.valueOf(10_000L))
            .longValueExact();
    }

    static long mulDiv(final long a, final long b, final long c)
    {
        final BigInteger result = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
        return result.bitLength() < 63 ? result.longValue() : Long.MAX_VALUE;
    }

    private long available(final long userId, final int assetId)
    {
        final User user = state.users.get(userId);
        return user == null ? 0 : user.available(assetId);
    }
}
